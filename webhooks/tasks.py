"""One background task per delivery (django-tasks: immediate in development and tests, the database queue that
``manage.py db_worker`` runs in production), retried with exponential backoff."""

import time
from datetime import timedelta

import requests
from django_tasks import task

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import WebhookDelivery, WebhookEndpoint
from .notifications import tell_editors_endpoint_disabled
from .signing import signed_headers

#: The most of a portal's answer or error kept in the log.
ERROR_MAX_LENGTH = 1000


def retry_delay(attempts):
    """Seconds before the next attempt after ``attempts`` failed ones: the base delay, doubled each time."""
    return settings.WEBHOOKS_RETRY_BASE_DELAY * 2 ** (attempts - 1)


def post(delivery, now):
    """One POST of the delivery's body: ``(response status or None, error text)``; 2xx is success, anything
    else (a redirect too: a portal's address must answer itself) an error."""
    body = delivery.body.encode("utf-8")
    timestamp = int(now.timestamp())
    headers = signed_headers(delivery.endpoint.secret, timestamp, body, delivery.pk, delivery.event_type)
    try:
        response = requests.post(
            delivery.endpoint.url,
            data=body,
            headers=headers,
            timeout=settings.WEBHOOKS_TIMEOUT,
            allow_redirects=False,
        )
    except requests.RequestException as e:
        return None, f"{type(e).__name__}: {e}"[:ERROR_MAX_LENGTH]
    if 200 <= response.status_code < 300:
        return response.status_code, ""
    return response.status_code, f"HTTP {response.status_code}: {response.text}"[:ERROR_MAX_LENGTH]


def record_failure(endpoint, now):
    """Count a failed attempt; disable the endpoint at ``WEBHOOKS_DISABLE_AFTER_FAILURES`` in a row. True when
    this failure disabled it."""
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(consecutive_failures=F("consecutive_failures") + 1)
    disabled = WebhookEndpoint.objects.filter(
        pk=endpoint.pk, is_active=True, consecutive_failures__gte=settings.WEBHOOKS_DISABLE_AFTER_FAILURES
    ).update(is_active=False, disabled_at=now)
    return bool(disabled)


@task()
def deliver(delivery_id):
    """Attempt one delivery; on failure queue the next attempt, or give up after ``WEBHOOKS_MAX_ATTEMPTS``."""
    delivery = (
        WebhookDelivery.objects.select_related("endpoint")
        .filter(pk=delivery_id, status__in=[WebhookDelivery.Status.PENDING, WebhookDelivery.Status.RETRYING])
        .first()
    )
    if delivery is None:
        return None
    endpoint = delivery.endpoint
    if not endpoint.is_active:
        delivery.status = WebhookDelivery.Status.CANCELLED
        delivery.next_attempt_at = None
        delivery.save(update_fields=["status", "next_attempt_at"])
        return delivery.status

    now = timezone.now()
    started = time.monotonic()
    response_status, error = post(delivery, now)
    delivery.last_duration_ms = round((time.monotonic() - started) * 1000)
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.response_status = response_status
    delivery.error = error
    delivery.next_attempt_at = None
    disabled = False
    with transaction.atomic():
        if not error:
            delivery.status = WebhookDelivery.Status.DELIVERED
            delivery.delivered_at = timezone.now()
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(consecutive_failures=0)
        else:
            disabled = record_failure(endpoint, now)
            if disabled or delivery.attempts >= settings.WEBHOOKS_MAX_ATTEMPTS:
                delivery.status = WebhookDelivery.Status.FAILED
            else:
                delivery.status = WebhookDelivery.Status.RETRYING
                delivery.next_attempt_at = now + timedelta(seconds=retry_delay(delivery.attempts))
        delivery.save()
    if disabled:
        endpoint.refresh_from_db()
        tell_editors_endpoint_disabled(endpoint, delivery)
    if delivery.status == WebhookDelivery.Status.RETRYING:
        schedule_retry(delivery)
    return delivery.status


def schedule_retry(delivery):
    """Queue the next attempt at ``next_attempt_at``. django-tasks 0.12 has no retries of its own, so a retry is a
    new task deferred with ``run_after``; a backend that cannot defer (the immediate one of development and tests)
    runs it at once."""
    task = deliver
    if task.get_backend().supports_defer:
        task = task.using(run_after=delivery.next_attempt_at)
    task.enqueue(str(delivery.pk))
