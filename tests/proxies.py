"""Requests as they reach the app through our reverse proxies, for the tests of per-visitor limits.

Each proxy appends the address it received the request from to X-Forwarded-For; the app sees the last proxy
as REMOTE_ADDR. Whatever the visitor wrote in X-Forwarded-For itself stays on the left.
"""

from django.test import override_settings

PROXIES = ["10.0.0.1", "10.0.0.2"]  # the load balancer, then nginx
VISITOR_A = "198.51.100.10"
VISITOR_B = "203.0.113.20"


def via_proxies(visitor, proxies, forged=None):
    """The test client's keyword arguments for a request from ``visitor`` through ``proxies`` proxies."""
    chain = [forged] if forged else []
    chain += [visitor, *PROXIES[: proxies - 1]]
    return {"REMOTE_ADDR": PROXIES[proxies - 1], "HTTP_X_FORWARDED_FOR": ", ".join(chain)}


def behind(proxies):
    """Settings of a site behind ``proxies`` reverse proxies (TRUSTED_PROXY_COUNT)."""
    return override_settings(TRUSTED_PROXY_COUNT=proxies)
