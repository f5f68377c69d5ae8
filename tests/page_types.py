"""One live page of every page type in a language: what the whole-site checks visit (axe, the screenshots, the
footer on every page)."""

from wagtail.models import Locale, Page, get_page_models

from news.models import EventIndexPage, NewsIndexPage
from partners.models import Partner

from .factories.news import EventPageFactory, NewsPageFactory


def one_page_of_each_type(language_code):
    """{page type: path} for the first live, public page of every page type in the language (the site's root
    excluded), and the sub-pages routable pages serve (a partner's page)."""
    locale = Locale.objects.get(language_code=language_code)
    pages = {}
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().filter(locale=locale).order_by("path").first()
        if page is not None:
            pages[model._meta.model_name] = page.get_url()
    if "partnerindexpage" in pages:
        partner = Partner.objects.filter(locale=locale).order_by("pk").first()
        if partner is not None:
            pages["partner"] = f"{pages['partnerindexpage']}{partner.slug}/"
    return pages


def add_a_news_item_and_an_event(language_code, news_fields=None, event_fields=None):
    """The content ships no news or events (none are invented): make one of each, marked as test items;
    ``news_fields`` and ``event_fields`` set more of their fields (the screenshots fix their slugs and dates)."""
    locale = Locale.objects.get(language_code=language_code)
    NewsPageFactory(parent=NewsIndexPage.objects.get(locale=locale), title="Test news item", **(news_fields or {}))
    EventPageFactory(parent=EventIndexPage.objects.get(locale=locale), title="Test event", **(event_fields or {}))
