"""/sitemap.xml: every live, public page of every language, each paired with its translations (hreflang).

A page lists what it serves through Wagtail's ``get_sitemap_urls()``: itself, and for a routable page the routes
that show something of their own (a partner's page below the partner index, the event archive). An entry may
name a ``translation_key``: the entries of one key in different languages are each other's translations
(a page's own entry is keyed by the page's ``translation_key``).

Every location is a full URL from the page's Wagtail site record (``home.site_address``), never from the request.
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Q

from wagtail.models import Page, Site


class PageSitemap(Sitemap):
    def items(self):
        # Computed once per request: the paginator and the pairing of translations both read it.
        if not hasattr(self, "_entries"):
            self._entries = self._live_entries()
        return self._entries

    def _live_entries(self):
        roots = [
            translation
            for site in Site.objects.select_related("root_page")
            for translation in site.root_page.get_translations(inclusive=True)
        ]
        if not roots:
            return []
        in_a_site = reduce(or_, (Q(path__startswith=root.path) for root in roots))
        pages = (
            Page.objects.live().public().filter(in_a_site).select_related("locale").order_by("path", "locale_id")
        ).specific()
        entries = []
        for page in pages:
            for entry in page.get_sitemap_urls():
                if entry.get("location"):
                    entries.append(
                        {
                            **entry,
                            "language": page.locale.language_code,
                            "translation_key": entry.get("translation_key", page.translation_key),
                        }
                    )
        return entries

    def location(self, item):
        return item["location"]

    def lastmod(self, item):
        return item.get("lastmod")

    def get_urls(self, page=1, site=None, protocol=None):
        # Django's own get_urls() prefixes each location with the request's protocol and host; ours are whole.
        entries = list(self.paginator.page(page).object_list)
        versions = defaultdict(dict)
        for entry in self.items():
            versions[entry["translation_key"]].setdefault(entry["language"], entry["location"])
        urls = []
        for entry in entries:
            languages = versions[entry["translation_key"]]
            alternates = [
                {"lang_code": code, "location": languages[code]}
                for code, _name in settings.LANGUAGES
                if code in languages
            ]
            if settings.LANGUAGE_CODE in languages:
                alternates.append({"lang_code": "x-default", "location": languages[settings.LANGUAGE_CODE]})
            urls.append(
                {
                    "item": entry,
                    "location": entry["location"],
                    "lastmod": entry.get("lastmod"),
                    "changefreq": None,
                    "priority": "",
                    "alternates": alternates,
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and all(lastmods):
            self.latest_lastmod = max(lastmods)
        return urls


SITEMAPS = {"pages": PageSitemap}
