"""The layout as a visitor sees it in a real browser: the menu on one row aligned with the logo, a compact
header on phones that does not move after the first paint, one height for every control, focus unlike error."""

import re

import pytest

from .conftest import DESKTOP, MOBILE

# Layout shifts of the page's load, recorded from before the first paint (the CLS of that load).
RECORD_LAYOUT_SHIFTS = """
window.__shifts = 0;
new PerformanceObserver(list => {
    for (const entry of list.getEntries()) { if (!entry.hadRecentInput) window.__shifts += entry.value; }
}).observe({type: "layout-shift", buffered: true});
"""


def box(locator):
    found = locator.bounding_box()
    assert found is not None, f"{locator} is not displayed"
    return found


def text_left(locator):
    """Where the element's text starts (its box may have padding)."""
    return locator.evaluate(
        "el => { const r = document.createRange(); r.selectNodeContents(el); return r.getBoundingClientRect().left; }"
    )


def relative_luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(v)) for v in re.findall(r"\d+", rgb)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, other):
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("font", ["typeface", "fallback"])
@pytest.mark.parametrize("path", ["/pl/", "/en/"])
def test_menu_is_one_row_aligned_with_the_logo_at_1280_pixels(site_url, page, path, font):
    assert page.viewport_size == DESKTOP
    if font == "fallback":  # the typeface missed its first 100 ms (font-display: optional) or is blocked
        page.route("**/*.woff2", lambda route: route.abort())
    page.goto(f"{site_url}{path}")

    items = page.locator(".main-nav__list > li")
    tops = {round(box(items.nth(i))["y"]) for i in range(items.count())}
    assert len(tops) == 1, "every menu item on one row"
    brand_left = box(page.locator(".site-brand"))["x"]
    assert abs(text_left(items.first.locator("a")) - brand_left) <= 1
    assert abs(text_left(page.locator("main h1")) - brand_left) <= 1
    assert not page.get_by_role("button", name="Menu").is_visible()


def test_phone_header_is_one_compact_row_and_nothing_shifts_while_the_page_loads(site_url, browser):
    context = browser.new_context(viewport=MOBILE, bypass_csp=True)
    context.add_init_script(RECORD_LAYOUT_SHIFTS)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}/pl/partnerzy/", wait_until="networkidle")

        assert box(tab.locator(".site-header"))["height"] <= 80
        assert box(tab.get_by_role("button", name="Menu"))["height"] >= 44
        assert not tab.get_by_role("navigation", name="Menu główne").get_by_role("link").first.is_visible()
        assert tab.evaluate("window.__shifts") < 0.02
    finally:
        context.close()


def test_without_javascript_the_menu_is_shown_and_the_button_hidden(site_url, browser):
    context = browser.new_context(viewport=MOBILE, java_script_enabled=False)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}/en/")

        menu = tab.get_by_role("navigation", name="Main menu")
        assert menu.get_by_role("link", name="Partners", exact=True).is_visible()
        assert not tab.locator(".site-header__toggle").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_partner_filter_labels_sit_beside_their_controls_and_every_control_has_one_height(site_url, browser, viewport):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    try:
        tab.goto(f"{site_url}/pl/partnerzy/")
        for control in ("Sektor", "Nazwa zawiera"):
            label = box(tab.locator("label", has_text=control))
            field = box(tab.get_by_label(control))
            assert abs((label["y"] + label["height"] / 2) - (field["y"] + field["height"] / 2)) <= 2, control

        heights = {
            name: round(box(locator)["height"])
            for name, locator in {
                "select": tab.get_by_label("Sektor"),
                "name field": tab.get_by_label("Nazwa zawiera"),
                "show button": tab.get_by_role("button", name="Pokaż"),
                "newsletter field": tab.locator("#newsletter-footer-email"),
                "subscribe button": tab.get_by_role("button", name="Subskrybuj"),
            }.items()
        }
        assert set(heights.values()) == {44}, heights
    finally:
        context.close()


def test_focus_and_error_are_told_apart_and_both_stand_out_from_the_page(site_url, page):
    page.goto(f"{site_url}/pl/partnerzy/")
    field = page.get_by_label("Nazwa zawiera")

    field.focus()
    focused = field.evaluate(
        "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
    )
    field.evaluate("el => { el.blur(); el.setAttribute('aria-invalid', 'true'); }")
    error_border = field.evaluate("el => getComputedStyle(el).borderTopColor")

    assert focused[0] == "solid" and float(focused[1].removesuffix("px")) >= 2
    assert focused[2] != error_border
    assert contrast(focused[2], "rgb(255, 255, 255)") >= 3
    assert contrast(error_border, "rgb(255, 255, 255)") >= 3


def test_language_switch_keeps_the_partner_filter(site_url, page):
    page.goto(f"{site_url}/pl/partnerzy/")
    page.get_by_label("Sektor").select_option("social_economy")
    page.get_by_role("button", name="Pokaż").click()
    page.wait_for_url(re.compile(r"sector=social_economy"))

    page.get_by_role("navigation", name="Język").get_by_role("link", name="English").click()

    page.wait_for_url(f"{site_url}/en/partners/?sector=social_economy")
    assert page.get_by_label("Sector").input_value() == "social_economy"
