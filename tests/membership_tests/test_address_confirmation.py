"""The accession form relays nothing to an address nobody confirmed (finding 6 of issue #18): the first mail to
the applicant carries only the partnership's words, the reference and a link; the copy with the applicant's data
and the PDF goes out once the link is confirmed; an address gets at most one unconfirmed mail a day. The
secretary is told everything at once."""

import datetime
import re

import pytest

from django.core import mail
from django.test import Client, RequestFactory
from django.utils import timezone

from membership.models import AccessionPage, MembershipApplication
from membership.views import confirm_address_url
from tests.pdfs import pdf_text

from ..factories.membership import MembershipApplicationFactory
from .test_accession import FORM_PATHS, valid_data

pytestmark = pytest.mark.django_db

STRANGERS_TEXT = {
    "institution_name": "Fundacja Kup Teraz http://spam.example",
    "motivation": "Odwiedź http://spam.example i wygraj nagrodę!",
    "representative_name": "Pan Spamer",
    "contact_name": "Ofiara Spamu",
}


def token(n):
    return f"00000000-0000-4000-8000-{n:012d}"


def confirmation_link(message):
    (link,) = re.findall(r"https?://\S+/confirm/\S+/", message.body)
    return link


def submit(client, n, email="ofiara@example.org", language="pl"):
    client.post(FORM_PATHS[language], valid_data(submission_token=token(n), email=email, **STRANGERS_TEXT))
    return MembershipApplication.objects.get(submission_token=token(n))


def test_the_first_mail_to_a_typed_address_carries_none_of_the_applicants_text_and_no_attachment(client):
    submit(client, 1)

    to_secretary, to_applicant = mail.outbox
    assert to_applicant.to == ["ofiara@example.org"]
    assert to_applicant.attachments == []
    for text in (*STRANGERS_TEXT.values(), "spam.example", "81 123 45 67", "Lipowa"):
        assert text not in to_applicant.subject and text not in to_applicant.body
    # The secretary gets the whole application straight away.
    assert STRANGERS_TEXT["motivation"] in to_secretary.body and STRANGERS_TEXT["contact_name"] in to_secretary.body


def test_an_address_gets_at_most_one_unconfirmed_mail_a_day_and_the_secretary_every_application(client):
    first = submit(client, 1)
    second = submit(client, 2, email="OFIARA@example.org")
    other = submit(client, 3, email="inny@example.org")

    to_applicants = [message for message in mail.outbox if message.to != mail.outbox[0].to]
    assert [message.to for message in to_applicants] == [["ofiara@example.org"], ["inny@example.org"]]
    assert len(mail.outbox) - len(to_applicants) == 3
    second.refresh_from_db()
    assert second.address_confirmation_sent_at is None
    assert other.address_confirmation_sent_at is not None

    MembershipApplication.objects.filter(pk=first.pk).update(
        address_confirmation_sent_at=timezone.now() - datetime.timedelta(days=1, minutes=1)
    )
    mail.outbox.clear()
    submit(client, 4)
    assert [message.to for message in mail.outbox][1:] == [["ofiara@example.org"]]


def test_the_link_asks_before_it_acts_and_confirming_sends_the_copy_with_the_declaration_once(client):
    application = submit(client, 1, language="en")
    link = confirmation_link(mail.outbox[1])
    mail.outbox.clear()
    owner = Client()

    asked = owner.get(link)
    assert asked.status_code == 200 and "no-store" in asked["Cache-Control"]
    assert "Confirm the address and send the copy" in asked.content.decode()
    assert mail.outbox == []

    confirmed = owner.post(link)
    again = owner.post(link)

    assert confirmed.status_code == 200 and "the address is confirmed" in confirmed.content.decode()
    assert "already been confirmed" in again.content.decode()
    (copy,) = mail.outbox
    assert copy.to == ["ofiara@example.org"]
    assert copy.subject == "We have received your accession declaration"
    assert STRANGERS_TEXT["motivation"] in copy.body
    filename, content, mimetype = copy.attachments[0]
    assert mimetype == "application/pdf" and application.reference in pdf_text(content)
    application.refresh_from_db()
    assert application.address_confirmed_at is not None


@pytest.mark.parametrize("tamper", ["signature", "token", "expired", "not-mailed"])
def test_a_forged_wrong_or_expired_link_is_not_found_and_sends_nothing(client, tamper):
    application = submit(client, 1)
    link = confirmation_link(mail.outbox[1])
    mail.outbox.clear()
    if tamper == "signature":
        link = link[:-3] + ("0" if link[-3] != "0" else "1") + link[-2:]
    elif tamper == "token":
        link = link.replace(token(1), token(2))
        submit(client, 2, email="inny@example.org")
        mail.outbox.clear()
    elif tamper == "expired":
        MembershipApplication.objects.filter(pk=application.pk).update(
            address_confirmation_sent_at=timezone.now() - datetime.timedelta(days=8)
        )
    else:
        MembershipApplication.objects.filter(pk=application.pk).update(address_confirmation_sent_at=None)

    assert client.get(link).status_code == 404
    assert client.post(link).status_code == 404
    assert mail.outbox == []
    application.refresh_from_db()
    assert application.address_confirmed_at is None


def test_the_link_carries_only_the_random_submission_token_and_an_hmac_no_id_or_time(client):
    application = MembershipApplicationFactory()
    page = AccessionPage.objects.get(locale__language_code="pl")

    link = confirm_address_url(RequestFactory().get("/"), page, application)

    token_part, signature = link.split("/confirm/")[1].rstrip("/").split("/")
    assert token_part == str(application.submission_token)
    assert re.fullmatch(r"[0-9a-f]{64}", signature)
