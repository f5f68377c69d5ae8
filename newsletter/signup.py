"""Signing up: one row per address whatever the traffic, and a confirmation e-mail only where one is due.

The caller answers the same way whatever happened here, so nobody can learn who subscribes.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from home.ratelimit import retry_after

from .models import Subscriber, normalise_email
from .tasks import send_confirmation_email


def refusal(request, email=None):
    """Count a signup attempt per visitor and per address: None within the limits, else (message, seconds)."""
    limits = settings.NEWSLETTER_RATE_LIMITS
    seconds = retry_after(request, "newsletter.signup.ip", limits["ip"])
    if seconds:
        return _("Too many signup attempts from your network. Please try again in an hour."), seconds
    if email:
        address = normalise_email(email)
        seconds = retry_after(request, "newsletter.signup.email", limits["email"], key=lambda group, request: address)
        if seconds:
            return _("Too many signup attempts for this e-mail address. Please try again in an hour."), seconds
    return None


def subscribe(*, email, language, consent_text, source, ip, user_agent):
    now = timezone.now()
    consent = Subscriber.consent_fields(consent_text, source, ip, user_agent, now)
    email = normalise_email(email)
    try:
        # The unique e-mail column decides races: exactly one concurrent request creates the row.
        with transaction.atomic():
            subscriber = Subscriber.objects.create(
                email=email, language=language, status=Subscriber.Status.PENDING, confirmation_sent_at=now, **consent
            )
    except IntegrityError:
        subscriber = Subscriber.objects.get(email=email)
    else:
        send_confirmation_email.enqueue(subscriber.pk)
        return

    Status = Subscriber.Status
    if subscriber.status == Status.CONFIRMED:
        return
    # A conditional UPDATE is the claim: of several concurrent requests only one sees a changed row.
    due = now - timedelta(seconds=settings.NEWSLETTER_CONFIRMATION_RESEND_INTERVAL)
    claimed = (
        Subscriber.objects.filter(pk=subscriber.pk)
        .filter(
            Q(status=Status.UNSUBSCRIBED)
            | (Q(status=Status.PENDING) & (Q(confirmation_sent_at__isnull=True) | Q(confirmation_sent_at__lte=due)))
        )
        .update(status=Status.PENDING, language=language, unsubscribed_at=None, confirmation_sent_at=now, **consent)
    )
    if claimed:
        send_confirmation_email.enqueue(subscriber.pk)


def confirm(subscriber, ip):
    """Confirm a pending subscription; confirming again changes nothing."""
    Subscriber.objects.filter(pk=subscriber.pk, status=Subscriber.Status.PENDING).update(
        status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now(), confirmation_ip=ip
    )
    subscriber.refresh_from_db()
