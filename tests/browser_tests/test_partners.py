"""The partners page's filters, used the way a visitor uses them: a select, a text field and a button."""

import re

KOZIOLEK_EN = "Lublin Social Cooperative “KOZIOŁEK”"


def test_partner_filter_narrows_the_list_by_sector_and_name(site_url, page):
    page.goto(f"{site_url}/en/partners/")
    assert KOZIOLEK_EN in page.locator(".partner-results").inner_text()

    page.get_by_label("Sector").select_option("public")
    page.get_by_role("button", name="Show").click()

    page.wait_for_url(re.compile(r"sector=public"))
    assert KOZIOLEK_EN not in page.locator(".partner-results").inner_text()
    assert page.get_by_label("Sector").input_value() == "public"

    page.get_by_label("Sector").select_option("")
    page.get_by_label("Name contains").fill("koziołek")
    page.get_by_role("button", name="Show").click()

    page.wait_for_url(re.compile(r"q=kozio"))
    assert KOZIOLEK_EN in page.locator(".partner-results").inner_text()


def test_partner_filter_works_with_the_keyboard_alone(site_url, page):
    page.goto(f"{site_url}/pl/partnerzy/")

    page.get_by_label("Nazwa zawiera").focus()
    page.keyboard.type("nie ma takiego partnera")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"q=nie"))
    assert "Żaden partner nie pasuje do tych filtrów." in page.locator(".partner-results").inner_text()
