"""What the news app offers to other apps' templates: the home page's latest news and next events, feed links."""

from django import template

from wagtail.models import Locale, Page

from home.site_pages import site_page
from home.visibility import private_pages_q
from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage

register = template.Library()


def _locale_of(context):
    page = context.get("page")
    return page.locale if isinstance(page, Page) else Locale.get_active()


def _indexes(context):
    """{model: index page} of the news and events index pages in the page's language (``home.site_pages``)."""
    request, language = context.get("request"), _locale_of(context).language_code
    return {model: site_page(request, model, language) for model in (NewsIndexPage, EventIndexPage)}


@register.inclusion_tag("news/includes/home_news_events.html", takes_context=True)
def latest_news_and_events(context, news_count=3, events_count=3):
    """The latest news and the next events in the language of the page being shown."""
    request = context.get("request")
    indexes = _indexes(context)
    news_index, event_index = indexes.get(NewsIndexPage), indexes.get(EventIndexPage)
    private = private_pages_q(request)
    news_items = []
    if news_index:
        news_items = (
            NewsPage.objects.child_of(news_index)
            .live()
            .exclude(private)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-first_published_at", "-pk")[:news_count]
        )
    events = []
    if event_index:
        events = list(
            EventPage.upcoming(EventPage.objects.child_of(event_index).live().exclude(private))[:events_count]
        )
    return {
        "request": request,
        "news_index": news_index,
        "news_items": news_items,
        "event_index": event_index,
        "events": events,
    }


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context, index=None):
    """``<link rel="alternate">`` to the RSS and Atom feeds of ``index``, or of the page's language's news."""
    index = index or _indexes(context).get(NewsIndexPage)
    request = context.get("request")
    return {"index": index, "feeds": index.feed_urls(request) if index else None}


@register.inclusion_tag("news/includes/feed_links_list.html", takes_context=True)
def feed_links_list(context, index):
    return {"feeds": index.feed_urls(context.get("request"))}
