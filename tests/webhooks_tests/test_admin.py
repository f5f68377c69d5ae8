"""Editors register portals' endpoints in the admin (in Polish); the delivery log can be read, never changed."""

import pytest

from django.urls import reverse
from django.utils import timezone

from tests.factories.webhooks import WebhookEndpointFactory
from webhooks.models import WebhookDelivery, WebhookEndpoint

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "pw"))
    return client


def endpoint_form(**values):
    return {
        "name": "Portal powiatu",
        "url": "https://portal.example.org/hooks/",
        "languages": ["pl", "en"],
        "content_types": ["news", "events"],
        "is_active": "on",
        **values,
    }


def test_the_endpoint_list_is_in_polish_and_never_shows_a_secret(admin_client):
    endpoint = WebhookEndpointFactory(name="Portal gminy")

    response = admin_client.get(reverse("webhook_endpoints:index"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Punkty odbioru webhooków" in content
    assert "Portal gminy" in content
    assert endpoint.secret not in content


def test_an_editor_registers_an_endpoint_and_a_secret_is_made_for_it(admin_client):
    form = admin_client.get(reverse("webhook_endpoints:add")).content.decode()
    assert "Rodzaje treści" in form and "Wydarzenia" in form

    response = admin_client.post(reverse("webhook_endpoints:add"), endpoint_form())

    assert response.status_code == 302
    endpoint = WebhookEndpoint.objects.get()
    assert (endpoint.url, endpoint.languages, endpoint.content_types) == (
        "https://portal.example.org/hooks/",
        ["pl", "en"],
        ["news", "events"],
    )
    assert len(endpoint.secret) == 43


@pytest.mark.parametrize(
    ("url", "allow_loopback", "accepted"),
    [
        ("http://portal.example.org/hooks/", True, False),
        ("http://127.0.0.1:8001/hooks/", True, True),
        ("http://localhost:8001/hooks/", True, True),
        ("http://127.0.0.1:8001/hooks/", False, False),
        ("ftp://portal.example.org/hooks/", True, False),
    ],
)
def test_an_endpoint_must_use_https_except_on_this_machine_where_allowed(
    admin_client, settings, url, allow_loopback, accepted
):
    settings.WEBHOOKS_ALLOW_HTTP_LOOPBACK = allow_loopback

    response = admin_client.post(reverse("webhook_endpoints:add"), endpoint_form(url=url))

    assert WebhookEndpoint.objects.exists() is accepted
    if not accepted:
        assert response.status_code == 200
        assert "Adres musi zaczynać się od https://." in response.content.decode()


def test_the_secret_is_shown_on_the_edit_page_and_can_be_made_anew(admin_client):
    endpoint = WebhookEndpointFactory()
    old_secret = endpoint.secret

    page = admin_client.get(reverse("webhook_endpoints:edit", args=[endpoint.pk])).content.decode()
    admin_client.post(
        reverse("webhook_endpoints:edit", args=[endpoint.pk]),
        endpoint_form(url=endpoint.url, regenerate_secret="on"),
    )

    assert old_secret in page
    endpoint.refresh_from_db()
    assert endpoint.secret != old_secret and len(endpoint.secret) == 43


def test_turning_a_disabled_endpoint_back_on_forgets_its_failures(admin_client):
    endpoint = WebhookEndpointFactory(is_active=False, consecutive_failures=15, disabled_at=timezone.now())

    admin_client.post(reverse("webhook_endpoints:edit", args=[endpoint.pk]), endpoint_form(url=endpoint.url))

    endpoint.refresh_from_db()
    assert (endpoint.is_active, endpoint.consecutive_failures, endpoint.disabled_at) == (True, 0, None)


def test_the_dashboard_names_endpoints_disabled_after_failures(admin_client):
    WebhookEndpointFactory(
        name="Portal wyłączony", is_active=False, consecutive_failures=15, disabled_at=timezone.now()
    )
    WebhookEndpointFactory(name="Portal wyłączony ręcznie", is_active=False)

    content = admin_client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Punkty odbioru webhooków wyłączone po błędach" in content
    assert "Portal wyłączony</a>" in content
    assert "Portal wyłączony ręcznie" not in content


def test_the_delivery_log_can_be_read_in_polish(admin_client):
    delivery = WebhookDelivery.objects.create(
        endpoint=WebhookEndpointFactory(name="Portal gminy"),
        event_type="page.published",
        object_type="home.StandardPage",
        object_id="7",
        body='{"type":"page.published"}',
        status=WebhookDelivery.Status.FAILED,
        attempts=5,
        response_status=500,
        error="HTTP 500: portal is down",
    )

    index = admin_client.get(reverse("webhook_deliveries:index"))
    inspect = admin_client.get(reverse("webhook_deliveries:inspect", args=[delivery.pk]))

    assert index.status_code == inspect.status_code == 200
    assert "Dostarczenia webhooków" in index.content.decode()
    assert "Nieudane" in index.content.decode()
    assert "HTTP 500: portal is down" in inspect.content.decode()


def test_the_delivery_log_cannot_be_written_even_by_a_superuser(admin_client):
    delivery = WebhookDelivery.objects.create(
        endpoint=WebhookEndpointFactory(), event_type="page.published", object_type="x", object_id="1", body="{}"
    )

    responses = [
        admin_client.get(reverse("webhook_deliveries:add")),
        admin_client.get(reverse("webhook_deliveries:edit", args=[delivery.pk])),
        admin_client.post(reverse("webhook_deliveries:delete", args=[delivery.pk])),
    ]

    assert [response.status_code for response in responses] == [302, 302, 302]
    assert all(response.url == reverse("wagtailadmin_home") for response in responses)
    assert WebhookDelivery.objects.filter(pk=delivery.pk).exists()
