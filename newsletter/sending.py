"""Sending an issue: one delivery row per recipient, each claimed before its e-mail goes out.

A second click or a retried task finds the rows already there and claimed, so nobody is mailed twice; a
subscriber confirmed since the last run gets a new row and is mailed once.
"""

import logging

from django.conf import settings
from django.core.mail import get_connection
from django.utils import timezone

from .emails import issue_email, issue_email_for_editor
from .models import NewsletterDelivery, NewsletterIssue, Subscriber

logger = logging.getLogger(__name__)


def queue_deliveries(issue):
    batch_size = settings.NEWSLETTER_BATCH_SIZE
    recipient_ids = issue.recipients().order_by("pk").values_list("pk", flat=True)
    batch = []
    for subscriber_id in recipient_ids.iterator(chunk_size=batch_size):
        batch.append(NewsletterDelivery(issue=issue, subscriber_id=subscriber_id))
        if len(batch) == batch_size:
            NewsletterDelivery.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    if batch:
        NewsletterDelivery.objects.bulk_create(batch, ignore_conflicts=True)


def _claim(delivery):
    claimed = NewsletterDelivery.objects.filter(pk=delivery.pk, status=NewsletterDelivery.Status.PENDING).update(
        status=NewsletterDelivery.Status.SENDING
    )
    return claimed == 1


def _finish(delivery, status, error=""):
    sent_at = timezone.now() if status == NewsletterDelivery.Status.SENT else None
    NewsletterDelivery.objects.filter(pk=delivery.pk).update(status=status, sent_at=sent_at, error=error[:2000])


def send_pending(issue):
    """Send every waiting delivery of ``issue``, in batches sharing one mail connection."""
    Status = NewsletterDelivery.Status
    batch_size = settings.NEWSLETTER_BATCH_SIZE
    while True:
        batch = list(
            issue.deliveries.filter(status=Status.PENDING).select_related("subscriber").order_by("pk")[:batch_size]
        )
        if not batch:
            return
        with get_connection() as connection:
            for delivery in batch:
                if not _claim(delivery):
                    continue
                subscriber = delivery.subscriber
                if subscriber.status != Subscriber.Status.CONFIRMED:
                    _finish(delivery, Status.SKIPPED)
                    continue
                try:
                    issue_email(issue, subscriber, connection=connection).send()
                except Exception as e:  # noqa: BLE001 - one bad address must not stop the rest
                    logger.warning("Newsletter issue %s to subscriber %s failed: %s", issue.pk, subscriber.pk, e)
                    _finish(delivery, Status.FAILED, error=f"{type(e).__name__}: {e}")
                else:
                    _finish(delivery, Status.SENT)


def send_issue(issue_id):
    issue = NewsletterIssue.objects.select_related("locale").get(pk=issue_id)
    queue_deliveries(issue)
    send_pending(issue)
    NewsletterIssue.objects.filter(pk=issue.pk).update(send_finished_at=timezone.now())
    return issue.progress()


def send_test_copy(issue, address):
    """Mail the issue to one editor's address only, marked as a test; no delivery is recorded."""
    issue_email_for_editor(issue, address).send()
