"""Signed links: a confirmation link that expires, and an unsubscribe link that works for as long as mail is sent."""

from django.conf import settings
from django.core import signing

from .models import Subscriber, sha256

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class InvalidToken(Exception):
    """The link was altered, belongs to nobody, or no longer matches the subscriber's record."""


class ExpiredToken(InvalidToken):
    """The link was genuine but is older than NEWSLETTER_CONFIRMATION_MAX_AGE."""


def _consent_stamp(subscriber):
    return subscriber.consented_at.isoformat() if subscriber.consented_at else ""


def confirmation_token(subscriber):
    # Bound to the consent it confirms: a newer signup for the same address makes older links void.
    return signing.dumps({"s": subscriber.pk, "c": _consent_stamp(subscriber)}, salt=CONFIRM_SALT)


def subscriber_for_confirmation(token):
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=settings.NEWSLETTER_CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired as e:
        raise ExpiredToken from e
    except signing.BadSignature as e:
        raise InvalidToken from e
    subscriber = _subscriber(payload)
    if subscriber.status == Subscriber.Status.PENDING and payload.get("c") != _consent_stamp(subscriber):
        raise InvalidToken
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        raise InvalidToken
    return subscriber


def unsubscribe_token(subscriber):
    # No timestamp: the same link for every e-mail to this subscriber, valid as long as mail is sent.
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object({"s": subscriber.pk, "e": sha256(subscriber.email)[:16]})


def subscriber_for_unsubscribe(token):
    try:
        payload = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except signing.BadSignature as e:
        raise InvalidToken from e
    subscriber = _subscriber(payload)
    if payload.get("e") != sha256(subscriber.email)[:16]:
        raise InvalidToken
    return subscriber


def _subscriber(payload):
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), int):
        raise InvalidToken
    subscriber = Subscriber.objects.filter(pk=payload["s"]).first()
    if subscriber is None:
        raise InvalidToken
    return subscriber
