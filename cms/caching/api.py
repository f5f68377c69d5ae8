"""The content API's validators: ``ETag``, ``Last-Modified``, ``Cache-Control`` and 304 answers for every GET
and HEAD under ``/api/``, derived from the content version (``cms.caching.version``).

A portal revalidating after ``max-age`` gets a 304 exactly while no public content changed, and fresh content as
soon as something did; a draft, a newsletter signup or any other private data changes nothing. Answers are
public, so they are computed as for an anonymous visitor: a session or login a visitor carries never reaches
them (a password-protected page they unlocked stays out of a publicly cached answer).

- ``ETag``: sha256 of ``<version>|<host>|<full path>``; a view whose class lists ``time_dependent_parameters``
  (``?when=upcoming``) adds the current ``API_CACHE_MAX_AGE`` period when one of them is given, since its
  answer changes with the clock;
- ``Last-Modified``: when the version began (whole seconds, never later than now);
- ``Cache-Control``: ``public, max-age=API_CACHE_MAX_AGE`` on 200, 304 and 404; ``no-store`` on other errors.

Answers: a 200 of a content endpoint (Wagtail's API viewsets: pages, partners, images, documents) is the same
for every request with the same ``ETag`` (version, host, full path), so it is kept in the cache under
``api:<ETag>:<method>:<digest of the Accept header and language>`` for ``PAGE_CACHE_SECONDS`` and served from
there until the version changes, without running the view: what a portal asks for again after
``max-age`` without ``If-None-Match`` (or another portal asks for the first time) costs a cache read. Not kept:
``order=random`` (a new order every time) and ``search=`` (the index's own generation decides its answer).
"""

import hashlib
import math
import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from wagtail.api.v2.views import BaseAPIViewSet

from .version import for_request

API_PATH_PREFIX = "/api/"
#: Query parameters whose answers are never kept (see the module's docstring).
UNKEPT_PARAMETERS = {"search"}
#: Headers of a kept answer that are not stored with it (the validators are set on every answer).
UNSTORED_HEADERS = {"set-cookie", "etag", "last-modified", "cache-control"}


def _etag(request, version):
    key = f"{version}|{request.get_host()}|{request.get_full_path()}"
    return '"' + hashlib.sha256(key.encode()).hexdigest()[:40] + '"'


def _is_not_modified(request, etag, changed_at):
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        etags = parse_etags(if_none_match)
        return "*" in etags or etag in etags or f"W/{etag}" in etags
    if_modified_since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    # A date in the future is no date the server gave (RFC 9110, 13.1.3): it is ignored.
    if if_modified_since is None or if_modified_since > time.time():
        return False
    return changed_at < if_modified_since


class APIValidatorsMiddleware:
    """Placed after the session and authentication middleware (it hides both from the API's views)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not request.path_info.startswith(API_PATH_PREFIX):
            return self.get_response(request)
        # Read before the view reads any content (see version.for_request).
        for_request(request)
        session, user = getattr(request, "session", None), getattr(request, "user", None)
        request.session = import_module(settings.SESSION_ENGINE).SessionStore()
        request.user = AnonymousUser()
        try:
            response = self.get_response(request)
        finally:
            request.session, request.user = session, user
        answer_key = getattr(request, "api_answer_key", None)
        if answer_key is not None and response.status_code == 200 and not response.streaming and not response.cookies:
            headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
            cache.set(answer_key, (headers, response.content), settings.PAGE_CACHE_SECONDS)
        validators = getattr(request, "api_validators", None)
        max_age = settings.API_CACHE_MAX_AGE
        if validators is not None and response.status_code in (200, 304):
            etag, changed_at = validators
            response["ETag"] = etag
            # Whole seconds: never later than now, and a change later in this second is still "modified since".
            response["Last-Modified"] = http_date(min(math.ceil(changed_at), int(time.time())))
            response["Cache-Control"] = f"public, max-age={max_age}"
        elif response.status_code == 404:
            response["Cache-Control"] = f"public, max-age={max_age}"
        else:
            response["Cache-Control"] = "no-store"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method not in ("GET", "HEAD") or not request.path_info.startswith(API_PATH_PREFIX):
            return None
        number, changed_at = for_request(request)
        time_dependent = getattr(getattr(view_func, "cls", None), "time_dependent_parameters", frozenset())
        if time_dependent & set(request.GET):
            # "Upcoming" moves on by itself: such an answer is fresh for one max-age period at most.
            number = f"{number}|{int(time.time() // max(settings.API_CACHE_MAX_AGE, 1))}"
            changed_at = time.time()
        etag = _etag(request, number)
        request.api_validators = (etag, changed_at)
        if _is_not_modified(request, etag, changed_at):
            return HttpResponseNotModified()
        if _keeps_answer(request, view_func):
            return _kept_answer(request, etag)
        return None


def _keeps_answer(request, view_func):
    view_class = getattr(view_func, "cls", None)
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and isinstance(view_class, type)
        and issubclass(view_class, BaseAPIViewSet)
        and request.GET.get("order") != "random"
        and not UNKEPT_PARAMETERS & set(request.GET)
    )


def _kept_answer(request, etag):
    """The kept answer for ``etag``, or None after noting where the view's answer is to be kept."""
    variant = f"{request.META.get('HTTP_ACCEPT', '')}|{translation.get_language()}"
    key = f"api:{etag.strip(chr(34))}:{request.method}:{hashlib.sha256(variant.encode()).hexdigest()[:16]}"
    stored = cache.get(key)
    if stored is None:
        request.api_answer_key = key
        return None
    headers, content = stored
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response
