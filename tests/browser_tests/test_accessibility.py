"""axe-core finds no accessibility violation on any page type, in either language, at desktop or phone width; no
page scrolls sideways at either width (WCAG 1.4.10 at 320 pixels), loads anything from another host or sets a
cookie that is not essential.

axe-core comes from the PyPI package axe-playwright-python, which ships axe.min.js: nothing is downloaded at run
time. A page with violations is screenshotted into test-artifacts/ (not committed), to show what to fix.
"""

from importlib import resources
from urllib.parse import urlsplit

import pytest

from django.conf import settings

from ..page_types import add_a_news_item_and_an_event, one_page_of_each_type
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
#: without scrolling sideways.
PHONE = {"width": 320, "height": 640}


def scrolls_sideways(tab):
    """The innermost elements sticking out of a page that is wider than the tab, or [] when it is not."""
    if tab.evaluate("() => document.documentElement.scrollWidth") <= tab.viewport_size["width"]:
        return []
    return tab.evaluate(WIDER_THAN_VIEWPORT) or ["(the page, from no single element)"]


#: The cookies a visit may leave: the forms' CSRF token, a session and Django's messages (privacy policy: no
#: analytics, advertising or other non-essential cookies).
ESSENTIAL_COOKIES = {"csrftoken", "sessionid", "messages"}


# One test per language, so that parallel workers share the longest browser work. Each page loads once, at phone
# width, and is checked again after the tab is widened to desktop width: the site's layout follows its CSS media
# queries alone (no script reads the viewport), which Chromium applies again on resizing, so the wide check sees
# what a page loaded at that width shows, without loading and rendering every page a second time.
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_page_type_passes_axe_at_both_widths_reflows_and_uses_only_its_own_host_and_essential_cookies(
    site_url, browser, language
):
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
    tab = new_axe_tab(browser, PHONE)
    own_host = urlsplit(site_url).netloc
    requested_hosts = set()
    tab.context.on("request", lambda request: requested_hosts.add(urlsplit(request.url).netloc))
    for model_name, path in pages.items():
        tab.set_viewport_size(PHONE)
        response = tab.goto(f"{site_url}{path}")
        assert response.status == 200, path
        problems = {}
        for width_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            tab.set_viewport_size(viewport)
            assert tab.evaluate("() => window.innerWidth") == viewport["width"], path
            at_width = {"axe": axe_violations(tab), "wider than the tab": scrolls_sideways(tab)}
            if any(at_width.values()):
                screenshot(tab, f"{language}-{model_name}-{width_name}")
                problems[f"at {viewport['width']} px"] = {name: items for name, items in at_width.items() if items}
        if requested_hosts - {own_host}:
            problems["other hosts"] = sorted(requested_hosts - {own_host})
        requested_hosts.clear()
        if problems:
            found[path] = problems
    cookies = {cookie["name"] for cookie in tab.context.cookies()}
    close_tab(tab)

    assert found == {}
    assert requested_hosts <= {own_host}  # what the last page asked for after its checks
    assert cookies <= ESSENTIAL_COOKIES
