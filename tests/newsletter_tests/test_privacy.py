"""Issue #18 for the newsletter: consent evidence nobody can rewrite (finding 4), links that reveal nothing
(finding 9), link guessing throttled per visitor, and what the newsletter offers for retention and for the
data subject's requests (newsletter.personal_data)."""

import json
import logging
import re
from datetime import date, timedelta
from importlib import import_module

import pytest

from django.core import signing
from django.test import override_settings
from django.utils import timezone

from newsletter import personal_data
from newsletter.models import ConsentEvent, ErasedAddress, NewsletterDelivery, Subscriber, address_digest, sha256
from newsletter.sending import send_issue
from newsletter.tokens import confirmation_token, unsubscribe_token

from ..factories.newsletter import NewsletterIssueFactory, SubscriberFactory
from .conftest import form_data

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/pl/newsletter/subscribe/"
STRANGER = {"REMOTE_ADDR": "203.0.113.66", "HTTP_USER_AGENT": "Stranger/1.0"}


def link_in(message):
    return re.search(r"http://testserver(/\w\w/newsletter/confirm/[^/\s\"]+/)", message.body).group(1)


def history(subscriber):
    return list(ConsentEvent.objects.filter(subscriber=subscriber).values())


# --- Finding 4: the consent history is append-only -----------------------------------------------------------


def test_a_strangers_signup_after_unsubscribing_rewrites_none_of_the_evidence(client, mailoutbox):
    subscriber = SubscriberFactory(email="left@example.org", confirmed=True)
    subscriber.withdraw(source="one-click (RFC 8058)")
    evidence = history(subscriber)

    client.post(SUBSCRIBE, form_data("left@example.org"), **STRANGER)

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    *kept, added = history(subscriber)
    assert kept == evidence
    assert (added["kind"], added["ip"], added["user_agent"]) == ("requested", "203.0.113.66", "Stranger/1.0")
    # Only the owner of the mailbox can turn the request into a subscription.
    assert mailoutbox[0].to == ["left@example.org"]


def test_a_strangers_signup_of_a_confirmed_address_is_recorded_and_changes_nothing_else(client, mailoutbox):
    subscriber = SubscriberFactory(email="reader@example.org", confirmed=True)
    evidence = history(subscriber)
    stored = Subscriber.objects.values().get(pk=subscriber.pk)

    client.post(SUBSCRIBE, form_data("reader@example.org"), **STRANGER)

    assert Subscriber.objects.values().get(pk=subscriber.pk) == stored
    assert history(subscriber)[:-1] == evidence
    assert mailoutbox == []


# --- Finding 9: links reveal nothing ---------------------------------------------------------------------------


def test_a_confirmation_link_carries_a_random_secret_and_its_signature_only(client, mailoutbox):
    client.post(SUBSCRIBE, form_data("opaque@example.org"))
    token = link_in(mailoutbox[0]).rstrip("/").rsplit("/", 1)[1]
    request = ConsentEvent.objects.get()

    secret, signature = token.split(":")
    assert secret == request.key and len(secret) >= 32
    assert len(signature) == 43  # the whole HMAC-SHA256, base64
    # The secret is the request's random key and nothing else: no id, no time, nothing of the address.
    assert "opaque" not in token and sha256("opaque@example.org")[:16] not in token
    with pytest.raises(signing.BadSignature):
        signing.loads(token)  # no JSON payload, no timestamp


def test_a_link_signed_with_another_key_is_refused(client):
    request = SubscriberFactory(email="forge@example.org").consent_events.get()
    with override_settings(SECRET_KEY="somebody-elses-key"):
        forged = confirmation_token(request)

    assert client.post(f"/pl/newsletter/confirm/{forged}/").status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_unsubscribe_link_is_an_hmac_over_a_random_secret_not_the_address():
    subscriber = SubscriberFactory(email="private@example.org", confirmed=True)

    secret, signature = unsubscribe_token(subscriber).split(":")

    assert secret == subscriber.key and len(signature) == 43
    assert sha256(subscriber.email)[:16] not in secret and str(subscriber.pk) != secret


def legacy_link(subscriber):
    """An unsubscribe link as mailed before December 2026: the id and 64 bits of the address's SHA-256."""
    token = signing.Signer(salt="newsletter.unsubscribe").sign_object(
        {"s": subscriber.pk, "e": sha256(subscriber.email)[:16]}
    )
    return f"/pl/newsletter/unsubscribe/{token}/"


def test_old_unsubscribe_links_work_during_the_transition_period(client, settings):
    subscriber = SubscriberFactory(email="old.link@example.org", confirmed=True)
    settings.NEWSLETTER_LEGACY_UNSUBSCRIBE_UNTIL = timezone.localdate()

    response = client.post(legacy_link(subscriber), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


@pytest.mark.parametrize("until", [date(2026, 1, 1), None])
def test_old_unsubscribe_links_stop_working_after_the_transition_period(client, settings, until):
    subscriber = SubscriberFactory(email="expired.link@example.org", confirmed=True)
    settings.NEWSLETTER_LEGACY_UNSUBSCRIBE_UNTIL = until

    response = client.post(legacy_link(subscriber))

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_one_click_unsubscribe_with_the_new_link_from_an_issue(client, mailoutbox, locale_pl):
    subscriber = SubscriberFactory(email="oneclick@example.org", confirmed=True)
    send_issue(NewsletterIssueFactory(locale=locale_pl).pk)
    link = mailoutbox[0].extra_headers["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")

    response = client.post(link, {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


# --- Guessing links is throttled per visitor ---------------------------------------------------------------


def valid_path(kind):
    subscriber = SubscriberFactory(email=f"{kind}@example.org", confirmed=kind == "unsubscribe")
    if kind == "confirm":
        return f"/pl/newsletter/confirm/{confirmation_token(subscriber.consent_events.get())}/"
    return f"/pl/newsletter/unsubscribe/{unsubscribe_token(subscriber)}/"


@pytest.mark.parametrize("kind", ["confirm", "unsubscribe"])
@override_settings(NEWSLETTER_INVALID_LINK_LIMIT="3/h")
def test_a_visitor_guessing_links_gets_429_and_another_visitor_is_unaffected(client, caplog, kind):
    guesser, other = {"REMOTE_ADDR": "198.51.100.10"}, {"REMOTE_ADDR": "198.51.100.20"}
    valid = valid_path(kind)

    guesses = [client.get(f"/pl/newsletter/{kind}/guess{n}:x/", **guesser).status_code for n in range(4)]
    with caplog.at_level(logging.WARNING, logger="home.ratelimit"):
        refused = client.get(valid, **guesser)

    assert guesses == [400, 400, 400, 429]
    assert refused.status_code == 429 and 0 < int(refused["Retry-After"]) <= 3600
    assert "newsletter.token" in caplog.text and "198.51.100.10" in caplog.text
    assert client.get(valid, **other).status_code == 200


@override_settings(NEWSLETTER_INVALID_LINK_LIMIT="3/h")
def test_valid_links_are_not_counted_so_a_mail_provider_can_unsubscribe_many_readers(client):
    readers = SubscriberFactory.create_batch(6, confirmed=True)

    answers = [
        client.post(f"/pl/newsletter/unsubscribe/{unsubscribe_token(reader)}/", REMOTE_ADDR="192.0.2.200").status_code
        for reader in readers
    ]

    assert answers == [200] * 6
    assert set(Subscriber.objects.values_list("status", flat=True)) == {Subscriber.Status.UNSUBSCRIBED}


# --- Retention and the data subject's requests -----------------------------------------------------------------


def age(subscriber, days):
    then = timezone.now() - timedelta(days=days)
    Subscriber.objects.filter(pk=subscriber.pk).update(created_at=then)
    ConsentEvent.objects.filter(subscriber=subscriber).update(created_at=then)


def test_the_handler_offers_the_interface_the_settings_name(settings):
    assert "newsletter.personal_data" in settings.PERSONAL_DATA_HANDLERS
    module = import_module("newsletter.personal_data")
    assert all(callable(getattr(module, name)) for name in ("purge_expired", "export", "erase"))


def test_purge_removes_only_signups_never_confirmed_within_the_retention_period(client, settings):
    settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS = 30
    stale = SubscriberFactory(email="stale@example.org")
    fresh = SubscriberFactory(email="fresh@example.org")
    loyal = SubscriberFactory(email="loyal@example.org", confirmed=True)
    left = SubscriberFactory(email="left@example.org", confirmed=True)
    left.withdraw()
    for subscriber in (stale, loyal, left):
        age(subscriber, 31)
    client.post(SUBSCRIBE, form_data("left@example.org"), **STRANGER)
    ConsentEvent.objects.filter(subscriber=left, ip=STRANGER["REMOTE_ADDR"]).update(
        created_at=timezone.now() - timedelta(days=31)
    )

    removed = personal_data.purge_expired(timezone.now())

    assert removed == {"newsletter.ConsentEvent": 2, "newsletter.Subscriber": 1}
    assert set(Subscriber.objects.values_list("email", flat=True)) == {fresh.email, loyal.email, left.email}
    assert [event.kind for event in left.consent_events.all()] == ["requested", "confirmed", "unsubscribed"]
    assert personal_data.purge_expired(timezone.now()) == {}


def test_export_returns_everything_stored_about_an_address_as_json(mailoutbox, locale_pl):
    subscriber = SubscriberFactory(email="me@example.org", confirmed=True)
    send_issue(NewsletterIssueFactory(locale=locale_pl, subject="Wydanie grudniowe").pk)

    data = personal_data.export(" ME@example.org ")

    json.dumps(data)
    assert data["subscriber"]["email"] == "me@example.org"
    assert [entry["kind"] for entry in data["consent_history"]] == ["requested", "confirmed"]
    request = data["consent_history"][0]
    assert (request["ip"], request["browser"]) == ("192.0.2.10", "Mozilla/5.0 (test)")
    assert request["consent_text"] == subscriber.consent_events.first().consent_text.text
    assert data["deliveries"] == [
        {"issue": "Wydanie grudniowe", "status": "sent", "sent_at": data["deliveries"][0]["sent_at"], "error": ""}
    ]
    assert personal_data.export("nobody@example.org") == {
        "subscriber": None,
        "consent_history": [],
        "deliveries": [],
        "erased_at": None,
    }


def test_erase_removes_everything_and_keeps_only_a_keyed_hash_of_the_address(locale_pl, mailoutbox):
    SubscriberFactory(email="forget.me@example.org", confirmed=True)
    send_issue(NewsletterIssueFactory(locale=locale_pl).pk)

    removed = personal_data.erase("Forget.Me@example.org")

    assert removed == {"newsletter.Subscriber": 1, "newsletter.ConsentEvent": 2, "newsletter.NewsletterDelivery": 1}
    assert not Subscriber.objects.exists() and not NewsletterDelivery.objects.exists()
    entry = ErasedAddress.objects.get()
    assert entry.address_hmac == address_digest("forget.me@example.org")
    assert "forget" not in entry.address_hmac and entry.address_hmac != sha256("forget.me@example.org")
    with override_settings(SECRET_KEY="another-key"):
        assert address_digest("forget.me@example.org") != entry.address_hmac
    assert ErasedAddress.covers("FORGET.ME@example.org")
    assert personal_data.export("forget.me@example.org")["erased_at"] is not None


def test_erasing_an_unknown_address_stores_nothing():
    assert personal_data.erase("stranger@example.org") == {}
    assert not ErasedAddress.objects.exists()


def test_an_erased_address_can_subscribe_again_only_through_a_new_double_opt_in(client, mailoutbox):
    SubscriberFactory(email="again@example.org", confirmed=True)
    personal_data.erase("again@example.org")

    client.post(SUBSCRIBE, form_data("again@example.org"))

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert [event.kind for event in subscriber.consent_events.all()] == ["requested"]
    client.post(link_in(mailoutbox[0]))
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert ErasedAddress.covers("again@example.org")
