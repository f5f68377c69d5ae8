"""The one rate limiter: django-ratelimit counting in the default cache, each visitor under its own address.

Every form that a stranger may post (the accession declaration, the newsletter signup and its API, page and
collection passwords) asks ``retry_after`` before doing its work. The counters live in ``CACHES["default"]``,
which production points at Redis so that every server process shares them (``cms.W001`` warns otherwise).
"""

import ipaddress
import logging

from django_ratelimit.core import get_usage

from django.shortcuts import render

from .clients import client_ip

logger = logging.getLogger(__name__)


def client_key(group, request):
    """A visitor's counter: its address, or its whole IPv6 /64 (what one home connection is given)."""
    try:
        address = ipaddress.ip_address(client_ip(request) or "")
    except ValueError:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def retry_after(request, group, rate, key=client_key, increment=True):
    """Count this attempt against ``rate`` ("10/h", or (attempts, seconds)) in ``group``, per ``key``.

    Returns the seconds until the visitor may try again once the attempt is one too many, else None. With
    ``increment=False`` it only asks whether the visitor is already refused (for limits that count failures).
    """
    usage = get_usage(request, group=group, key=key, rate=rate, increment=increment)
    if usage is None or not usage["should_limit"]:
        return None
    logger.warning("Rate limit %s (%s) reached by %s at %s", group, rate, client_ip(request), request.path)
    return max(usage["time_left"], 1)


def too_many_requests(request, seconds, message):
    """The 429 page, in the visitor's language, telling the browser when to try again."""
    response = render(request, "home/rate_limited.html", {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    return response
