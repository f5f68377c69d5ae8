import json

import pytest

from django.test import Client, override_settings

from newsletter.models import ConsentEvent, ConsentText, Subscriber

from ..factories.newsletter import SubscriberFactory
from ..proxies import VISITOR_A, VISITOR_B, behind, via_proxies
from .conftest import api_payload

pytestmark = pytest.mark.django_db

URL = "/api/v2/newsletter/subscribe/"
ALLOWED = "https://portal.example.org"


def post(client, payload, **extra):
    body = payload if isinstance(payload, str) else json.dumps(payload)
    return client.post(URL, body, content_type="application/json", **extra)


def test_api_signup_records_the_consent_with_its_origin_and_mails_a_confirmation(mailoutbox):
    client = Client(enforce_csrf_checks=True)

    response = post(client, api_payload("Portal.User@Example.org", "en"), HTTP_ORIGIN=ALLOWED)

    assert response.status_code == 202
    assert response.json()["message"].startswith("Thank you.")
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "portal.user@example.org"
    assert subscriber.language == "en"
    request = subscriber.consent_events.get()
    assert request.consent_text == ConsentText.current("en")
    assert request.source == ALLOWED
    assert len(mailoutbox) == 1
    assert "/en/newsletter/confirm/" in mailoutbox[0].body


def test_api_answers_identically_for_new_pending_confirmed_and_unsubscribed_addresses(client):
    SubscriberFactory(email="pending@example.org")
    SubscriberFactory(email="confirmed@example.org", confirmed=True)
    gone = SubscriberFactory(email="gone@example.org", confirmed=True)
    gone.withdraw()

    answers = {
        (response.status_code, response.content)
        for response in (
            post(client, api_payload(email))
            for email in ["new@example.org", "pending@example.org", "confirmed@example.org", "gone@example.org"]
        )
    }

    assert len(answers) == 1
    assert next(iter(answers))[0] == 202


def test_api_allows_configured_origins_and_no_others():
    client = Client()
    allowed = post(client, api_payload("a@example.org"), HTTP_ORIGIN=ALLOWED)
    other = post(client, api_payload("b@example.org"), HTTP_ORIGIN="https://evil.example")

    assert allowed["Access-Control-Allow-Origin"] == ALLOWED
    assert "Access-Control-Allow-Origin" not in other
    assert "Access-Control-Allow-Credentials" not in allowed


def test_api_preflight_allows_a_json_post_from_a_configured_origin(client):
    response = client.options(
        URL,
        HTTP_ORIGIN=ALLOWED,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "content-type" in response["Access-Control-Allow-Headers"]


def test_api_needs_no_csrf_token():
    response = post(Client(enforce_csrf_checks=True), api_payload("nocsrf@example.org"))
    assert response.status_code == 202


def test_api_bad_input_answers_400_with_a_message_per_field_in_the_requested_language(client):
    response = post(client, {"email": "nope", "locale": "en", "consent": False, "consent_version": "x"})

    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"email", "consent", "consent_version"}
    assert errors["email"] == ["Enter a valid email address."]
    assert "Enter a valid email address." in response.json()["message"]
    assert errors["consent"] == ["Consent must be given: send true."]
    assert not Subscriber.objects.exists()


def test_api_errors_are_in_polish_for_a_polish_signup(client):
    response = post(client, api_payload("nope", "pl", consent="yes"))

    errors = response.json()["errors"]
    assert errors["consent"] == ["Zgoda musi zostać wyrażona: wyślij true."]
    assert "email" in errors


def test_api_rejects_an_unknown_language_and_a_superseded_consent_version(client):
    unknown = post(client, {**api_payload("x@example.org", "en"), "locale": "de"})
    stale = post(client, api_payload("x@example.org", "en", consent_version=ConsentText.current("en").version + 5))

    assert unknown.status_code == 400 and "locale" in unknown.json()["errors"]
    # Well formed, refused only because the consent text changed since the portal showed it.
    assert stale.status_code == 409 and "consent_version" in stale.json()["errors"]
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", '"text"'])
def test_api_answers_400_json_to_a_body_that_is_not_a_json_object(client, body):
    response = post(client, body)

    assert response.status_code == 400
    assert "non_field_errors" in response.json()["errors"]


def test_api_missing_fields_are_each_named(client):
    response = post(client, {})

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"email", "locale", "consent", "consent_version"}


@override_settings(NEWSLETTER_RATE_LIMITS={"ip": "2/h", "email": "100/h"})
def test_api_rate_limit_answers_429_json(client):
    post(client, api_payload("r1@example.org"))
    post(client, api_payload("r2@example.org"))

    response = post(client, api_payload("r3@example.org", "en"))

    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 3600
    assert "Too many signup attempts" in response.json()["message"]


@pytest.mark.parametrize("proxies", [1, 2])
@override_settings(NEWSLETTER_RATE_LIMITS={"ip": "2/h", "email": "100/h"})
def test_api_behind_our_proxies_one_visitor_over_the_limit_does_not_block_another(client, proxies):
    with behind(proxies):
        for n in range(2):
            post(client, api_payload(f"r{n}@example.org"), **via_proxies(VISITOR_A, proxies))

        refused = post(client, api_payload("r8@example.org"), **via_proxies(VISITOR_A, proxies))
        forged = post(client, api_payload("r9@example.org"), **via_proxies(VISITOR_A, proxies, forged=VISITOR_B))
        other = post(client, api_payload("other@example.org"), **via_proxies(VISITOR_B, proxies))

    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert refused.json()["message"].startswith("Zbyt wiele prób zapisu")
    assert forged.status_code == 429
    assert other.status_code == 202


def test_api_serves_the_current_consent_text_for_a_language(client):
    response = client.get("/api/v2/newsletter/consent/?locale=en", HTTP_ORIGIN=ALLOWED)

    current = ConsentText.current("en")
    assert response.status_code == 200
    assert response.json() == {"locale": "en", "version": current.version, "text": current.text}
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert client.get("/api/v2/newsletter/consent/?locale=xx").status_code == 400


def test_newsletter_page_in_the_pages_api_carries_the_consent_text(client):
    response = client.get("/api/v2/pages/?type=newsletter.NewsletterPage&fields=intro,consent")

    items = response.json()["items"]
    assert len(items) == 2
    by_language = {item["meta"]["locale"]: item for item in items}
    assert by_language["pl"]["consent"]["text"] == ConsentText.current("pl").text
    assert by_language["en"]["consent"]["version"] == ConsentText.current("en").version


@pytest.mark.parametrize("origin", ["https://evil.example", '=HYPERLINK("https://evil.example")', None])
def test_api_signup_records_the_apis_own_address_unless_the_origin_is_allowed(client, origin):
    extra = {"HTTP_ORIGIN": origin} if origin else {}

    post(client, api_payload("origin@example.org", "en"), **extra)

    assert ConsentEvent.objects.get().source == "http://testserver/api/v2/newsletter/subscribe/"
