"""What the news app offers to other apps' templates: the home page's latest news and next events, feed links."""

from django import template

from wagtail.models import Locale, Page

from news.models import EventIndexPage, EventPage, NewsIndexPage

register = template.Library()


def _locale_of(context):
    page = context.get("page")
    return page.locale if isinstance(page, Page) else Locale.get_active()


def _index(model, locale):
    return model.objects.live().public().filter(locale=locale).order_by("path").first()


@register.inclusion_tag("news/includes/home_news_events.html", takes_context=True)
def latest_news_and_events(context, news_count=3, events_count=3):
    """The latest news and the next events in the language of the page being shown."""
    locale = _locale_of(context)
    news_index = _index(NewsIndexPage, locale)
    event_index = _index(EventIndexPage, locale)
    news_items = news_index.news().prefetch_related("image__renditions")[:news_count] if news_index else []
    events = list(EventPage.upcoming(event_index.events())[:events_count]) if event_index else []
    return {
        "request": context.get("request"),
        "news_index": news_index,
        "news_items": news_items,
        "event_index": event_index,
        "events": events,
    }


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context, index=None):
    """``<link rel="alternate">`` to the RSS and Atom feeds of ``index``, or of the page's language's news."""
    index = index or _index(NewsIndexPage, _locale_of(context))
    request = context.get("request")
    return {"index": index, "feeds": index.feed_urls(request) if index else None}


@register.inclusion_tag("news/includes/feed_links_list.html", takes_context=True)
def feed_links_list(context, index):
    return {"feeds": index.feed_urls(context.get("request"))}
