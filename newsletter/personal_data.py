"""What the newsletter stores about a person, for ``purge_personal_data`` and the admin's export and erasure
(see PERSONAL_DATA_HANDLERS): ``purge_expired(now)``, ``export(email)``, ``erase(email)``.

- A signup request never confirmed (address, IP, browser, page) is kept NEWSLETTER_UNCONFIRMED_RETENTION_DAYS,
  long enough to follow up a complaint about a signup someone did not make; then it goes, and with it a
  subscriber who never confirmed anything.
- A confirmed consent, its confirmation and any unsubscription are kept as the evidence of lawful mailing
  until the owner asks for erasure.
- Erasure removes the subscriber, the whole history and the deliveries, and keeps an ``ErasedAddress``: the
  HMAC of the address, which proves the erasure and lets a restored backup be cleaned, and from which the
  address cannot be read. It is not a ban: signing up again later is a new consent, confirmed by a new double
  opt-in, and starts a new history.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef

from .models import ConsentEvent, ErasedAddress, NewsletterDelivery, Subscriber, address_digest, normalise_email


def _removed(deleted):
    """``QuerySet.delete()``'s per-model counts, keyed by model label, without the zeros."""
    return {label: rows for label, rows in deleted[1].items() if rows}


def purge_expired(now):
    """Remove signup requests never confirmed and older than the retention period, then the subscribers left
    with no history (never confirmed, never unsubscribed)."""
    cutoff = now - timedelta(days=settings.NEWSLETTER_UNCONFIRMED_RETENTION_DAYS)
    removed = {}
    with transaction.atomic():
        confirmed = ConsentEvent.objects.filter(request=OuterRef("pk"))
        expired_requests = ConsentEvent.objects.filter(kind=ConsentEvent.Kind.REQUESTED, created_at__lt=cutoff).exclude(
            Exists(confirmed)
        )
        for label, rows in _removed(expired_requests.delete()).items():
            removed[label] = removed.get(label, 0) + rows
        never_confirmed = Subscriber.objects.filter(status=Subscriber.Status.PENDING, created_at__lt=cutoff).exclude(
            Exists(ConsentEvent.objects.filter(subscriber=OuterRef("pk")))
        )
        for label, rows in _removed(never_confirmed.delete()).items():
            removed[label] = removed.get(label, 0) + rows
    return removed


def _isoformat(value):
    return value.isoformat() if value else None


def export(email):
    """Everything stored about ``email``, JSON-ready."""
    address = normalise_email(email)
    subscriber = Subscriber.objects.filter(email=address).first()
    erased = ErasedAddress.objects.filter(address_hmac=address_digest(address)).first()
    data = {
        "subscriber": None,
        "consent_history": [],
        "deliveries": [],
        "erased_at": _isoformat(erased.erased_at) if erased else None,
    }
    if subscriber is None:
        return data
    data["subscriber"] = {
        "email": subscriber.email,
        "language": subscriber.language,
        "status": subscriber.status,
        "created_at": _isoformat(subscriber.created_at),
        "confirmation_sent_at": _isoformat(subscriber.confirmation_sent_at),
    }
    data["consent_history"] = [
        {
            "kind": event.kind,
            "time": _isoformat(event.created_at),
            "language": event.language,
            "consent_text_version": event.consent_version,
            "consent_text": event.consent_text.text if event.consent_text_id else None,
            "consent_text_sha256": event.consent_text_sha256,
            "source": event.source,
            "ip": event.ip,
            "browser": event.user_agent,
        }
        for event in subscriber.consent_events.select_related("consent_text")
    ]
    data["deliveries"] = [
        {
            "issue": delivery.issue.subject,
            "status": delivery.status,
            "sent_at": _isoformat(delivery.sent_at),
            "error": delivery.error,
        }
        for delivery in NewsletterDelivery.objects.filter(subscriber=subscriber).select_related("issue").order_by("pk")
    ]
    return data


def erase(email):
    """Remove everything stored about ``email`` and keep the proof of erasure (a keyed hash of the address)."""
    address = normalise_email(email)
    with transaction.atomic():
        removed = _removed(Subscriber.objects.filter(email=address).delete())
        if removed:
            ErasedAddress.objects.get_or_create(address_hmac=address_digest(address))
    return removed
