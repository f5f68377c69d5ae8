"""The reference widget's "pages" and "partners" kinds in a real browser, on a portal's page served from another
origin: the demo page of docs/widget-demo reading the live site's content API."""

import json
from pathlib import Path

import pytest

DEMO_PAGE = Path(__file__).resolve().parents[2] / "docs" / "widget-demo" / "index.html"


@pytest.fixture
def portal_page(portal, site_url):
    """Put a page on the portal, by default the widget's demo page, its widgets pointed at the live site."""

    def serve(html=None):
        source = html if html is not None else DEMO_PAGE.read_text()
        return portal.page(source.replace("http://127.0.0.1:8000", site_url))

    return serve


@pytest.fixture
def portal_allowed(settings, portal):
    settings.CORS_ALLOWED_ORIGINS = [*settings.CORS_ALLOWED_ORIGINS, portal.origin]


def open_demo(page, url):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url)
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-lp-widget]')].every(el => "
        "['done', 'error'].includes(el.dataset.lpReady))"
    )
    return page, errors


def test_demo_page_on_another_origin_renders_pages_from_the_api(portal_page, portal_allowed, page):
    page, errors = open_demo(page, portal_page())

    polish = page.locator("#demo-pages-pl section.lp-widget")
    assert polish.get_attribute("lang") == "pl"
    assert polish.get_attribute("aria-busy") == "false"
    title_id = polish.get_attribute("aria-labelledby")
    assert page.locator(f"#{title_id}").inner_text() == "Lubelskie Partnerstwo"
    items = polish.locator(".lp-widget__item")
    assert items.count() == 3
    links = polish.locator(".lp-widget__item-title a")
    assert all(href.startswith("http://testserver/pl/") for href in links.evaluate_all("as => as.map(a => a.href)"))

    english = page.locator("#demo-pages-en section.lp-widget")
    assert english.get_attribute("lang") == "en"
    assert english.locator(".lp-widget__item").count() == 2
    assert all(
        "/en/" in href for href in english.locator("a.lp-widget__link").evaluate_all("as => as.map(a => a.href)")
    )
    assert errors == []


def test_demo_page_on_another_origin_renders_partners_in_each_language(portal_page, portal_allowed, page):
    page, errors = open_demo(page, portal_page())

    polish = page.locator("#demo-partners-pl section.lp-widget--partners")
    assert page.locator(f"#{polish.get_attribute('aria-labelledby')}").inner_text() == "Partnerzy"
    polish_titles = polish.locator(".lp-widget__item-title").all_inner_texts()
    assert "Lubelska Spółdzielnia Socjalna „KOZIOŁEK”" in polish_titles
    english = page.locator("#demo-partners-en section.lp-widget--partners")
    assert page.locator(f"#{english.get_attribute('aria-labelledby')}").inner_text() == "Partners"
    assert "Lublin Social Cooperative “KOZIOŁEK”" in english.locator(".lp-widget__item-title").all_inner_texts()
    assert 1 <= english.locator(".lp-widget__item").count() <= 5
    assert errors == []


def test_widget_shows_a_readable_message_when_the_origin_is_not_allowed(portal_page, page):
    page, _errors = open_demo(page, portal_page())

    status = page.locator("#demo-pages-pl .lp-widget__status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == "Nie udało się wczytać treści. Spróbuj ponownie później."
    assert page.locator("#demo-pages-en .lp-widget__status").inner_text().startswith("The content could not be loaded")


def test_widget_inserts_api_text_as_text_never_as_html(portal_page, tmp_path, page):
    """An answer carrying markup (here from a stand-in API on the portal's own origin) is shown as text."""
    fake_pages = tmp_path / "fake-api" / "pages"
    fake_pages.mkdir(parents=True)
    title = '<img src=x onerror="window.pwned=1">'
    answer = {
        "meta": {"total_count": 2},
        "items": [
            {"id": 1, "title": title, "meta": {"html_url": "javascript:window.pwned=2", "search_description": title}},
            {
                "id": 2,
                "title": "Zwykła strona",
                "meta": {"html_url": "https://example.org/pl/", "search_description": ""},
            },
        ],
    }
    (fake_pages / "index.html").write_text(json.dumps(answer))
    html = (
        '<!DOCTYPE html><html lang="pl"><body>'
        '<div id="w" data-lp-widget="pages" data-lp-api="/fake-api/"></div>'
        '<script src="http://127.0.0.1:8000/static/js/partnership-widget.js"></script></body></html>'
    )
    page, errors = open_demo(page, portal_page(html))

    assert page.locator("#w img").count() == 0
    assert page.locator("#w .lp-widget__item-title").first.inner_text() == title
    assert page.locator("#w .lp-widget__item-title").first.locator("a").count() == 0  # javascript: URL dropped
    assert page.locator("#w a.lp-widget__link").get_attribute("href") == "https://example.org/pl/"
    page.locator("#w .lp-widget__item-title").first.click()
    assert page.evaluate("() => window.pwned") is None
    assert errors == []
