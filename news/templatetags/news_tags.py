"""What the news app offers to other apps' templates: the home page's latest news and next events, feed links."""

from django import template

from wagtail.models import Locale, Page

from news.models import EventIndexPage, EventPage, NewsIndexPage

register = template.Library()


def _locale_of(context):
    page = context.get("page")
    return page.locale if isinstance(page, Page) else Locale.get_active()


def _public(request, queryset):
    """``queryset.public()``, with the view restrictions read once per request: Wagtail reads them again for each
    ``public()``, and the home page's lists would read them four times."""
    private = getattr(request, "_news_private_pages", None)
    if private is None:
        private = queryset.private_q()
        if request is not None:
            request._news_private_pages = private
    return queryset.exclude(private)


def _index(model, context, locale):
    """The first live, public page of ``model`` (an index page) in ``locale``, looked up once per request."""
    request = context.get("request")
    found = getattr(request, "_news_index_pages", None)
    if found is None:
        found = {}
        if request is not None:
            request._news_index_pages = found
    if (model, locale.pk) not in found:
        pages = _public(request, model.objects.live().filter(locale=locale))
        found[(model, locale.pk)] = pages.order_by("path").first()
    return found[(model, locale.pk)]


@register.inclusion_tag("news/includes/home_news_events.html", takes_context=True)
def latest_news_and_events(context, news_count=3, events_count=3):
    """The latest news and the next events in the language of the page being shown."""
    request = context.get("request")
    locale = _locale_of(context)
    news_index = _index(NewsIndexPage, context, locale)
    event_index = _index(EventIndexPage, context, locale)
    news_items = (
        _public(request, news_index.live_news()).prefetch_related("image__renditions")[:news_count]
        if news_index
        else []
    )
    events = list(EventPage.upcoming(_public(request, event_index.live_events()))[:events_count]) if event_index else []
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
    index = index or _index(NewsIndexPage, context, _locale_of(context))
    request = context.get("request")
    return {"index": index, "feeds": index.feed_urls(request) if index else None}


@register.inclusion_tag("news/includes/feed_links_list.html", takes_context=True)
def feed_links_list(context, index):
    return {"feeds": index.feed_urls(context.get("request"))}
