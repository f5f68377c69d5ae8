"""Operational endpoints: the health check and the benchmark's baseline."""

import hmac
import ipaddress
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

#: The header that carries settings.HEALTHZ_TOKEN for the deep check (Django's META name for "X-Healthz-Token").
HEALTHZ_TOKEN_HEADER = "HTTP_X_HEALTHZ_TOKEN"  # noqa: S105  (a header name, not a secret)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    # One read; a write only when the fixed key is missing (a fresh or restarted cache), never a new key per hit.
    if cache.get("healthz:probe") is None:
        cache.set("healthz:probe", "ok", None)
        if cache.get("healthz:probe") != "ok":
            raise RuntimeError("the cache did not return what was stored")


def _check_storage():
    # Writes and removes one tiny file: proves the media storage (disk or S3) is reachable and writable.
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)


#: name -> (check, whether the site is down without it). The cache is not critical: with it down pages
#: are still served, so a load balancer must not take the server out of rotation for that.
CHECKS = {
    "database": (_check_database, True),
    "cache": (_check_cache, False),
}
#: Checks that cost something (a write to storage, money per request on S3): only for callers allowed the deep check.
DEEP_CHECKS = {
    "storage": (_check_storage, True),
}


def deep_check_allowed(request):
    """The configured token in the X-Healthz-Token header, or a request from this machine (not through a proxy)."""
    token = settings.HEALTHZ_TOKEN
    sent = request.META.get(HEALTHZ_TOKEN_HEADER, "")
    if token and sent and hmac.compare_digest(sent.encode(), token.encode()):
        return True
    # REMOTE_ADDR, not the client address: behind nginx on the same machine every visitor would come from loopback.
    if settings.TRUSTED_PROXY_COUNT:
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers (cache failure = "degraded"), else 503; storage too for a deep check.

    Anonymous callers get the cheap checks only; the storage write runs for the HEALTHZ_TOKEN or from
    localhost. Reports only "ok"/"error" per check: the details go to the log, never to the caller.
    """
    checks = dict(CHECKS)
    if deep_check_allowed(request):
        checks.update(DEEP_CHECKS)
    results = {}
    critical_failure = degraded = False
    for name, (check, critical) in checks.items():
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            results[name] = "error"
            critical_failure |= critical
            degraded |= not critical
        else:
            results[name] = "ok"
    status = "error" if critical_failure else "degraded" if degraded else "ok"
    return JsonResponse({"status": status, "checks": results}, status=503 if critical_failure else 200)


BARE_PAGE = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head><body>\n'
    + "<p>A fixed page of about two kilobytes that the benchmark compares every other answer with.</p>\n" * 20
    + "</body></html>\n"
)


def bare_page(request):
    """Only routed when settings.BENCH_ENDPOINTS is on: the same stack's cost without any page work."""
    return HttpResponse(BARE_PAGE)
