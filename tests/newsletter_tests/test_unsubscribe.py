import re

import pytest

from django.test import Client

from newsletter.models import ConsentEvent, Subscriber
from newsletter.sending import send_issue
from newsletter.tokens import unsubscribe_token

from ..factories.newsletter import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def unsubscribe_path(subscriber):
    return f"/{subscriber.language}/newsletter/unsubscribe/{unsubscribe_token(subscriber)}/"


def test_issue_emails_carry_an_unsubscribe_link_and_rfc_8058_headers(mailoutbox, locale_en):
    subscriber = SubscriberFactory(email="reader@example.org", language="en", confirmed=True)
    send_issue(NewsletterIssueFactory(locale=locale_en, subject="News").pk)

    message = mailoutbox[0]
    link = f"http://testserver{unsubscribe_path(subscriber)}"
    assert message.extra_headers["List-Unsubscribe"] == f"<{link}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in message.body
    assert link in message.alternatives[0].content


def test_one_click_unsubscribe_works_with_a_post_and_no_session_or_csrf_token():
    subscriber = SubscriberFactory(email="oneclick@example.org", confirmed=True)
    client = Client(enforce_csrf_checks=True)

    response = client.post(unsubscribe_path(subscriber), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    unsubscription = subscriber.consent_events.last()
    assert (unsubscription.kind, unsubscription.source) == (ConsentEvent.Kind.UNSUBSCRIBED, "one-click (RFC 8058)")


def test_a_get_on_the_unsubscribe_link_only_asks_for_confirmation(client):
    subscriber = SubscriberFactory(email="careful@example.org", language="en", confirmed=True)

    response = client.get(unsubscribe_path(subscriber))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Stop sending our newsletter to careful@example.org?" in html
    assert re.search(r'<form method="post">', html)
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_unsubscribing_twice_is_harmless(client):
    subscriber = SubscriberFactory(email="twice@example.org", confirmed=True)
    client.post(unsubscribe_path(subscriber))
    first = Subscriber.objects.values().get(pk=subscriber.pk)

    response = client.post(unsubscribe_path(subscriber))

    assert response.status_code == 200
    assert "Wypisano z newslettera" in response.content.decode()
    assert Subscriber.objects.values().get(pk=subscriber.pk) == first


def test_a_tampered_unsubscribe_token_changes_nothing(client):
    subscriber = SubscriberFactory(email="safe@example.org", confirmed=True)
    token = unsubscribe_token(subscriber)
    other = SubscriberFactory(email="someone@example.org", confirmed=True)

    bad_signature = client.post(f"/pl/newsletter/unsubscribe/{token[:-2]}xx/")
    other_payload = unsubscribe_token(other).rsplit(":", 1)[0]
    swapped = client.post(f"/pl/newsletter/unsubscribe/{other_payload}:{token.rsplit(':', 1)[1]}/")

    assert bad_signature.status_code == 400 and swapped.status_code == 400
    assert "Ten link jest nieprawidłowy" in bad_signature.content.decode()
    assert set(Subscriber.objects.values_list("status", flat=True)) == {Subscriber.Status.CONFIRMED}


def test_unsubscribe_tokens_are_per_subscriber():
    first, second = SubscriberFactory(), SubscriberFactory()
    assert unsubscribe_token(first) != unsubscribe_token(second)
