"""Publishing, unpublishing and deleting public content POSTs one signed event to each endpoint that follows it,
end to end through the task queue to a real HTTP receiver; drafts, private pages and unfollowed content send
nothing."""

import json
import shutil
import subprocess
import time
import uuid
from datetime import datetime

import pytest

from django.db import transaction

from wagtail.models import Page, PageViewRestriction

from partners.models import Partner
from tests.factories.home import StandardPageFactory
from tests.factories.partners import PartnerFactory
from tests.factories.webhooks import WebhookEndpointFactory
from webhooks.models import ContentKind, WebhookDelivery
from webhooks.signing import signature

from .docs_snippets import javascript_verifier, python_verify_signature

pytestmark = pytest.mark.django_db


def test_publishing_a_page_posts_one_signed_event_that_the_documented_python_code_verifies(
    draft_page, endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()

    [request] = receiver.requests
    verify_signature = python_verify_signature()
    assert verify_signature(endpoint.secret, request.headers["X-Partnerstwo-Signature"], request.body)
    assert not verify_signature("another secret", request.headers["X-Partnerstwo-Signature"], request.body)
    assert not verify_signature(endpoint.secret, request.headers["X-Partnerstwo-Signature"], request.body + b" ")
    event = request.json()
    assert event == {
        "id": request.headers["X-Partnerstwo-Delivery"],
        "type": "page.published",
        "object": {"type": "home.StandardPage", "id": draft_page.pk},
        "locale": "pl",
        "api_url": f"http://testserver/api/v2/pages/{draft_page.pk}/",
        "time": event["time"],
    }
    assert datetime.fromisoformat(event["time"]).utcoffset().total_seconds() == 0
    assert request.path == "/hooks/"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Partnerstwo-Event"] == "page.published"
    delivery = WebhookDelivery.objects.get()
    assert (delivery.pk, delivery.status, delivery.attempts, delivery.response_status) == (
        uuid.UUID(event["id"]),
        WebhookDelivery.Status.DELIVERED,
        1,
        200,
    )
    assert delivery.delivered_at is not None and delivery.last_duration_ms is not None


def test_the_signature_covers_the_timestamp_and_the_exact_body(
    draft_page, endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()

    [request] = receiver.requests
    timestamp = request.headers["X-Partnerstwo-Timestamp"]
    assert (
        request.headers["X-Partnerstwo-Signature"]
        == f"t={timestamp},v1={signature(endpoint.secret, timestamp, request.body)}"
    )
    assert abs(int(timestamp) - time.time()) < 300
    verify_signature = python_verify_signature()
    # A replay an hour later is refused by the documented code.
    assert not verify_signature(
        endpoint.secret, request.headers["X-Partnerstwo-Signature"], request.body, now=int(timestamp) + 3600
    )


def test_the_api_url_comes_from_the_configured_base_url_not_the_request(
    draft_page, endpoint, receiver, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILAPI_BASE_URL = "https://partnerstwo.example.org/"

    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()

    assert receiver.requests[0].json()["api_url"] == f"https://partnerstwo.example.org/api/v2/pages/{draft_page.pk}/"


def test_unpublishing_a_page_posts_page_unpublished(
    published_page, endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        published_page.unpublish()

    assert [request.json()["type"] for request in receiver.requests] == ["page.unpublished"]
    assert receiver.requests[0].json()["object"] == {"type": "home.StandardPage", "id": published_page.pk}


def test_deleting_a_live_page_posts_unpublished_then_deleted(
    published_page, endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=published_page.pk).delete()

    assert [(r.json()["type"], r.json()["object"]["id"]) for r in receiver.requests] == [
        ("page.unpublished", published_page.pk),
        ("page.deleted", published_page.pk),
    ]
    assert [r.json()["object"]["type"] for r in receiver.requests] == ["home.StandardPage", "home.StandardPage"]


def test_saving_a_draft_sends_nothing(published_page, endpoint, receiver, django_capture_on_commit_callbacks):
    published_page.title = "Szkic zmian"
    with django_capture_on_commit_callbacks(execute=True):
        published_page.save_revision()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_moving_a_page_announces_it_but_moving_a_draft_sends_nothing(
    draft_page, published_page, home_pl, endpoint, receiver, django_capture_on_commit_callbacks
):
    new_parent = StandardPageFactory(parent=home_pl, title="Nowy dział", slug="nowy-dzial")

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=draft_page.pk).move(new_parent, pos="last-child")
        Page.objects.get(pk=published_page.pk).move(new_parent, pos="last-child")

    assert [(r.json()["type"], r.json()["object"]["id"]) for r in receiver.requests] == [
        ("page.published", published_page.pk)
    ]


def test_publishing_unpublishing_or_deleting_a_private_page_sends_nothing(
    draft_page, home_pl, endpoint, receiver, django_capture_on_commit_callbacks
):
    PageViewRestriction.objects.create(page=draft_page, restriction_type=PageViewRestriction.LOGIN)

    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()
        Page.objects.get(pk=draft_page.pk).specific.unpublish()
        Page.objects.get(pk=draft_page.pk).specific.save_revision().publish()
        Page.objects.get(pk=draft_page.pk).delete()

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_making_a_page_private_tells_the_portals_that_knew_it_that_it_is_unpublished(
    published_page, endpoint, receiver, django_capture_on_commit_callbacks
):
    unaware = WebhookEndpointFactory(url=receiver.url)
    WebhookDelivery.objects.create(
        endpoint=endpoint,
        event_type="page.published",
        object_type="home.StandardPage",
        object_id=str(published_page.pk),
    )

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=published_page, restriction_type=PageViewRestriction.LOGIN)

    [request] = receiver.requests
    assert request.json()["type"] == "page.unpublished"
    assert request.json()["object"] == {"type": "home.StandardPage", "id": published_page.pk}
    assert request.headers["X-Partnerstwo-Delivery"] == str(endpoint.deliveries.latest("created_at").pk)
    assert not unaware.deliveries.exists()


def test_a_page_under_a_private_page_is_private_too(home_pl, endpoint, receiver, django_capture_on_commit_callbacks):
    parent = StandardPageFactory(parent=home_pl, title="Dla członków", slug="dla-czlonkow")
    PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.PASSWORD, password="tajne")  # noqa: S106
    child = parent.add_child(instance=StandardPageFactory.build(title="Protokół", slug="protokol", live=False))

    with django_capture_on_commit_callbacks(execute=True):
        child.save_revision().publish()

    assert receiver.requests == []


class Abandoned(Exception):
    """Raised to roll a publication back."""


def test_a_rolled_back_publication_sends_nothing(draft_page, endpoint, receiver, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(Abandoned), transaction.atomic():
        draft_page.save_revision().publish()
        raise Abandoned

    assert receiver.requests == []
    assert not WebhookDelivery.objects.exists()


def test_an_endpoint_gets_only_the_languages_it_follows(
    draft_page, locale_en, receiver, django_capture_on_commit_callbacks
):
    english_only = WebhookEndpointFactory(url=receiver.url, languages=["en"])
    english_partner = PartnerFactory(locale=locale_en, name="English Foundation", live=False)

    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()
        english_partner.save_revision().publish()

    [request] = receiver.requests
    assert request.json()["locale"] == "en"
    assert request.json()["type"] == "partner.published"
    assert WebhookDelivery.objects.get().endpoint == english_only


def test_an_endpoint_gets_only_the_content_types_it_follows(draft_page, receiver, django_capture_on_commit_callbacks):
    WebhookEndpointFactory(url=receiver.url, content_types=[ContentKind.PARTNERS])
    partner = PartnerFactory(name="Fundacja Webhook", live=False)

    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()
        partner.save_revision().publish()
        Partner.objects.get(pk=partner.pk).unpublish()

    assert [r.json()["type"] for r in receiver.requests] == ["partner.published", "partner.unpublished"]
    assert receiver.requests[0].json()["object"] == {"type": "partners.Partner", "id": partner.pk}
    assert receiver.requests[0].json()["api_url"] == f"http://testserver/api/v2/partners/{partner.pk}/"


def test_news_are_followed_apart_from_other_pages(draft_page, home_pl, receiver, django_capture_on_commit_callbacks):
    from_pages = WebhookEndpointFactory(url=receiver.url, content_types=[ContentKind.NEWS])

    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()

    assert receiver.requests == []
    assert not from_pages.deliveries.exists()


def test_each_endpoint_that_follows_the_object_gets_its_own_delivery(
    draft_page, receiver, django_capture_on_commit_callbacks
):
    first = WebhookEndpointFactory(url=receiver.url)
    second = WebhookEndpointFactory(url=receiver.url)
    WebhookEndpointFactory(url=receiver.url, is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()

    assert len(receiver.requests) == 2
    signatures = {r.headers["X-Partnerstwo-Delivery"]: r.headers["X-Partnerstwo-Signature"] for r in receiver.requests}
    verify_signature = python_verify_signature()
    for delivery in WebhookDelivery.objects.all():
        assert delivery.endpoint in (first, second)
        assert verify_signature(delivery.endpoint.secret, signatures[str(delivery.pk)], delivery.body.encode())


def test_the_documented_javascript_code_verifies_a_delivery(
    draft_page, endpoint, receiver, django_capture_on_commit_callbacks, tmp_path
):
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()
    [request] = receiver.requests
    (tmp_path / "verify.js").write_text(javascript_verifier())
    (tmp_path / "body.json").write_bytes(request.body)
    check = (
        "const { verifySignature } = require('./verify.js');"
        "const body = require('node:fs').readFileSync('body.json');"
        "const [secret, header] = process.argv.slice(1);"
        "console.log(JSON.stringify([verifySignature(secret, header, body),"
        " verifySignature('wrong', header, body),"
        " verifySignature(secret, header, Buffer.concat([body, Buffer.from(' ')])),"
        " verifySignature(secret, 'garbage', body)]));"
    )

    result = subprocess.run(  # noqa: S603
        # "--": a secret may start with "-" (token_urlsafe), which node would otherwise take for an option.
        [node, "-e", check, "--", endpoint.secret, request.headers["X-Partnerstwo-Signature"]],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(result.stdout) == [True, False, False, False]
