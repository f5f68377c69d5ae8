"""The contact page: the office once, its hours when known, how to get there with a map link that loads nothing
from elsewhere, and the contact form — stored in the admin, mailed to the secretary, guarded against robots and
floods, with the RODO clause and a confirmation."""

import re
from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

from home import contact_messages
from home.models import ContactPage

pytestmark = pytest.mark.django_db

PATHS = {"pl": "/pl/kontakt/", "en": "/en/contact/"}
MESSAGE = {
    "name": "Anna Nowak",
    "email": "anna.nowak@example.org",
    "subject": "Współpraca",
    "message": "Chcielibyśmy porozmawiać o współpracy.",
    "consent": "on",
}


def main(html):
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


@pytest.mark.parametrize("language", ["pl", "en"])
def test_office_details_appear_once_with_a_map_link_and_no_outside_script(client, language):
    html = client.get(PATHS[language]).content.decode()

    assert main(html).count("<address>") == 1
    assert main(html).count("81 534 70 04") == 1
    assert main(html).count("FLOP") == 1
    assert 'href="https://www.openstreetmap.org/?mlat=51.24800&amp;mlon=22.56270#map=18/51.24800/22.56270"' in html
    assert all(src.startswith("/") for src in re.findall(r'<script[^>]* src="([^"]+)"', html))
    assert "<iframe" not in html


def test_office_hours_are_shown_only_once_filled_in(client):
    assert "Godziny pracy biura" not in client.get(PATHS["pl"]).content.decode()

    page = ContactPage.objects.get(locale__language_code="pl")
    page.office_hours = "poniedziałek–piątek 9:00–15:00"
    page.save_revision().publish()

    html = client.get(PATHS["pl"]).content.decode()
    assert "Godziny pracy biura" in html
    assert "poniedziałek–piątek 9:00–15:00" in html


@pytest.mark.parametrize(("language", "basis"), [("pl", "prawnie uzasadniony interes"), ("en", "legitimate interest")])
def test_form_carries_the_rodo_clause_and_the_required_note_before_it(client, language, basis):
    html = client.get(PATHS[language]).content.decode()

    clause = re.search(r'<p class="contact-form__clause">(.*?)</p>', html, re.S).group(1)
    assert basis in clause
    assert "Lubelskie Partnerstwo" in clause or "Lublin Partnership" in clause
    assert f'href="/{language}/' in clause  # the privacy policy
    assert html.index('class="required-note"') < html.index('<form class="contact-form__form"')


def test_a_message_is_stored_mailed_to_the_secretary_and_confirmed(client, mailoutbox):
    response = client.post(PATHS["pl"], MESSAGE)

    assert response.status_code == 200
    assert "Dziękujemy za wiadomość." in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.form_data["email"] == "anna.nowak@example.org"
    assert "fax" not in submission.form_data
    [mail] = mailoutbox
    assert mail.to == ["partnerstwoeslublin@gmail.com"]
    assert mail.reply_to == ["anna.nowak@example.org"]
    assert "Chcielibyśmy porozmawiać o współpracy." in mail.body


def test_a_robot_filling_the_trap_field_is_thanked_but_nothing_is_stored_or_sent(client, mailoutbox):
    response = client.post(PATHS["en"], {**MESSAGE, "fax": "+48 81 000"})

    assert response.status_code == 200
    assert FormSubmission.objects.count() == 0
    assert mailoutbox == []


@override_settings(CONTACT_RATE_LIMIT="1/h")
def test_too_many_messages_from_one_visitor_are_refused_in_their_language(client, mailoutbox):
    client.post(PATHS["en"], MESSAGE)
    response = client.post(PATHS["en"], MESSAGE)

    assert response.status_code == 429
    assert "Retry-After" in response
    assert "Too many messages from your address." in response.content.decode()
    assert FormSubmission.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "title", "summary"),
    [
        ("pl", "Błędów (5): Kontakt", "Formularz zawiera 5 błędów"),
        ("en", "Errors (5): Contact", "The form contains 5 errors"),
    ],
)
def test_an_empty_message_is_answered_with_a_linked_error_summary(client, language, title, summary):
    response = client.post(PATHS[language], {})

    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r"<title>(.*?)</title>", html).group(1).startswith(title)
    assert summary in html
    ids = set(re.findall(r' id="([^"]+)"', html))
    described = [ref for value in re.findall(r'aria-describedby="([^"]*)"', html) for ref in value.split()]
    assert "id_email_error" in described and "id_email_helptext" in described
    assert set(described) <= ids
    assert [f"id_{name}" for name in ("name", "email", "subject", "message", "consent")] == re.findall(
        r'<li><a href="#([^"]+)">', html
    )
    assert FormSubmission.objects.count() == 0


def test_stored_messages_are_exported_erased_and_purged_by_the_personal_data_tools(client):
    client.post(PATHS["pl"], MESSAGE)
    client.post(PATHS["en"], {**MESSAGE, "email": "someone.else@example.org"})

    exported = contact_messages.export("Anna.Nowak@example.org")
    [record] = exported[contact_messages.MESSAGES]
    assert record["fields"]["form_data"]["name"] == "Anna Nowak"

    assert contact_messages.erase("anna.nowak@example.org") == {contact_messages.MESSAGES: 1}
    assert FormSubmission.objects.count() == 1

    later = timezone.now() + timedelta(days=366)
    assert contact_messages.purge_expired(later) == {contact_messages.MESSAGES: 1}
    assert FormSubmission.objects.count() == 0


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("sekretarz", "sekretarz@example.org", "haslo-testowe")
    client.force_login(user)
    return client


def test_editors_edit_the_form_and_read_the_messages_in_the_admin(client, admin_client):
    page = ContactPage.objects.get(locale__language_code="pl")
    client.post(PATHS["pl"], {**MESSAGE, "subject": '=HYPERLINK("http://example.org")'})

    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    listing = admin_client.get(reverse("wagtailforms:list_submissions", args=[page.pk]))
    assert listing.status_code == 200
    assert "Anna Nowak" in listing.content.decode()
    export = admin_client.get(reverse("wagtailforms:list_submissions", args=[page.pk]) + "?export=csv")
    csv = b"".join(export.streaming_content).decode()
    assert "'=HYPERLINK" in csv, "a formula is exported as text"


def test_a_mail_server_that_is_down_loses_no_message_and_shows_no_error(client, monkeypatch):
    def refuse(message, fail_silently=False):
        raise ConnectionRefusedError("mail server down")

    monkeypatch.setattr(EmailMessage, "send", refuse)

    response = client.post(PATHS["en"], MESSAGE)

    assert response.status_code == 200
    assert "Thank you for your message." in response.content.decode()
    assert FormSubmission.objects.count() == 1


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


@override_settings(PAGE_CACHE_SECONDS=600)
def test_the_kept_empty_form_has_each_visitors_own_token_and_a_sent_form_its_own_errors(
    client, django_capture_on_commit_callbacks
):
    first, second = client.get(PATHS["pl"]).content.decode(), Client().get(PATHS["pl"]).content.decode()
    assert TOKEN.search(first).group() != TOKEN.search(second).group()
    assert TOKEN.sub("", first) == TOKEN.sub("", second)

    sent = client.post(PATHS["pl"], {**MESSAGE, "email": "nie-adres", "name": "Anna Nowak"}).content.decode()
    assert "Formularz zawiera 1 błąd" in sent and 'value="Anna Nowak"' in sent
    again = Client().get(PATHS["pl"]).content.decode()
    assert "Formularz zawiera" not in again and 'value="Anna Nowak"' not in again

    page = ContactPage.objects.get(locale__language_code="pl")
    field = page.form_fields.get(clean_name="subject")
    field.label = "Temat wiadomości"
    field.save()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert "Temat wiadomości" in Client().get(PATHS["pl"]).content.decode()
