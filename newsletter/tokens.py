"""The links in the newsletter's e-mails. Each carries a random secret of its row, signed with an HMAC-SHA256
keyed by the SECRET_KEY (``django.core.signing``, full length, salted per purpose): no subscriber id, no time
and nothing derived from the address can be read from it, and none can be made without the key.

- Confirmation links name one signup request and expire NEWSLETTER_CONFIRMATION_MAX_AGE after it (the time is
  kept on the server, not in the link).
- Unsubscribe links name the subscriber and work for as long as mail is sent. Links of the previous format
  (a readable id and 64 bits of an unsalted SHA-256 of the address) keep working until
  NEWSLETTER_LEGACY_UNSUBSCRIBE_UNTIL, so that issues already delivered can still be left.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .models import ConsentEvent, Subscriber, sha256

CONFIRM_SALT = "newsletter.confirm.v2"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe.v2"
LEGACY_UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class InvalidToken(Exception):
    """The link was altered, belongs to nobody, or no longer matches the subscriber's record."""


class ExpiredToken(InvalidToken):
    """The link was genuine but is older than its validity allows."""


def _signer(salt):
    return signing.Signer(salt=salt, algorithm="sha256")


def _unsign(token, salt):
    try:
        return _signer(salt).unsign(token)
    except signing.BadSignature as e:
        raise InvalidToken from e


def confirmation_token(request_event):
    return _signer(CONFIRM_SALT).sign(request_event.key)


def request_for_confirmation(token):
    """The signup request a confirmation link confirms, if the link is genuine and still valid."""
    key = _unsign(token, CONFIRM_SALT)
    request = (
        ConsentEvent.objects.select_related("subscriber", "consent_text")
        .filter(key=key, kind=ConsentEvent.Kind.REQUESTED)
        .first()
    )
    if request is None:
        raise InvalidToken
    # Leaving after the request voids it: only a newer request can bring the address back.
    if request.subscriber.consent_events.filter(
        kind=ConsentEvent.Kind.UNSUBSCRIBED, created_at__gte=request.created_at
    ).exists():
        raise InvalidToken
    if request.subscriber.status != Subscriber.Status.CONFIRMED:
        age = timezone.now() - request.created_at
        if age > datetime.timedelta(seconds=settings.NEWSLETTER_CONFIRMATION_MAX_AGE):
            raise ExpiredToken
    return request


def unsubscribe_token(subscriber):
    return _signer(UNSUBSCRIBE_SALT).sign(subscriber.key)


def subscriber_for_unsubscribe(token):
    try:
        key = _unsign(token, UNSUBSCRIBE_SALT)
    except InvalidToken:
        return _legacy_subscriber(token)
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        raise InvalidToken
    return subscriber


def legacy_unsubscribe_accepted(today=None):
    until = settings.NEWSLETTER_LEGACY_UNSUBSCRIBE_UNTIL
    return until is not None and (today or timezone.localdate()) <= until


def _legacy_subscriber(token):
    """A link of the previous format, honoured during the transition period only."""
    if not legacy_unsubscribe_accepted():
        raise InvalidToken
    try:
        payload = signing.Signer(salt=LEGACY_UNSUBSCRIBE_SALT).unsign_object(token)
    except signing.BadSignature as e:
        raise InvalidToken from e
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), int):
        raise InvalidToken
    subscriber = Subscriber.objects.filter(pk=payload["s"]).first()
    if subscriber is None or payload.get("e") != sha256(subscriber.email)[:16]:
        raise InvalidToken
    return subscriber
