"""A portal that does not answer 2xx: each delivery is retried with exponential backoff through the task queue,
and after too many failures in a row the endpoint is disabled and whoever manages webhooks is told."""

import socket
from datetime import timedelta

import pytest
from django_tasks_db.models import DBTaskResult

from django.contrib.auth.models import Group, Permission
from django.core import mail

from tests.factories.webhooks import WebhookEndpointFactory
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.tasks import deliver, retry_delay

pytestmark = pytest.mark.django_db


@pytest.fixture
def managers(django_user_model):
    """A superuser and an editor who may change endpoints (both told), and an editor who may not (not told)."""
    django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    group = Group.objects.create(name="Portale")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="webhooks", codename="change_webhookendpoint"),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )
    manager = django_user_model.objects.create_user("portale", "portale@example.org", "pw")
    manager.groups.add(group)
    django_user_model.objects.create_user("redaktor", "redaktor@example.org", "pw")


@pytest.fixture
def limits(settings):
    settings.WEBHOOKS_MAX_ATTEMPTS = 3
    settings.WEBHOOKS_DISABLE_AFTER_FAILURES = 3
    settings.WEBHOOKS_RETRY_BASE_DELAY = 60
    return settings


def test_the_retry_delay_doubles_from_the_base_delay(limits):
    assert [retry_delay(attempts) for attempts in (1, 2, 3, 4)] == [60, 120, 240, 480]


def test_a_failing_portal_gets_every_attempt_then_the_endpoint_is_disabled_and_its_managers_told(
    draft_page, endpoint, receiver, managers, limits, django_capture_on_commit_callbacks
):
    receiver.answer(500)

    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()

    assert len(receiver.requests) == 3
    assert len({request.body for request in receiver.requests}) == 1
    assert {request.headers["X-Partnerstwo-Delivery"] for request in receiver.requests} == {
        str(WebhookDelivery.objects.get().pk)
    }
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (WebhookDelivery.Status.FAILED, 3, 500)
    assert delivery.error == "HTTP 500: portal is down"
    endpoint.refresh_from_db()
    assert (endpoint.is_active, endpoint.consecutive_failures) == (False, 3)
    assert endpoint.disabled_at is not None
    assert sorted(message.to[0] for message in mail.outbox) == ["admin@example.org", "portale@example.org"]
    assert mail.outbox[0].subject == "Wyłączono punkt odbioru webhooków „Portal gminy”"
    assert receiver.url in mail.outbox[0].body
    assert f"http://testserver/admin/webhook_endpoints/edit/{endpoint.pk}/" in mail.outbox[0].body


def test_a_disabled_endpoint_gets_no_more_events(
    published_page, endpoint, receiver, limits, django_capture_on_commit_callbacks
):
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(is_active=False)

    with django_capture_on_commit_callbacks(execute=True):
        published_page.unpublish()

    assert receiver.requests == []


def test_a_delivery_queued_before_its_endpoint_was_disabled_is_not_sent(
    draft_page, endpoint, receiver, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        draft_page.save_revision().publish()
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(is_active=False)

    for callback in callbacks:
        callback()

    assert receiver.requests == []
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.CANCELLED


def test_a_portal_that_recovers_gets_the_delivery_and_its_failures_are_forgotten(
    draft_page, endpoint, receiver, limits, django_capture_on_commit_callbacks
):
    receiver.answer(503, 200)

    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()

    assert len(receiver.requests) == 2
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status, delivery.error) == (
        WebhookDelivery.Status.DELIVERED,
        2,
        200,
        "",
    )
    endpoint.refresh_from_db()
    assert (endpoint.is_active, endpoint.consecutive_failures) == (True, 0)
    assert mail.outbox == []


def test_a_redirect_is_a_failed_attempt(draft_page, endpoint, receiver, limits, django_capture_on_commit_callbacks):
    receiver.answer(302, 200)

    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()

    assert len(receiver.requests) == 2
    assert WebhookDelivery.objects.get().attempts == 2


def test_a_refused_connection_is_logged_as_an_error_without_a_response_code(
    draft_page, limits, django_capture_on_commit_callbacks
):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    WebhookEndpointFactory(url=f"http://127.0.0.1:{port}/hooks/")

    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (WebhookDelivery.Status.FAILED, 3, None)
    assert delivery.error.startswith("ConnectionError")


def queued_deliveries():
    return DBTaskResult.objects.filter(task_path="webhooks.tasks.deliver")


def test_on_a_queue_that_can_defer_each_retry_waits_twice_as_long_as_the_last(
    draft_page, endpoint, receiver, limits, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    receiver.answer(500)
    with django_capture_on_commit_callbacks(execute=True):
        draft_page.save_revision().publish()
    [first] = queued_deliveries()
    delivery_id = first.args_kwargs["args"][0]
    assert receiver.requests == []  # queued for the worker, not run in the request

    delays = []
    for _attempt in (1, 2):
        deliver.call(delivery_id)
        delivery = WebhookDelivery.objects.get(pk=delivery_id)
        retry = queued_deliveries().order_by("-enqueued_at").first()
        assert delivery.status == WebhookDelivery.Status.RETRYING
        assert retry.run_after == delivery.next_attempt_at
        delays.append(delivery.next_attempt_at - delivery.last_attempt_at)

    assert delays == [timedelta(seconds=60), timedelta(seconds=120)]
    assert queued_deliveries().count() == 3
    assert len(receiver.requests) == 2
