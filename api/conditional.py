"""Anonymous, conditional, cacheable answers: ``ETag``/``Last-Modified`` from the content version, 304s.

Moved verbatim from ``home/api.py``; the ``caching`` branch replaces it with a middleware in ``cms/caching``.
"""

import hashlib
import math
import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseNotModified
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from home.api_cache import content_version

API_CACHE_MAX_AGE = getattr(settings, "API_CACHE_MAX_AGE", 300)


def api_setting(name, default):
    return getattr(settings, name, default)


class ConditionalGetMixin:
    # Parameters whose answer changes with the clock, not only with the content: their ETags expire.
    time_dependent_parameters = frozenset(["when"])

    # --- anonymous, conditional, cacheable answers ---------------------------------------------------
    def dispatch(self, request, *args, **kwargs):
        original_session, original_user = getattr(request, "session", None), getattr(request, "user", None)
        # Answers are the same for everyone: a password or login a visitor passed must not leak into them.
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()
        request.user = AnonymousUser()
        try:
            return self._conditional_dispatch(request, *args, **kwargs)
        finally:
            request.session, request.user = original_session, original_user

    def _conditional_dispatch(self, request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return super().dispatch(request, *args, **kwargs)
        number, changed_at = content_version()
        max_age = api_setting("API_CACHE_MAX_AGE", API_CACHE_MAX_AGE)
        time_dependent = bool(self.time_dependent_parameters & set(request.GET))
        if time_dependent:
            # "Upcoming" moves on by itself: such an answer is fresh for one max-age period at most.
            number = f"{number}|{int(time.time() // max(max_age, 1))}"
            changed_at = time.time()
        etag = self._etag(request, number)
        if self._is_not_modified(request, etag, changed_at):
            response = HttpResponseNotModified()
        else:
            response = super().dispatch(request, *args, **kwargs)
        if response.status_code in (200, 304):
            response["ETag"] = etag
            # Whole seconds: never later than now, and a change later in this second is still "modified since".
            response["Last-Modified"] = http_date(min(math.ceil(changed_at), int(time.time())))
            response["Cache-Control"] = f"public, max-age={max_age}"
        elif response.status_code == 404:
            response["Cache-Control"] = f"public, max-age={max_age}"
        else:
            response["Cache-Control"] = "no-store"
        return response

    @staticmethod
    def _etag(request, version):
        key = f"{version}|{request.get_host()}|{request.get_full_path()}"
        return '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'

    @staticmethod
    def _is_not_modified(request, etag, changed_at):
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match:
            etags = parse_etags(if_none_match)
            return "*" in etags or etag in etags or f"W/{etag}" in etags
        if_modified_since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        return if_modified_since is not None and changed_at < if_modified_since
