"""Signing up, confirming and leaving: each step is added to the consent history, and only a confirmation by
the link mailed to the address changes what the address receives.

The caller answers the same way whatever happened here, so nobody can learn who subscribes; a stranger who
signs up someone else's address adds a request to its history and nothing more.
"""

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from home.ratelimit import retry_after

from .models import ConsentEvent, Subscriber, normalise_email, random_key
from .tasks import send_confirmation_link


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


def api_source(request):
    """Where an API signup came from: the portal's origin when it is one we allow, else the API's own address
    (any other ``Origin`` is the caller's word, not evidence)."""
    origin = request.headers.get("Origin", "")
    if origin in settings.CORS_ALLOWED_ORIGINS:
        return origin
    return request.build_absolute_uri(request.path)


def subscribe(*, email, language, consent_text, source, ip, user_agent):
    """Record the signup request and mail a confirmation link where one is due; the subscriber's state is left
    as it is (an unsubscribed address stays unsubscribed until the new request is confirmed)."""
    now = timezone.now()
    email = normalise_email(email)
    try:
        # The unique e-mail column decides races: exactly one concurrent request creates the row.
        with transaction.atomic():
            subscriber = Subscriber.objects.create(
                email=email, language=language, status=Subscriber.Status.PENDING, confirmation_sent_at=now
            )
    except IntegrityError:
        subscriber = Subscriber.objects.get(email=email)
        created = False
    else:
        created = True

    request = ConsentEvent.objects.create(
        subscriber=subscriber,
        kind=ConsentEvent.Kind.REQUESTED,
        created_at=now,
        language=language,
        consent_text=consent_text,
        consent_text_sha256=consent_text.sha256,
        source=source[:500],
        ip=ip,
        user_agent=user_agent[:500],
        key=random_key(),
    )
    if created:
        send_confirmation_link.enqueue(request.pk)
        return
    if subscriber.status == Subscriber.Status.CONFIRMED:
        return
    # A conditional UPDATE is the claim: of several concurrent requests only one mails a link.
    due = now - timedelta(seconds=settings.NEWSLETTER_CONFIRMATION_RESEND_INTERVAL)
    claimed = (
        Subscriber.objects.filter(pk=subscriber.pk)
        .exclude(status=Subscriber.Status.CONFIRMED)
        .filter(Q(confirmation_sent_at__isnull=True) | Q(confirmation_sent_at__lte=due))
        .update(confirmation_sent_at=now)
    )
    if claimed:
        send_confirmation_link.enqueue(request.pk)


def confirm(request_event, ip, user_agent):
    """Confirm the signup request ``request_event`` (a new subscription, or a re-subscription after leaving);
    confirming again changes nothing. Returns the subscriber as stored."""
    subscriber = request_event.subscriber
    Status = Subscriber.Status
    with transaction.atomic():
        for previous, kind in (
            (Status.PENDING, ConsentEvent.Kind.CONFIRMED),
            (Status.UNSUBSCRIBED, ConsentEvent.Kind.RESUBSCRIBED),
        ):
            changed = Subscriber.objects.filter(pk=subscriber.pk, status=previous).update(
                status=Status.CONFIRMED, language=request_event.language
            )
            if changed:
                ConsentEvent.objects.create(
                    subscriber=subscriber,
                    kind=kind,
                    language=request_event.language,
                    consent_text=request_event.consent_text,
                    consent_text_sha256=request_event.consent_text_sha256,
                    source=request_event.source,
                    ip=ip,
                    user_agent=user_agent[:500],
                    request=request_event,
                )
                break
    subscriber.refresh_from_db()
    return subscriber
