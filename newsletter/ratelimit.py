"""Signup limits per IP address and per e-mail address, counted in the ``default`` cache.

The counters must be shared by every server process, so production configures a shared cache (Redis);
a per-process cache would let each process grant the full allowance.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import gettext as _


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the entry our own proxies appended to X-Forwarded-For."""
    proxies = settings.NEWSLETTER_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def allow(scope, identifier):
    """Count one attempt for ``identifier`` in ``scope`` ("ip" or "email"); False once over the limit."""
    limit, window = settings.NEWSLETTER_RATE_LIMITS[scope]
    digest = hashlib.sha256(str(identifier).encode("utf-8")).hexdigest()
    key = f"newsletter:signup:{scope}:{digest}"
    cache = caches["default"]
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        count = 1
    # None: the cache server is unreachable (django-redis ignores the error); nothing is counted.
    return count is None or count <= limit


def refusal(request, email=None):
    """None when a signup attempt is within the limits, else the message to answer 429 with."""
    if not allow("ip", client_ip(request) or "unknown"):
        return _("Too many signup attempts from your network. Please try again in an hour.")
    if email and not allow("email", email.strip().lower()):
        return _("Too many signup attempts for this e-mail address. Please try again in an hour.")
    return None
