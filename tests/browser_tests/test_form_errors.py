"""Every public form guides a visitor who sends it empty: focus lands on an error summary that counts the errors
and links to each field, the title starts with the count, every aria-describedby names an element that exists (axe
does not check this), and axe finds no violation in that state.

Each form is driven in one language, the languages taking turns: one template and one script serve every form in
both, and the summary's wording, counts and links in each language are checked without a browser
(home_tests/test_form_guidance.py, home_tests/test_contact_page.py).
"""

import pytest

from .conftest import MOBILE, close_tab
from .test_accessibility import axe_violations, new_axe_tab

FORMS = {
    ("contact", "pl"): ("/pl/kontakt/", "form.contact-form__form", "Błędów (5): ", "Formularz zawiera 5 błędów"),
    ("accession", "en"): (
        "/en/how-to-join/online-declaration/",
        "form.accession-form",
        "Errors (16): ",
        "The form contains 16 errors",
    ),
    ("newsletter", "pl"): ("/pl/newsletter/", "main form", "Błędy (2): ", "Formularz zawiera 2 błędy"),
}

MISSING_REFERENCES = """() => [...document.querySelectorAll("[aria-describedby]")].flatMap(el =>
    el.getAttribute("aria-describedby").split(/\\s+/).filter(id => id && !document.getElementById(id)))"""


@pytest.mark.parametrize(("form_name", "language"), FORMS, ids=lambda value: str(value))
def test_an_empty_submit_leads_to_a_focused_linked_error_summary(site_url, browser, form_name, language):
    path, form_selector, title_start, summary_title = FORMS[(form_name, language)]
    tab = new_axe_tab(browser, MOBILE)
    try:
        tab.goto(f"{site_url}{path}")
        tab.locator(form_selector).locator("button[type=submit]").click()
        tab.wait_for_selector(".error-summary")
        tab.wait_for_function("document.activeElement && document.activeElement.matches('.error-summary')")

        assert tab.title().startswith(title_start)
        assert tab.locator(".error-summary__title").inner_text() == summary_title
        assert tab.evaluate(MISSING_REFERENCES) == []
        links = tab.locator(".error-summary__list a")
        assert links.count() > 0
        for href in links.evaluate_all("links => links.map(link => link.getAttribute('href'))"):
            assert tab.locator(href).count() == 1, href
        first_target = links.first.get_attribute("href")
        links.first.click()
        assert tab.evaluate("document.activeElement.id") == first_target[1:]
        assert axe_violations(tab) == []
    finally:
        close_tab(tab)
