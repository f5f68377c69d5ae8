"""The reference widget's "news" and "events" kinds in a real browser, on a portal page from another origin,
reading the real content API of the live site (the pages and partners kinds: test_widget_pages_and_partners.py)."""

from datetime import timedelta

import pytest

from django.utils import timezone

from wagtail.models import Locale


@pytest.fixture
def widgets_page(portal, settings, site_url):
    """A partner portal's page, on an origin the site allows, embedding the news and events widgets."""
    settings.CORS_ALLOWED_ORIGINS = [*settings.CORS_ALLOWED_ORIGINS, portal.origin]
    return portal.page(
        '<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>Portal</title></head><body>'
        '<div id="news-pl" data-lp-widget="news" data-lp-limit="2" data-lp-lang="pl"></div>'
        '<div id="events-en" data-lp-widget="events" data-lp-limit="5" data-lp-lang="en"></div>'
        f'<script src="{site_url}/static/js/partnership-widget.js"></script>'
        "</body></html>"
    )


def add_news_and_events():
    from news.models import EventIndexPage, NewsIndexPage

    from ..factories.news import EventPageFactory, NewsPageFactory

    polish, english = Locale.objects.get(language_code="pl"), Locale.objects.get(language_code="en")
    news_index = NewsIndexPage.objects.get(locale=polish)
    today = timezone.localdate()
    NewsPageFactory(parent=news_index, title="Test: najstarsza", date=today - timedelta(days=20))
    NewsPageFactory(parent=news_index, title="Test: najnowsza", date=today - timedelta(days=1))
    NewsPageFactory(parent=news_index, title="Test: środkowa", date=today - timedelta(days=10))
    NewsPageFactory(parent=NewsIndexPage.objects.get(locale=english), title="Test: English news")
    events = EventIndexPage.objects.get(locale=english)
    now = timezone.now()
    EventPageFactory(parent=events, title="Test: past event", start=now - timedelta(days=3))
    EventPageFactory(parent=events, title="Test: later event", start=now + timedelta(days=30), place="Lublin")
    EventPageFactory(parent=events, title="Test: next event", start=now + timedelta(days=2), place="Biuro FLOP")
    EventPageFactory(parent=EventIndexPage.objects.get(locale=polish), title="Test: wydarzenie po polsku")


def test_news_and_events_widgets_show_the_api_content_of_their_language_in_order(widgets_page, page):
    add_news_and_events()
    tab = page
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))

    tab.goto(widgets_page)
    tab.wait_for_function(
        "() => [...document.querySelectorAll('[data-lp-widget]')].every(el => el.dataset.lpReady === 'done')"
    )

    news = tab.locator("#news-pl section.lp-widget")
    assert news.get_attribute("lang") == "pl"
    assert tab.locator(f"#{news.get_attribute('aria-labelledby')}").inner_text() == "Aktualności"
    # Newest first, limited to two, Polish only.
    assert news.locator(".lp-widget__item-title").all_inner_texts() == ["Test: najnowsza", "Test: środkowa"]
    yesterday = timezone.localdate() - timedelta(days=1)
    assert news.locator("time").first.get_attribute("datetime") == yesterday.isoformat()
    assert all("/pl/" in href for href in news.locator("a.lp-widget__link").evaluate_all("as => as.map(a => a.href)"))

    events = tab.locator("#events-en section.lp-widget")
    assert tab.locator(f"#{events.get_attribute('aria-labelledby')}").inner_text() == "Upcoming events"
    # Upcoming only, soonest first, English only, with the place.
    assert events.locator(".lp-widget__item-title").all_inner_texts() == ["Test: next event", "Test: later event"]
    assert events.locator(".lp-widget__place").all_inner_texts() == ["Biuro FLOP", "Lublin"]
    assert errors == []
