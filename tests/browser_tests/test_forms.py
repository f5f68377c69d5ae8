"""The site's forms end to end in a real browser: errors tied to their fields, then a successful submission."""

import re
from urllib.parse import urlsplit

ACCESSION_PATH = "/en/how-to-join/online-declaration/"


def test_accession_declaration_shows_errors_by_the_fields_then_is_received(site_url, page, mailoutbox):
    from documents.models import MembershipApplication

    page.goto(f"{site_url}{ACCESSION_PATH}")
    page.get_by_role("button", name="Submit the declaration").click()

    page.get_by_role("alert").filter(has_text="Please correct the fields marked below.").wait_for()
    institution = page.locator('[name="institution_name"]')
    assert institution.get_attribute("aria-invalid") == "true"
    assert page.locator(".form-field--error").count() > 1

    institution.fill("Stowarzyszenie Testowe")
    page.locator('[name="sector"]').select_option("ngo")
    page.locator('[name="legal_form"]').fill("association")
    page.locator('[name="street"]').fill("ul. Testowa 1")
    page.locator('[name="postcode"]').fill("20-078")
    page.locator('[name="city"]').fill("Lublin")
    page.locator('[name="krs"]').fill("0000123456")
    page.locator('[name="representative_name"]').fill("Anna Nowak")
    page.locator('[name="representative_role"]').fill("President")
    page.locator('[name="contact_name"]').fill("Anna Nowak")
    page.locator('[name="email"]').fill("anna.nowak@example.org")
    page.locator('[name="phone"]').fill("81 534 70 04")
    page.locator('[name="motivation"]').fill("We would like to cooperate with the social economy sector.")
    page.locator('[name="supports_ideological_declaration"]').check()
    page.locator('[name="consent"]').check()
    page.get_by_role("button", name="Submit the declaration").click()

    page.wait_for_url(re.compile(r"/thank-you/$"))
    assert page.get_by_role("heading", level=1).inner_text()
    assert MembershipApplication.objects.filter(institution_name="Stowarzyszenie Testowe", language="en").exists()


def test_accession_consent_links_to_the_privacy_policy_in_the_same_language(site_url, page):
    page.goto(f"{site_url}{ACCESSION_PATH}")

    link = page.locator("form").get_by_role("link", name=re.compile("privacy", re.I))

    assert link.first.get_attribute("href") == "/en/privacy-policy/"


def test_newsletter_signup_asks_for_consent_then_confirms_by_the_e_mailed_link(site_url, page, mailoutbox):
    from newsletter.models import Subscriber

    page.goto(f"{site_url}/en/about/")
    signup = page.get_by_role("contentinfo").locator("form").filter(has=page.get_by_role("button", name="Subscribe"))
    signup.get_by_label("E-mail").fill("reader@example.org")
    signup.get_by_role("button", name="Subscribe").click()

    consent = page.locator('input[name="consent"]')
    consent.first.wait_for()
    assert consent.first.get_attribute("aria-invalid") == "true"
    assert not Subscriber.objects.filter(email="reader@example.org").exists()

    form = page.locator("form").filter(has=page.locator('input[name="consent"][aria-invalid="true"]')).first
    form.locator('input[name="email"]').fill("reader@example.org")
    form.locator('input[name="consent"]').check()
    form.get_by_role("button", name="Subscribe").click()

    page.get_by_role("heading", name="Check your inbox").wait_for()
    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/confirm/\S+/", mailoutbox[0].body).group(0)
    page.goto(site_url + urlsplit(link).path)
    page.get_by_role("button", name="Confirm subscription").click()

    page.wait_for_load_state()
    assert Subscriber.objects.get(email="reader@example.org").confirmed_at is not None
