"""The signature of a delivery: HMAC-SHA256 with the endpoint's secret over ``"<timestamp>.<body>"``.

Sent as ``X-Partnerstwo-Signature: t=<timestamp>,v1=<hex digest>`` (the scheme Stripe made familiar): signing the
timestamp with the body lets a receiver refuse a replayed delivery, signing the exact bytes lets it refuse a
changed one.
"""

import hashlib
import hmac
import secrets

DELIVERY_HEADER = "X-Partnerstwo-Delivery"
EVENT_HEADER = "X-Partnerstwo-Event"
TIMESTAMP_HEADER = "X-Partnerstwo-Timestamp"
SIGNATURE_HEADER = "X-Partnerstwo-Signature"
SIGNATURE_VERSION = "v1"


def generate_secret():
    """A new endpoint secret: 32 random bytes, URL-safe text (43 characters)."""
    return secrets.token_urlsafe(32)


def signature(secret, timestamp, body):
    """The hex HMAC-SHA256 of ``"<timestamp>.<body>"`` (``body`` the exact bytes sent) under ``secret``."""
    message = str(timestamp).encode("ascii") + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signed_headers(secret, timestamp, body, delivery_id, event_type):
    """The headers of one attempt to deliver ``body``."""
    return {
        "Content-Type": "application/json",
        "User-Agent": "Partnerstwo-Webhooks/1",
        DELIVERY_HEADER: str(delivery_id),
        EVENT_HEADER: event_type,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: f"t={timestamp},{SIGNATURE_VERSION}={signature(secret, timestamp, body)}",
    }
