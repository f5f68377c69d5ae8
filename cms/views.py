"""Operational endpoints: the health check and the benchmark's baseline."""

import logging
import uuid

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    found = cache.get(key)
    cache.delete(key)
    if found != "ok":
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
    "storage": (_check_storage, True),
}


@never_cache
@require_safe
def healthz(request):
    """200 when the database and media storage answer (cache failure = "degraded"), else 503.

    Reports only "ok"/"error" per check: the details go to the log, never to the caller.
    """
    results = {}
    critical_failure = degraded = False
    for name, (check, critical) in CHECKS.items():
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
