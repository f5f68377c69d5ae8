import re

import pytest

from django.core import mail
from django.db import IntegrityError
from django.test import Client, override_settings

from home.models import ContactDetails
from membership.consent import CONSENT_VERSION
from membership.models import ApplicationStatus, MembershipApplication
from tests.pdfs import pdf_text

from ..factories.membership import MembershipApplicationFactory
from ..proxies import VISITOR_A, VISITOR_B, behind, via_proxies

pytestmark = pytest.mark.django_db

FORM_PATHS = {"pl": "/pl/jak-przystapic/deklaracja-online/", "en": "/en/how-to-join/online-declaration/"}
TOKEN = "3f2b8a54-6c1d-4e1f-9a0b-2c3d4e5f6a7b"


def valid_data(**overrides):
    data = {
        "submission_token": TOKEN,
        "institution_name": "Stowarzyszenie Źródło",
        "sector": "ngo",
        "social_economy_kind": "",
        "legal_form": "stowarzyszenie",
        "street": "ul. Lipowa 2",
        "postcode": "20-020",
        "city": "Lublin",
        "nip": "123-456-32-18",
        "regon": "123456785",
        "krs": "",
        "representative_name": "Jan Kowalski",
        "representative_role": "prezes zarządu",
        "contact_name": "Anna Nowak",
        "email": "biuro@zrodlo.example.org",
        "phone": "81 123 45 67",
        "website": "https://zrodlo.example.org",
        "motivation": "Prowadzimy spółdzielnię i chcemy współpracować.",
        "supports_ideological_declaration": "on",
        "consent": "on",
        "fax": "",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_form_is_offered_in_each_language_with_a_fresh_submission_token(client, language):
    first = client.get(FORM_PATHS[language])
    second = client.get(FORM_PATHS[language])

    assert first.status_code == 200
    assert first.context["form"]["submission_token"].value() != second.context["form"]["submission_token"].value()
    html = first.content.decode()
    assert 'name="consent"' in html and "checked" not in html.split('name="consent"')[1].split(">")[0]
    assert ("Zapoznałem(-am) się z informacją" if language == "pl" else "I have read the information") in html


def test_a_valid_declaration_is_stored_the_secretary_is_emailed_and_the_applicant_asked_to_confirm(client):
    response = client.post(FORM_PATHS["pl"], valid_data())

    assert response.status_code == 302
    assert response["Location"].endswith("/pl/jak-przystapic/deklaracja-online/thank-you/")
    application = MembershipApplication.objects.get()
    assert application.status == ApplicationStatus.NEW
    assert application.nip == "1234563218" and application.language == "pl"
    assert application.consent_version == CONSENT_VERSION
    assert application.consent_text.startswith("Zapoznałem(-am) się z informacją o przetwarzaniu danych osobowych")
    assert "art. 6 ust. 1 lit. f RODO" in application.consent_text
    assert application.consent_given_at is not None

    secretary_email = ContactDetails.objects.get(locale__language_code="pl").email
    to_secretary, to_applicant = mail.outbox
    assert to_secretary.to == [secretary_email]
    assert to_secretary.reply_to == ["biuro@zrodlo.example.org"]
    assert "Stowarzyszenie Źródło" in to_secretary.subject
    assert f"/admin/membership_applications/inspect/{application.pk}/" in to_secretary.body
    assert "1234563218" in to_secretary.body
    assert to_applicant.to == ["biuro@zrodlo.example.org"]
    assert to_applicant.subject == "Potwierdźcie Państwo adres e-mail podany w deklaracji przystąpienia"
    assert application.reference in to_applicant.body
    assert to_applicant.attachments == []
    assert application.address_confirmation_sent_at is not None and application.address_confirmed_at is None


def test_the_secretary_address_comes_from_the_contact_details(client):
    ContactDetails.objects.filter(locale__language_code="pl").update(email="sekretariat@example.org")

    client.post(FORM_PATHS["en"], valid_data())

    assert mail.outbox[0].to == ["sekretariat@example.org"]


def test_an_english_applicant_is_confirmed_in_english_and_the_secretary_notified_in_polish(client):
    client.post(FORM_PATHS["en"], valid_data())

    to_secretary, to_applicant = mail.outbox
    assert to_secretary.subject.startswith("Nowa deklaracja przystąpienia")
    assert to_applicant.subject == "Confirm your e-mail address for the accession declaration"
    assert "If it was you, confirm the address" in to_applicant.body
    assert MembershipApplication.objects.get().language == "en"


def test_the_thank_you_page_offers_the_filled_in_declaration_to_its_sender_only(client):
    client.post(FORM_PATHS["en"], valid_data())
    application = MembershipApplication.objects.get()

    thanks = client.get(FORM_PATHS["en"] + "thank-you/")
    assert thanks.status_code == 200
    pdf_url = thanks.context["pdf_url"]
    assert pdf_url in thanks.content.decode()
    download = client.get(pdf_url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    text = pdf_text(download.content)
    assert "Accession Declaration" in text and "Stowarzyszenie Źródło" in text and application.reference in text

    stranger = Client()
    assert stranger.get(pdf_url).status_code == 404
    assert stranger.get(FORM_PATHS["en"] + "thank-you/").status_code == 302


def test_line_breaks_posted_into_single_line_fields_never_reach_the_mail_headers(client):
    response = client.post(FORM_PATHS["pl"], valid_data(institution_name="Fundacja\r\nBcc: ktos@example.org"))

    assert response.status_code == 302
    assert MembershipApplication.objects.get().institution_name == "Fundacja Bcc: ktos@example.org"
    assert "\n" not in mail.outbox[0].subject
    assert mail.outbox[0].to == [ContactDetails.objects.get(locale__language_code="pl").email]


def test_a_double_submit_creates_one_application_and_sends_one_set_of_emails(client):
    first = client.post(FORM_PATHS["pl"], valid_data())
    second = client.post(FORM_PATHS["pl"], valid_data())

    assert MembershipApplication.objects.count() == 1
    assert len(mail.outbox) == 2
    assert first["Location"] == second["Location"]


def test_the_submission_token_is_unique_in_the_database(db):
    MembershipApplicationFactory(submission_token=TOKEN)
    with pytest.raises(IntegrityError):
        MembershipApplicationFactory(submission_token=TOKEN)


@pytest.mark.parametrize(
    ("language", "field", "value", "message"),
    [
        ("pl", "nip", "1234563219", "To nie jest poprawny numer NIP"),
        ("en", "nip", "1234563219", "This is not a valid NIP number"),
        ("pl", "regon", "123456784", "To nie jest poprawny numer REGON"),
        ("en", "regon", "1234", "A REGON number has 9 or 14 digits."),
        ("pl", "krs", "12345", "Numer KRS ma 10 cyfr."),
        ("pl", "email", "nie-adres", "poprawny adres"),
        ("en", "postcode", "20078", "Enter the postcode as two digits"),
        ("pl", "institution_name", "", "To pole jest wymagane."),
        ("en", "consent", "", "Please confirm that you have read the information on personal data."),
        ("pl", "supports_ideological_declaration", "", "Instytucja przystępuje, popierając Deklarację Ideową."),
        ("en", "sector", "kosmos", "Select a valid choice"),
    ],
)
def test_each_invalid_field_is_answered_next_to_it_in_the_visitors_language_and_nothing_is_stored(
    client, language, field, value, message
):
    response = client.post(FORM_PATHS[language], valid_data(**{field: value}))

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert any(message in error for error in errors[field]), errors[field]
    html = response.content.decode()
    # The message is tied to its control: the id the control's aria-describedby names is there.
    assert f'id="id_{field}_error"' in html
    assert re.search(rf'name="{field}"[^>]*aria-describedby="[^"]*id_{field}_error', html) or re.search(
        rf'aria-describedby="[^"]*id_{field}_error[^"]*"[^>]*name="{field}"', html
    )
    assert MembershipApplication.objects.count() == 0
    assert mail.outbox == []


def test_nip_and_regon_or_krs_are_required(client):
    response = client.post(FORM_PATHS["en"], valid_data(nip="", regon="", krs=""))
    assert response.status_code == 400
    assert "Give the NIP and REGON numbers, or the KRS number." in response.context["form"].errors["nip"]
    assert "regon" in response.context["form"].errors

    only_krs = client.post(FORM_PATHS["en"], valid_data(nip="", regon="", krs="0000123456"))
    assert only_krs.status_code == 302
    assert MembershipApplication.objects.get().krs == "0000123456"


def test_a_social_economy_entity_says_which_kind_it_is(client):
    response = client.post(FORM_PATHS["en"], valid_data(sector="social_economy"))
    assert "social_economy_kind" in response.context["form"].errors

    client.post(FORM_PATHS["en"], valid_data(sector="social_economy", social_economy_kind="social_cooperative"))
    assert MembershipApplication.objects.get().social_economy_kind == "social_cooperative"


def test_a_bot_filling_the_honeypot_is_thanked_but_nothing_is_stored_or_sent(client):
    response = client.post(FORM_PATHS["pl"], valid_data(fax="+48 81 000"))

    assert response.status_code == 200
    assert MembershipApplication.objects.count() == 0
    assert mail.outbox == []


@override_settings(ACCESSION_RATE_LIMIT="2/h")
def test_too_many_submissions_from_one_address_are_refused(client):
    for n in range(2):
        client.post(FORM_PATHS["en"], valid_data(submission_token=f"00000000-0000-4000-8000-{n:012d}"))
    assert MembershipApplication.objects.count() == 2

    response = client.post(FORM_PATHS["en"], valid_data(submission_token="00000000-0000-4000-8000-999999999999"))

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Too many submissions" in response.content.decode()
    assert MembershipApplication.objects.count() == 2


@pytest.mark.parametrize("proxies", [1, 2])
@override_settings(ACCESSION_RATE_LIMIT="2/h")
def test_behind_our_proxies_one_visitors_invalid_posts_do_not_block_anothers_declaration(client, proxies):
    with behind(proxies):
        for _attempt in range(2):
            client.post(FORM_PATHS["pl"], valid_data(nip="0"), **via_proxies(VISITOR_A, proxies))

        refused = client.post(FORM_PATHS["pl"], valid_data(), **via_proxies(VISITOR_A, proxies))
        forged = client.post(FORM_PATHS["pl"], valid_data(), **via_proxies(VISITOR_A, proxies, forged=VISITOR_B))
        accepted = client.post(FORM_PATHS["pl"], valid_data(), **via_proxies(VISITOR_B, proxies))

    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert "Zbyt wiele zgłoszeń" in refused.content.decode()
    assert forged.status_code == 429
    assert accepted.status_code == 302
    assert MembershipApplication.objects.count() == 1
