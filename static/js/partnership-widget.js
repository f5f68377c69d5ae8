/*!
 * Lubelskie Partnerstwo – reference widget for partner portals.
 *
 * One tag and one element, no dependencies:
 *
 *   <script src="https://<site>/static/js/partnership-widget.js" defer></script>
 *   <div data-lp-widget="news" data-lp-limit="3" data-lp-lang="pl"></div>
 *
 * data-lp-widget   what to show: "news" (latest news), "events" (upcoming events), "partners", or "pages"
 * data-lp-limit    how many items, 1–20 (default 3)
 * data-lp-lang     "pl" or "en" (default: the portal page's own language, else Polish)
 * data-lp-heading  heading level of the widget's title, 2–6 (default 2); its items use the next level
 * data-lp-api      the API's base URL (default: /api/v2/ on the site this script comes from)
 *
 * The widget renders plain, semantic HTML with "lp-widget…" class names and no styles of its own: the portal
 * styles it. Content from the API is inserted as text, never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var scriptBase = script && script.src ? new URL("/api/v2/", script.src).href : null;

  var TEXT = {
    pl: {
      news: "Aktualności",
      events: "Nadchodzące wydarzenia",
      partners: "Partnerzy",
      pages: "Lubelskie Partnerstwo",
      loading: "Wczytywanie…",
      error: "Nie udało się wczytać treści. Spróbuj ponownie później.",
      empty: "Na razie nie ma tu nic do pokazania.",
      source: "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej"
    },
    en: {
      news: "Latest news",
      events: "Upcoming events",
      partners: "Partners",
      pages: "Lublin Partnership",
      loading: "Loading…",
      error: "The content could not be loaded. Please try again later.",
      empty: "There is nothing to show here yet.",
      source: "Lublin Partnership for the Development of the Social Economy"
    }
  };

  /* Each kind: the API request for it, and how one answer item becomes {title, url, date, summary}. */
  var KINDS = {
    news: {
      path: "pages/",
      query: function (options) {
        return { type: "news.NewsPage", locale: options.lang, limit: options.limit, order: "-date", fields: "date,lead" };
      },
      item: function (page) {
        return { title: page.title, url: page.meta && page.meta.html_url, date: page.date, summary: page.lead };
      }
    },
    events: {
      path: "pages/",
      query: function (options) {
        return {
          type: "news.EventPage",
          locale: options.lang,
          limit: options.limit,
          when: "upcoming",
          fields: "start,place,lead"
        };
      },
      item: function (page) {
        return {
          title: page.title,
          url: page.meta && page.meta.html_url,
          date: page.start,
          place: page.place,
          summary: page.lead
        };
      }
    },
    partners: {
      path: "partners/",
      query: function (options) {
        return { locale: options.lang, limit: options.limit, fields: "name,sector_label,city" };
      },
      item: function (partner) {
        return {
          title: partner.name,
          url: partner.meta && partner.meta.html_url,
          summary: [partner.sector_label, partner.city].filter(Boolean).join(", ")
        };
      }
    },
    pages: {
      path: "pages/",
      query: function (options) {
        return { locale: options.lang, limit: options.limit, order: "-first_published_at", fields: "search_description" };
      },
      item: function (page) {
        return {
          title: page.title,
          url: page.meta && page.meta.html_url,
          summary: page.meta && page.meta.search_description
        };
      }
    }
  };

  var counter = 0;

  function language(element) {
    var wanted = (element.getAttribute("data-lp-lang") || document.documentElement.lang || "pl").slice(0, 2);
    return TEXT[wanted] ? wanted : "pl";
  }

  function bounded(value, low, high, fallback) {
    var number = parseInt(value, 10);
    if (isNaN(number)) {
      return fallback;
    }
    return Math.min(high, Math.max(low, number));
  }

  function safeUrl(url) {
    if (!url) {
      return null;
    }
    try {
      var parsed = new URL(url, document.baseURI);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function formatDate(value, lang) {
    var date = new Date(value);
    if (isNaN(date.getTime())) {
      return value;
    }
    var dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    var format = dateOnly
      ? { dateStyle: "long", timeZone: "UTC" }
      : { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Warsaw" };
    try {
      return new Intl.DateTimeFormat(lang, format).format(date);
    } catch (e) {
      return value.slice(0, 10);
    }
  }

  function requestUrl(apiBase, kind, options) {
    var url = new URL(kind.path, apiBase);
    var query = kind.query(options);
    Object.keys(query).forEach(function (name) {
      if (query[name] !== undefined && query[name] !== null) {
        url.searchParams.set(name, query[name]);
      }
    });
    return url.href;
  }

  function renderItems(list, items, options) {
    items.forEach(function (data) {
      var entry = element("li", "lp-widget__item");
      var article = element("article", "lp-widget__article");
      var heading = element("h" + Math.min(6, options.headingLevel + 1), "lp-widget__item-title");
      var href = safeUrl(data.url);
      if (href) {
        var link = element("a", "lp-widget__link", data.title);
        link.href = href;
        heading.appendChild(link);
      } else {
        heading.textContent = data.title;
      }
      article.appendChild(heading);
      if (data.date) {
        var meta = element("p", "lp-widget__meta");
        var time = element("time", "lp-widget__date", formatDate(data.date, options.lang));
        time.setAttribute("datetime", data.date);
        meta.appendChild(time);
        if (data.place) {
          meta.appendChild(document.createTextNode(", "));
          meta.appendChild(element("span", "lp-widget__place", data.place));
        }
        article.appendChild(meta);
      }
      if (data.summary) {
        article.appendChild(element("p", "lp-widget__summary", data.summary));
      }
      entry.appendChild(article);
      list.appendChild(entry);
    });
  }

  function render(container) {
    if (container.getAttribute("data-lp-ready")) {
      return Promise.resolve();
    }
    container.setAttribute("data-lp-ready", "loading");
    var kindName = container.getAttribute("data-lp-widget");
    var kind = KINDS[kindName];
    var options = {
      lang: language(container),
      limit: bounded(container.getAttribute("data-lp-limit"), 1, 20, 3),
      headingLevel: bounded(container.getAttribute("data-lp-heading"), 2, 6, 2)
    };
    var text = TEXT[options.lang];
    var apiBase = safeUrl(container.getAttribute("data-lp-api")) || scriptBase;
    var id = "lp-widget-" + ++counter;

    var section = element("section", "lp-widget lp-widget--" + kindName);
    section.setAttribute("lang", options.lang);
    section.setAttribute("aria-labelledby", id + "-title");
    section.setAttribute("aria-busy", "true");
    var title = element("h" + options.headingLevel, "lp-widget__title", text[kindName] || text.pages);
    title.id = id + "-title";
    var status = element("p", "lp-widget__status", text.loading);
    status.setAttribute("role", "status");
    section.appendChild(title);
    section.appendChild(status);
    container.textContent = "";
    container.appendChild(section);

    function finish(message) {
      section.setAttribute("aria-busy", "false");
      container.setAttribute("data-lp-ready", message ? "error" : "done");
      if (message) {
        status.textContent = message;
      } else {
        section.removeChild(status);
      }
    }

    if (!kind || !apiBase) {
      finish(text.error);
      return Promise.resolve();
    }
    return Promise.resolve()
      .then(function () {
        return fetch(requestUrl(apiBase, kind, options), {
          credentials: "omit",
          headers: { Accept: "application/json" }
        });
      })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (answer) {
        var items = (answer.items || []).map(kind.item).filter(function (item) {
          return item && item.title;
        });
        if (!items.length) {
          finish(text.empty);
          return;
        }
        var list = element("ul", "lp-widget__list");
        renderItems(list, items.slice(0, options.limit), options);
        section.appendChild(list);
        var source = element("p", "lp-widget__source");
        var home = safeUrl(new URL("/" + options.lang + "/", apiBase).href);
        var sourceLink = element("a", "lp-widget__source-link", text.source);
        sourceLink.href = home;
        source.appendChild(sourceLink);
        section.appendChild(source);
        finish(null);
      })
      .catch(function () {
        finish(text.error);
      });
  }

  function renderAll(root) {
    var containers = (root || document).querySelectorAll("[data-lp-widget]");
    return Promise.all(Array.prototype.map.call(containers, render));
  }

  window.LubelskiePartnerstwoWidget = { render: render, renderAll: renderAll, kinds: KINDS };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      renderAll();
    });
  } else {
    renderAll();
  }
})();
