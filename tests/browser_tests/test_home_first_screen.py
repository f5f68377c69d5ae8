"""On a 375 × 812 phone the home page's first screen holds what the partnership does and its three calls to
action, in both languages, without scrolling."""

import pytest

from .conftest import close_tab, new_tab

PHONE = {"width": 375, "height": 812}

# Each call to action's bottom edge, and the first screen's lead sentence, in CSS pixels from the top of the page.
BOTTOMS = """() => [...document.querySelectorAll(".home-hero__lead, .home-hero__actions a")]
    .map(el => Math.ceil(el.getBoundingClientRect().bottom + window.scrollY))"""


@pytest.mark.parametrize("language", ["pl", "en"])
def test_three_calls_to_action_are_visible_without_scrolling_on_a_phone(site_url, browser, language):
    tab = new_tab(browser, PHONE)
    try:
        tab.goto(f"{site_url}/{language}/")

        bottoms = tab.evaluate(BOTTOMS)
        assert len(bottoms) == 4  # the sentence and three links
        assert max(bottoms) <= PHONE["height"], bottoms
    finally:
        close_tab(tab)
