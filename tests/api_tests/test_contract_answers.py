"""What the API answers where outside tools found it wrong (issue #16): partial dates as filters, ``locale`` on the
newsletter endpoints, the content's language, validators, one error shape in the request's ``locale`` or English,
JSON 404s anywhere under /api/, and dependencies between parameters that the document cannot state removed."""

import datetime

import pytest

from django.core import mail
from django.utils.http import http_date

from newsletter.models import ConsentText

pytestmark = pytest.mark.django_db


# --- member_since as the API writes it ------------------------------------------------------------------------
@pytest.mark.parametrize("value", ["2010-11", "2010"])
def test_member_since_filters_in_the_form_the_api_writes_it(client, value):
    response = client.get("/api/v2/partners/", {"member_since": value, "fields": "member_since,member_since_precision"})

    assert response.status_code == 200
    items = response.json()["items"]
    assert items, "the partnership's founding members joined in November 2010"
    assert all(item["member_since"].startswith(value) for item in items)


def test_a_month_filter_leaves_out_dates_known_only_to_the_year(client):
    all_partners = client.get("/api/v2/partners/", {"fields": "member_since", "limit": 100}).json()["items"]
    november = {item["id"] for item in client.get("/api/v2/partners/?member_since=2010-11&limit=100").json()["items"]}

    assert november == {item["id"] for item in all_partners if item["member_since"].startswith("2010-11")}


@pytest.mark.parametrize("value", ["2010-13", "2010-11-31", "0000", "10-11", "2010-1"])
def test_an_impossible_partial_date_answers_400(client, value):
    response = client.get("/api/v2/partners/", {"member_since": value})

    assert response.status_code == 400
    assert "member_since" in response.json()["message"]


# --- the newsletter speaks of locale, like the rest of the API ---------------------------------------------------
def test_the_consent_text_is_asked_for_by_locale_with_validators(client):
    current = ConsentText.current("en")
    response = client.get("/api/v2/newsletter/consent/", {"locale": "en"}, HTTP_ACCEPT_LANGUAGE="pl")

    assert response.status_code == 200
    assert response.json() == {"locale": "en", "version": current.version, "text": current.text}
    assert response["Content-Language"] == "en"
    assert response["Cache-Control"].startswith("public, max-age=")
    assert response["Last-Modified"]
    again = client.get("/api/v2/newsletter/consent/", {"locale": "en"}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


@pytest.mark.parametrize("query", [{"language": "en"}, {"locale": "en", "colour": "green"}, {}])
def test_the_consent_text_answers_400_to_language_or_any_other_unknown_parameter(client, query):
    response = client.get("/api/v2/newsletter/consent/", query)

    assert response.status_code == 400
    body = response.json()
    assert body["message"] and body["errors"]
    assert set(body["errors"]) == (set(query) - {"locale"} or {"locale"})


def test_signup_takes_locale_and_refuses_language(client):
    current = ConsentText.current("en")
    body = {"email": "portal-reader@example.org", "consent": True, "consent_version": current.version}

    refused = client.post("/api/v2/newsletter/subscribe/", {**body, "language": "en"}, content_type="application/json")
    accepted = client.post("/api/v2/newsletter/subscribe/", {**body, "locale": "en"}, content_type="application/json")

    assert refused.status_code == 400
    assert set(refused.json()["errors"]) == {"language"}
    assert accepted.status_code == 202
    assert accepted["Content-Language"] == "en"
    assert len(mail.outbox) == 1


def test_signup_with_a_consent_version_that_is_not_current_is_a_conflict(client):
    current = ConsentText.current("en")
    body = {"email": "late@example.org", "consent": True, "consent_version": current.version + 1, "locale": "en"}

    response = client.post("/api/v2/newsletter/subscribe/", body, content_type="application/json")

    assert response.status_code == 409
    assert set(response.json()["errors"]) == {"consent_version"}


def test_too_many_signups_answer_429_with_retry_after(client, settings):
    settings.NEWSLETTER_RATE_LIMITS = {"ip": "2/h", "email": "5/h"}
    body = {"email": "many@example.org", "locale": "pl", "consent": True, "consent_version": 1}
    assert ConsentText.current("pl") is not None, "the partnership's content has consent texts"

    statuses = [
        client.post("/api/v2/newsletter/subscribe/", body, content_type="application/json") for _attempt in range(3)
    ]

    assert statuses[-1].status_code == 429
    assert int(statuses[-1]["Retry-After"]) >= 1
    assert statuses[-1].json()["message"]


# --- the language of the content, not of the request ----------------------------------------------------------------
def english_page_id(client):
    return client.get("/api/v2/pages/?locale=en&limit=1").json()["items"][0]["id"]


def test_content_language_is_the_objects_own(client):
    english = english_page_id(client)
    polish = client.get("/api/v2/pages/?locale=pl&limit=1").json()["items"][0]["id"]

    assert client.get(f"/api/v2/pages/{english}/", HTTP_ACCEPT_LANGUAGE="pl")["Content-Language"] == "en"
    assert client.get(f"/api/v2/pages/{polish}/", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "pl"


def test_content_language_of_a_listing_is_its_locale_filter_or_every_language(client):
    assert client.get("/api/v2/partners/?locale=en", HTTP_ACCEPT_LANGUAGE="pl")["Content-Language"] == "en"
    assert client.get("/api/v2/pages/", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "pl, en"
    assert client.get("/api/v2/navigation/?locale=en", HTTP_ACCEPT_LANGUAGE="pl")["Content-Language"] == "en"
    assert client.get("/api/v2/navigation/", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "pl"
    assert client.get("/api/v2/schema/", HTTP_ACCEPT_LANGUAGE="pl")["Content-Language"] == "en"


# --- validators --------------------------------------------------------------------------------------------------
def test_a_future_if_modified_since_is_ignored(client):
    future = http_date((datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)).timestamp())

    response = client.get("/api/v2/pages/", HTTP_IF_MODIFIED_SINCE=future)

    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v2/languages/", "/api/v2/schema/", "/api/v2/contact/"])
def test_every_get_carries_validators_and_cache_control(client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["ETag"] and response["Last-Modified"]
    assert response["Cache-Control"].startswith("public, max-age=")


# --- one error shape, in the request's locale or English -------------------------------------------------------
def test_errors_are_in_english_whatever_the_accept_language(client):
    response = client.get("/api/v2/pages/?nothing=1", HTTP_ACCEPT_LANGUAGE="pl")

    assert response.status_code == 400
    assert response.json() == {"message": "Unknown query parameter: nothing (see /api/v2/schema/)."}
    assert response["Content-Language"] == "en"


def test_errors_are_in_the_language_of_the_locale_parameter(client):
    response = client.get("/api/v2/pages/?locale=pl&nothing=1", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert response.json() == {"message": "Nieznany parametr zapytania: nothing (zob. /api/v2/schema/)."}
    assert response["Content-Language"] == "pl"


def test_405_is_in_the_one_shape_and_the_locale_language(client):
    response = client.post("/api/v2/pages/?locale=pl", {"title": "x"})

    assert response.status_code == 405
    assert response.json()["message"].startswith("Metoda POST")
    assert "GET" in response["Allow"]


@pytest.mark.parametrize(
    "url", ["/api/", "/api/nope", "/api/v1/pages/", "/api/v2/nope/x", "/api/v2/newsletter/nope/", "/api/v2/pages/1/x/"]
)
def test_any_unknown_address_under_api_answers_a_json_404(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="pl")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": "There is no API endpoint at this address."}


def test_a_post_to_an_unknown_address_under_api_answers_a_json_404_too(client):
    response = client.post("/api/nope/?locale=pl", {})

    assert response.status_code == 404
    assert response.json() == {"message": "Pod tym adresem nie ma punktu końcowego API."}


# --- parameters that went together only in some combinations ----------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/?order=random&offset=1",
        "/api/v2/images/?order=random&offset=0",
        "/api/v2/pages/?child_of=root&descendant_of=root",
        "/api/v2/documents/?tags=raport&search=raport",
    ],
)
def test_combinations_the_document_cannot_forbid_are_answered(client, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/find/",
        "/api/v2/pages/?site=nowhere.example",
        "/api/v2/pages/?child_of=999999",
        "/api/v2/pages/?descendant_of=999999",
        "/api/v2/pages/?ancestor_of=999999",
        "/api/v2/pages/?translation_of=999999",
    ],
)
def test_a_well_formed_name_of_nothing_answers_404(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert response.json()["message"]


def test_an_unanswered_method_is_405_whatever_its_parameters(client):
    response = client.generic("TRACE", "/api/v2/images/find/?id=1")

    assert response.status_code == 405
