import re
from datetime import timedelta

import pytest

from django.core import signing
from django.test import override_settings
from django.utils import timezone

from newsletter.models import ConsentEvent, ConsentText, Subscriber
from newsletter.tokens import confirmation_token

from ..factories.newsletter import ConsentTextFactory, SubscriberFactory
from ..proxies import VISITOR_A, VISITOR_B, behind, via_proxies
from .conftest import form_data

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/{}/newsletter/subscribe/"


def confirm_link(message):
    return re.search(r"http://testserver(/\w\w/newsletter/confirm/[^/\s\"]+/)", message.body).group(1)


@pytest.mark.parametrize("path", ["/pl/", "/en/", "/pl/o-partnerstwie/", "/en/contact/"])
def test_every_page_has_the_signup_form_with_an_unticked_consent_and_a_trap_field(client, path):
    html = client.get(path).content.decode()

    language = path[1:3]
    form = html[html.index('class="newsletter-signup newsletter-signup--footer"') :]
    assert f'action="/{language}/newsletter/subscribe/"' in form
    # One line in the footer, and a link to the full text beside the newsletter page's own form.
    assert ConsentText.current(language).text not in form
    assert f'href="/{language}/newsletter/#newsletter-page-consent"' in form
    checkbox = re.search(r'<input type="checkbox" name="consent"[^>]*>', form).group(0)
    assert "checked" not in checkbox and "required" in checkbox
    assert 'name="website"' in form
    assert f'name="consent_version" value="{ConsentText.current(language).version}"' in form


@pytest.mark.parametrize("language", ["pl", "en"])
def test_the_footers_consent_link_leads_to_the_full_text_beside_the_newsletter_pages_checkbox(client, language):
    html = client.get(f"/{language}/newsletter/").content.decode()

    label = re.search(r'<label class="field__label" for="newsletter-page-consent">(.*?)</label>', html, re.S).group(1)
    assert label.startswith(ConsentText.current(language).text)
    assert 'id="newsletter-page-consent"' in html


def test_footer_shows_the_partnerships_invitation_in_polish_word_for_word(client):
    html = client.get("/pl/").content.decode()
    assert "Jeśli chcesz otrzymywać najświeższe informacje dodaj swój adres e-mail do naszej bazy." in html


def test_signup_records_the_consent_and_mails_a_confirmation_in_the_visitors_language(client, mailoutbox):
    response = client.post(
        SUBSCRIBE.format("en"),
        form_data("Reader@Example.org", "en", source="/en/contact/"),
        HTTP_USER_AGENT="Mozilla/5.0 Test",
        REMOTE_ADDR="198.51.100.7",
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/newsletter/subscribe/thanks/"
    subscriber = Subscriber.objects.get()
    current = ConsentText.current("en")
    assert subscriber.email == "reader@example.org"
    assert subscriber.language == "en"
    assert subscriber.status == Subscriber.Status.PENDING
    request = subscriber.consent_events.get()
    assert request.kind == ConsentEvent.Kind.REQUESTED
    assert request.consent_text == current
    assert request.consent_text_sha256 == current.sha256
    assert request.source == "http://testserver/en/contact/"
    assert request.ip == "198.51.100.7"
    assert request.user_agent == "Mozilla/5.0 Test"
    assert request.language == "en"
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["reader@example.org"]
    assert message.subject == "Confirm your newsletter subscription"
    assert "/en/newsletter/confirm/" in message.body
    assert message.alternatives[0].mimetype == "text/html"


def test_polish_confirmation_email_keeps_polish_characters_in_subject_and_both_parts(client, mailoutbox):
    client.post(SUBSCRIBE.format("pl"), form_data("czytelniczka@example.org", "pl"))

    message = mailoutbox[0]
    assert message.subject == "Potwierdź zapis do newslettera"
    assert "Dzień dobry" in message.body
    html = message.alternatives[0].content
    assert "Potwierdź zapis" in html and 'lang="pl"' in html
    raw = message.message().as_bytes()
    assert b"utf-8" in raw.lower()


def test_the_answer_is_identical_for_new_pending_confirmed_and_unsubscribed_addresses(client):
    SubscriberFactory(email="pending@example.org")
    SubscriberFactory(email="confirmed@example.org", confirmed=True)
    gone = SubscriberFactory(email="gone@example.org", confirmed=True)
    gone.withdraw()

    answers = []
    for email in ["new@example.org", "pending@example.org", "confirmed@example.org", "gone@example.org"]:
        response = client.post(SUBSCRIBE.format("pl"), form_data(email))
        answers.append((response.status_code, response["Location"], response.content))

    assert len(set(answers)) == 1


def test_the_thanks_page_says_the_same_to_everyone(client):
    response = client.get("/pl/newsletter/subscribe/thanks/")
    assert response.status_code == 200
    assert "Sprawdź skrzynkę" in response.content.decode()


def test_a_confirmed_address_signing_up_again_changes_nothing_and_gets_no_mail(client, mailoutbox):
    subscriber = SubscriberFactory(email="loyal@example.org", confirmed=True)
    before = Subscriber.objects.values().get(pk=subscriber.pk)

    client.post(SUBSCRIBE.format("en"), form_data("LOYAL@example.org", "en"))

    assert Subscriber.objects.values().get(pk=subscriber.pk) == before
    assert mailoutbox == []


def test_an_unsubscribed_address_signing_up_again_gets_a_link_and_stays_unsubscribed_until_it_confirms(
    client, mailoutbox
):
    subscriber = SubscriberFactory(email="back@example.org", confirmed=True)
    subscriber.withdraw()

    client.post(SUBSCRIBE.format("en"), form_data("back@example.org", "en"), REMOTE_ADDR="198.51.100.44")

    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert len(mailoutbox) == 1
    client.post(confirm_link(mailoutbox[0]), REMOTE_ADDR="198.51.100.44")
    subscriber.refresh_from_db()
    assert (subscriber.status, subscriber.language) == (Subscriber.Status.CONFIRMED, "en")
    Kind = ConsentEvent.Kind
    assert list(subscriber.consent_events.values_list("kind", flat=True)) == [
        Kind.REQUESTED,
        Kind.CONFIRMED,
        Kind.UNSUBSCRIBED,
        Kind.REQUESTED,
        Kind.RESUBSCRIBED,
    ]


def test_a_pending_address_gets_another_confirmation_only_after_the_resend_interval(client, mailoutbox):
    subscriber = SubscriberFactory(email="slow@example.org")
    client.post(SUBSCRIBE.format("pl"), form_data("slow@example.org"))
    assert mailoutbox == []

    Subscriber.objects.filter(pk=subscriber.pk).update(confirmation_sent_at=timezone.now() - timedelta(hours=1))
    client.post(SUBSCRIBE.format("pl"), form_data("slow@example.org"))
    assert len(mailoutbox) == 1


def test_a_filled_trap_field_gets_the_same_answer_and_stores_nothing(client, mailoutbox):
    response = client.post(SUBSCRIBE.format("pl"), form_data("robot@example.org", website="http://spam.example"))

    assert response.status_code == 302
    assert response["Location"] == "/pl/newsletter/subscribe/thanks/"
    assert not Subscriber.objects.exists()
    assert mailoutbox == []


def test_signup_without_the_consent_tick_shows_an_error_in_the_visitors_language(client):
    data = form_data("nochoice@example.org")
    del data["consent"]

    response = client.post(SUBSCRIBE.format("pl"), data)

    assert response.status_code == 200
    assert "Zaznacz pole, aby wyrazić zgodę" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_signup_with_an_invalid_address_shows_an_error(client):
    response = client.post(SUBSCRIBE.format("en"), form_data("not-an-address", "en"))

    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert not Subscriber.objects.exists()


def test_signup_against_a_superseded_consent_text_asks_to_agree_again(client):
    old_version = ConsentText.current("en").version
    ConsentTextFactory(language="en", text="A newer consent text.")

    response = client.post(SUBSCRIBE.format("en"), form_data("late@example.org", "en", consent_version=old_version))

    html = response.content.decode()
    assert "The consent text has changed" in html
    assert "A newer consent text." in html
    assert not Subscriber.objects.exists()


def test_confirmation_link_shows_a_button_and_confirming_records_time_and_ip(client, mailoutbox):
    client.post(SUBSCRIBE.format("pl"), form_data("yes@example.org"))
    link = confirm_link(mailoutbox[0])

    page = client.get(link)
    assert page.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    response = client.post(link, REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 200
    assert "Zapis potwierdzony" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    request, confirmation = subscriber.consent_events.all()
    assert (confirmation.kind, confirmation.request, confirmation.ip) == (
        ConsentEvent.Kind.CONFIRMED,
        request,
        "203.0.113.9",
    )
    assert confirmation.consent_text == request.consent_text


def test_confirming_twice_is_harmless(client, mailoutbox):
    client.post(SUBSCRIBE.format("en"), form_data("twice@example.org", "en"))
    link = confirm_link(mailoutbox[0])
    client.post(link, REMOTE_ADDR="203.0.113.1")
    first = Subscriber.objects.values().get()

    history = list(ConsentEvent.objects.values())

    response = client.post(link, REMOTE_ADDR="203.0.113.2")

    assert response.status_code == 200
    assert Subscriber.objects.values().get() == first
    assert list(ConsentEvent.objects.values()) == history


def test_a_tampered_confirmation_link_shows_a_clear_page_and_changes_nothing(client):
    subscriber = SubscriberFactory(email="victim@example.org")
    token = confirmation_token(subscriber.consent_events.get())
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    before = Subscriber.objects.values().get(pk=subscriber.pk)

    for method in (client.get, client.post):
        response = method(f"/en/newsletter/confirm/{tampered}/")
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
    assert Subscriber.objects.values().get(pk=subscriber.pk) == before


def test_a_forged_payload_for_another_subscriber_is_rejected(client):
    victim = SubscriberFactory(email="other@example.org")
    forged = signing.dumps({"s": victim.pk, "c": ""}, salt="some-other-purpose")

    response = client.post(f"/pl/newsletter/confirm/{forged}/")

    assert response.status_code == 400
    victim.refresh_from_db()
    assert victim.status == Subscriber.Status.PENDING


def test_an_expired_confirmation_link_shows_a_clear_page_and_changes_nothing(client, settings):
    subscriber = SubscriberFactory(email="late@example.org")
    token = confirmation_token(subscriber.consent_events.get())
    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = -1

    response = client.post(f"/pl/newsletter/confirm/{token}/")

    assert response.status_code == 400
    assert "Ten link wygasł" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_a_strangers_later_signup_does_not_void_the_owners_confirmation_link(client, mailoutbox):
    client.post(SUBSCRIBE.format("pl"), form_data("owner@example.org"), REMOTE_ADDR="192.0.2.1")
    owners_link = confirm_link(mailoutbox[0])
    client.post(SUBSCRIBE.format("en"), form_data("owner@example.org", "en"), REMOTE_ADDR="203.0.113.66")

    client.post(owners_link, REMOTE_ADDR="192.0.2.1")

    subscriber = Subscriber.objects.get()
    assert (subscriber.status, subscriber.language) == (Subscriber.Status.CONFIRMED, "pl")
    confirmation = subscriber.consent_events.get(kind=ConsentEvent.Kind.CONFIRMED)
    assert confirmation.request.ip == "192.0.2.1"


def test_a_link_of_a_request_made_before_unsubscribing_cannot_bring_the_address_back(client):
    subscriber = SubscriberFactory(email="left@example.org", confirmed=True)
    old_request = subscriber.consent_events.get(kind=ConsentEvent.Kind.REQUESTED)
    subscriber.withdraw()

    response = client.post(f"/pl/newsletter/confirm/{confirmation_token(old_request)}/")

    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


@override_settings(NEWSLETTER_RATE_LIMITS={"ip": "3/h", "email": "100/h"})
def test_too_many_signups_from_one_ip_address_answer_429_with_a_message(client):
    for n in range(3):
        assert client.post(SUBSCRIBE.format("en"), form_data(f"a{n}@example.org", "en")).status_code == 302

    response = client.post(SUBSCRIBE.format("en"), form_data("a9@example.org", "en"))

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Too many signup attempts from your network" in response.content.decode()
    assert Subscriber.objects.count() == 3
    other_ip = client.post(SUBSCRIBE.format("en"), form_data("b@example.org", "en"), REMOTE_ADDR="192.0.2.99")
    assert other_ip.status_code == 302


@override_settings(NEWSLETTER_RATE_LIMITS={"ip": "100/h", "email": "2/h"})
def test_too_many_signups_for_one_address_answer_429_whatever_the_letter_case(client):
    client.post(SUBSCRIBE.format("pl"), form_data("busy@example.org"), REMOTE_ADDR="192.0.2.1")
    client.post(SUBSCRIBE.format("pl"), form_data("Busy@Example.org"), REMOTE_ADDR="192.0.2.2")

    response = client.post(SUBSCRIBE.format("pl"), form_data("BUSY@example.org"), REMOTE_ADDR="192.0.2.3")

    assert response.status_code == 429
    assert "Zbyt wiele prób zapisu tego adresu" in response.content.decode()


@override_settings(NEWSLETTER_RATE_LIMITS={"ip": "1/h", "email": "100/h"})
def test_rate_limit_counters_live_in_the_shared_default_cache(client):
    from django.core.cache import caches

    client.post(SUBSCRIBE.format("pl"), form_data("first@example.org"))
    assert client.post(SUBSCRIBE.format("pl"), form_data("second@example.org")).status_code == 429

    # Another server process sees the same counters only through the shared cache: emptying it resets them.
    caches["default"].clear()
    assert client.post(SUBSCRIBE.format("pl"), form_data("second@example.org")).status_code == 302


@pytest.mark.parametrize("proxies", [1, 2])
def test_behind_our_proxies_the_consent_records_the_visitors_address(client, proxies):
    with behind(proxies):
        client.post(
            SUBSCRIBE.format("pl"),
            form_data("proxied@example.org"),
            **via_proxies(VISITOR_A, proxies, forged="1.2.3.4"),
        )
    assert Subscriber.objects.get().consent_events.get().ip == VISITOR_A


@pytest.mark.parametrize("proxies", [1, 2])
@override_settings(NEWSLETTER_RATE_LIMITS={"ip": "2/h", "email": "100/h"})
def test_behind_our_proxies_one_visitor_over_the_signup_limit_does_not_block_another(client, proxies):
    with behind(proxies):
        for n in range(2):
            client.post(SUBSCRIBE.format("en"), form_data(f"a{n}@example.org", "en"), **via_proxies(VISITOR_A, proxies))

        refused = client.post(
            SUBSCRIBE.format("en"), form_data("a9@example.org", "en"), **via_proxies(VISITOR_A, proxies)
        )
        forged = client.post(
            SUBSCRIBE.format("en"),
            form_data("a10@example.org", "en"),
            **via_proxies(VISITOR_A, proxies, forged=VISITOR_B),
        )
        other = client.post(SUBSCRIBE.format("en"), form_data("b@example.org", "en"), **via_proxies(VISITOR_B, proxies))

    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert forged.status_code == 429
    assert other.status_code == 302
    assert set(Subscriber.objects.values_list("email", flat=True)) == {
        "a0@example.org",
        "a1@example.org",
        "b@example.org",
    }


@pytest.mark.parametrize(("language", "page_path"), [("pl", "/pl/newsletter/"), ("en", "/en/newsletter/")])
def test_get_on_the_subscribe_address_redirects_to_the_newsletter_page(client, language, page_path):
    response = client.get(f"/{language}/newsletter/subscribe/")

    assert response.status_code in (302, 303)
    assert response["Location"] == page_path
    assert ConsentText.current(language).text in client.get(response["Location"]).content.decode()
