"""Navigating the site with a mouse and with a keyboard, in a real browser."""

import re

from .conftest import MOBILE


def test_language_switch_keeps_the_visitor_on_the_same_page(site_url, page):
    page.goto(f"{site_url}/pl/o-partnerstwie/")

    page.get_by_role("navigation", name="Język").get_by_role("link", name="English").click()

    page.wait_for_url(f"{site_url}/en/about/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "About the Partnership"

    page.get_by_role("navigation", name="Language").get_by_role("link", name="polski").click()

    page.wait_for_url(f"{site_url}/pl/o-partnerstwie/")
    assert page.locator("html").get_attribute("lang") == "pl"


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_main_content(site_url, page):
    page.goto(f"{site_url}/pl/")

    page.keyboard.press("Tab")

    skip_link = page.get_by_role("link", name="Przejdź do treści głównej")
    assert skip_link.evaluate("el => el === document.activeElement")
    box = skip_link.bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link must be on screen"

    page.keyboard.press("Enter")

    assert page.evaluate("() => document.activeElement.id") == "main"


def test_focused_links_show_a_visible_outline(site_url, page):
    page.goto(f"{site_url}/en/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")

    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth]; }"
    )

    assert outline[0] != "none"
    assert float(outline[1].removesuffix("px")) >= 2


def _tab_to(page, locator, limit=30):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{locator} cannot be reached with the Tab key")


def test_mobile_menu_opens_and_closes_with_the_keyboard(site_url, mobile_page):
    page = mobile_page
    page.goto(f"{site_url}/pl/")
    toggle = page.get_by_role("button", name="Menu")
    first_item = page.get_by_role("navigation", name="Menu główne").get_by_role("link").first

    assert toggle.get_attribute("aria-expanded") == "false"
    assert not first_item.is_visible()

    _tab_to(page, toggle)
    page.keyboard.press("Enter")

    assert toggle.get_attribute("aria-expanded") == "true"
    assert first_item.is_visible()
    page.keyboard.press("Tab")
    assert first_item.evaluate("el => el === document.activeElement")

    page.keyboard.press("Escape")

    assert toggle.get_attribute("aria-expanded") == "false"
    assert not first_item.is_visible()
    assert toggle.evaluate("el => el === document.activeElement")

    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "true"


def test_menu_follows_a_link_on_a_phone(site_url, mobile_page):
    page = mobile_page
    page.goto(f"{site_url}/en/")

    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Contact").click()

    page.wait_for_url(re.compile(r"/en/contact/$"))
    assert page.viewport_size == MOBILE
