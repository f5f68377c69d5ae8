"""axe-core finds no accessibility violation on any page type, in either language, at desktop or phone width, and
no page scrolls sideways at 320 pixels.

axe-core comes from the PyPI package axe-playwright-python, which ships axe.min.js: nothing is downloaded at run
time. A page with violations is screenshotted into test-artifacts/ (not committed), to show what to fix.
"""

from importlib import resources

import pytest

from django.conf import settings

from wagtail.models import Locale, Page, get_page_models

from .conftest import DESKTOP, close_tab, new_tab, screenshot

AXE_SCRIPT = (resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    # Every rule still runs; axe just skips collecting the passes and incomplete results nobody reads (its
    # documented speed-up for large pages).
    "resultTypes": ["violations"],
}


# The innermost elements that stick out of the viewport, to say what to fix.
WIDER_THAN_VIEWPORT = """() => [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
    .filter(el => ![...el.children].some(child => child.getBoundingClientRect().right > window.innerWidth + 1))
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + (el.className ? "." + String(el.className).split(" ").join(".") : ""))"""


def one_page_of_each_type(language_code):
    """The first live, public page of every page type in the language (the site's root excluded), and the
    sub-pages routable pages serve (a partner's page)."""
    locale = Locale.objects.get(language_code=language_code)
    pages = {}
    for model in get_page_models():
        if model is Page:
            continue
        page = model.objects.live().public().filter(locale=locale).order_by("path").first()
        if page is not None:
            pages[model._meta.model_name] = page.get_url()
    if "partnerindexpage" in pages:
        from partners.models import Partner

        partner = Partner.objects.filter(locale=locale).order_by("pk").first()
        if partner is not None:
            pages["partner"] = f"{pages['partnerindexpage']}{partner.slug}/"
    return pages


def add_a_news_item_and_an_event(language_code):
    """The content ships no news or events (none are invented): make one of each, marked as test items."""
    from news.models import EventIndexPage, NewsIndexPage

    from ..factories.news import EventPageFactory, NewsPageFactory

    locale = Locale.objects.get(language_code=language_code)
    NewsPageFactory(parent=NewsIndexPage.objects.get(locale=locale), title="Test news item")
    EventPageFactory(parent=EventIndexPage.objects.get(locale=locale), title="Test event")


def axe_violations(page):
    """axe's findings on the page the tab shows (axe is in every page of a tab from ``new_axe_tab``)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(content=AXE_SCRIPT)
    results = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    return [
        {"rule": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in results["violations"]
    ]


def new_axe_tab(browser, viewport):
    """A tab that runs axe-core in every page it loads, before the page's own scripts: handed to Chromium once,
    instead of 550 kB sent with every page (``add_script_tag``) and parsed from a script element there."""
    tab = new_tab(browser, viewport)
    tab.context.add_init_script(script=AXE_SCRIPT)
    return tab


#: The phone width of the axe check: WCAG 1.4.10's 320 CSS pixels, at which a page must also reflow into one column
#: without scrolling sideways (checked in the same visit, so that each page loads once for both).
PHONE = {"width": 320, "height": 640}


def scrolls_sideways(tab):
    """The innermost elements sticking out of a page that is wider than the tab, or [] when it is not."""
    if tab.evaluate("() => document.documentElement.scrollWidth") <= tab.viewport_size["width"]:
        return []
    return tab.evaluate(WIDER_THAN_VIEWPORT) or ["(the page, from no single element)"]


# One test per language and width, so that parallel workers share the longest browser work.
@pytest.mark.parametrize("width_name", ["desktop", "phone"])
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_page_type_has_no_axe_violations_and_reflows_in_each_language_and_width(
    site_url, browser, language, width_name
):
    viewport = {"desktop": DESKTOP, "phone": PHONE}[width_name]
    add_a_news_item_and_an_event(language)
    pages = one_page_of_each_type(language)
    assert {
        "homepage",
        "standardpage",
        "contactpage",
        "accessibilitystatementpage",
        "privacypage",
        "newspage",
        "eventpage",
    } <= set(pages)

    found = {}
    tab = new_axe_tab(browser, viewport)
    for model_name, path in pages.items():
        response = tab.goto(f"{site_url}{path}")
        assert response.status == 200, path
        problems = {"axe": axe_violations(tab), "wider than the tab": scrolls_sideways(tab)}
        if any(problems.values()):
            screenshot(tab, f"{language}-{model_name}-{width_name}")
            found[f"{path} at {viewport['width']} px"] = {name: items for name, items in problems.items() if items}
    close_tab(tab)

    assert found == {}


def test_pages_load_nothing_from_other_hosts_and_set_no_non_essential_cookies(site_url, page):
    requested_hosts = set()
    page.on("request", lambda request: requested_hosts.add(request.url.split("/")[2]))

    for path in one_page_of_each_type("pl").values():
        page.goto(f"{site_url}{path}")

    assert requested_hosts == {site_url.split("/")[2]}
    assert {cookie["name"] for cookie in page.context.cookies()} <= {"csrftoken", "sessionid", "messages"}


def test_every_page_links_to_the_accessibility_statement_and_privacy_policy(site_url, page):
    for path in one_page_of_each_type("en").values():
        page.goto(f"{site_url}{path}")
        footer = page.get_by_role("contentinfo")
        assert footer.get_by_role("link", name="Accessibility statement").get_attribute("href") == (
            "/en/accessibility-statement/"
        )
        site_information = footer.get_by_role("navigation", name="Site information")
        assert site_information.get_by_role("link", name="Privacy policy").get_attribute("href") == (
            "/en/privacy-policy/"
        )
        # The newsletter signup's consent text links to it as well (except on the newsletter page, whose own
        # form is in the main content).
        for link in footer.get_by_role("link", name="Privacy policy").all():
            assert link.get_attribute("href") == "/en/privacy-policy/"
        meta = page.locator('meta[name="deklaracja-dostępności"]').get_attribute("content")
        assert meta.endswith("/en/accessibility-statement/")
