"""The site's forms end to end in a real browser: errors tied to their fields, then a successful submission."""

import re

ACCESSION_PATH = "/en/how-to-join/online-declaration/"


def test_accession_declaration_shows_errors_by_the_fields_then_is_received(site_url, page, mailoutbox):
    from membership.models import MembershipApplication

    page.goto(f"{site_url}{ACCESSION_PATH}")
    form = page.locator("form.accession-form")
    form.get_by_role("button", name="Submit the declaration").click()

    page.locator(".error-summary").wait_for()
    form = page.locator("form.accession-form")
    institution = form.locator('[name="institution_name"]')
    assert institution.get_attribute("aria-invalid") == "true"
    assert page.locator(".field--invalid").count() > 1

    institution.fill("Stowarzyszenie Testowe")
    form.locator('[name="sector"]').select_option("ngo")
    form.locator('[name="legal_form"]').fill("association")
    form.locator('[name="street"]').fill("ul. Testowa 1")
    form.locator('[name="postcode"]').fill("20-078")
    form.locator('[name="city"]').fill("Lublin")
    form.locator('[name="krs"]').fill("0000123456")
    form.locator('[name="representative_name"]').fill("Anna Nowak")
    form.locator('[name="representative_role"]').fill("President")
    form.locator('[name="contact_name"]').fill("Anna Nowak")
    form.locator('[name="email"]').fill("anna.nowak@example.org")
    form.locator('[name="phone"]').fill("81 534 70 04")
    form.locator('[name="motivation"]').fill("We would like to cooperate with the social economy sector.")
    form.locator('[name="supports_ideological_declaration"]').check()
    form.locator('[name="consent"]').check()
    form.get_by_role("button", name="Submit the declaration").click()

    page.wait_for_url(re.compile(r"/thank-you/$"))
    assert page.get_by_role("heading", level=1).inner_text()
    assert MembershipApplication.objects.filter(institution_name="Stowarzyszenie Testowe", language="en").exists()


def test_accession_consent_links_to_the_privacy_policy_in_the_same_language(site_url, page):
    page.goto(f"{site_url}{ACCESSION_PATH}")

    link = page.locator("form").get_by_role("link", name=re.compile("privacy", re.I))

    assert link.first.get_attribute("href") == "/en/privacy-policy/"


def test_newsletter_signup_in_the_footer_asks_for_consent_then_mails_a_confirmation(site_url, page, mailoutbox):
    from newsletter.models import Subscriber

    page.goto(f"{site_url}/pl/o-partnerstwie/")
    form = page.locator("footer .newsletter-signup form")
    form.locator('input[name="email"]').fill("czytelniczka@example.org")
    form.locator('button[type="submit"]').click()

    page.locator(".error-summary").wait_for()
    assert page.locator('input[name="consent"]').first.get_attribute("aria-invalid") == "true"
    assert not Subscriber.objects.filter(email="czytelniczka@example.org").exists()

    form = page.locator("main form").filter(has=page.locator('input[name="consent"]')).first
    form.locator('input[name="email"]').fill("czytelniczka@example.org")
    form.locator('input[name="consent"]').check()
    form.locator('button[type="submit"]').click()

    page.wait_for_url(re.compile(r"/pl/newsletter/subscribe/thanks/$"))
    subscriber = Subscriber.objects.get(email="czytelniczka@example.org")
    assert (subscriber.language, subscriber.status) == ("pl", Subscriber.Status.PENDING)
    assert [message.to for message in mailoutbox] == [["czytelniczka@example.org"]]


def test_search_from_the_header_finds_polish_pages_typed_without_diacritics(site_url, page):
    page.goto(f"{site_url}/pl/")
    page.locator('form.site-search input[name="q"]').fill("spoldzielni")
    page.locator('form.site-search button[type="submit"]').click()

    page.wait_for_url(re.compile(r"/pl/szukaj/\?q=spoldzielni"))
    titles = page.locator(".search-result__title").all_inner_texts()
    assert "O Partnerstwie" in titles
    assert page.locator(".search-result__snippet mark").count() > 0
