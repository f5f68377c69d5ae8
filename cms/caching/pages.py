"""Full-page cache of anonymous GETs of Wagtail pages, in both languages, on Django's cache framework.

What is stored: a 200 answer to a GET or HEAD without query string, served by Wagtail's page view, to a
visitor with no session cookie, that sets no cookie, varies on nothing but Cookie / Accept-Encoding and is
not marked private or no-cache. Everything else passes through untouched, so:

- logged-in editors (they carry the session cookie) and previews (admin URLs) never see stored pages;
- pages with view restrictions are excluded by the ``Cache-Control: private`` Wagtail puts on them;
- forms stay valid: a page that renders ``{% csrf_token %}`` makes Django set the CSRF cookie on every
  answer, and an answer that sets a cookie is never stored. A page class can opt out with ``page_cache = False``.

Key: ``page:<content version>:<method>:<sha256 of scheme://host/path>``, for ``PAGE_CACHE_SECONDS``.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_cache_control

from wagtail import hooks
from wagtail.views import serve as wagtail_serve

from . import routing
from .api import API_PATH_PREFIX
from .version import for_request

#: Response headers that vary on something a stored copy would not: Cookie is safe (no session cookie is
#: ever served from the cache and a CSRF cookie stops storage), Accept-Encoding changes no page content here.
HARMLESS_VARY = {"cookie", "accept-encoding"}
#: Headers never stored with a page.
UNSTORED_HEADERS = {"set-cookie", "x-page-cache"}


def is_enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def _key(request, version):
    url = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"page:{version}:{request.method}:{hashlib.sha256(url.encode()).hexdigest()}"


def _request_is_cacheable(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not getattr(request, "page_cache_candidate", False) or getattr(request, "is_preview", False):
        return False
    cache_control = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
    if cache_control & {"private", "no-cache", "no-store"}:
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    return vary <= HARMLESS_VARY


@hooks.register("before_serve_page")
def mark_page_response(page, request, serve_args, serve_kwargs):
    """Only answers of Wagtail's page view are candidates, and only for page types that allow it."""
    request.page_cache_candidate = getattr(page, "page_cache", True)
    routing.snapshot_route(page, request)


class PageCacheMiddleware:
    """Serve stored pages before the rest of the stack runs; store cacheable page answers on the way out.

    Sits right after the security and CSP middleware, so those still add their headers to every answer,
    and before sessions, CSRF and authentication, which a stored page does not need.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_enabled():
            return self.get_response(request)

        version = for_request(request)
        if not _request_is_cacheable(request):
            response = self.get_response(request)
            routing.store_route(request, response)
            return response

        key = _key(request, version)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        routing.store_route(request, response)
        if _response_is_cacheable(request, response):
            if settings.PAGE_CACHE_SHARED_MAX_AGE > 0:
                patch_cache_control(response, public=True, s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE)
            headers = [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS]
            cache.set(key, (response.status_code, headers, response.content), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        """Before a view that looks the Site up (pages, the site's other views, the API): the stored Site,
        and for Wagtail's page view the stored route.

        Here, not in ``__call__``: the language is active, the session and user known, and views that need
        no Site (health checks, the benchmark's bare view) pay nothing for it.
        """
        version = getattr(request, "content_version", None)
        if not is_enabled() or version is None or not _looks_up_site(request, view_func):
            return
        routing.use_stored_site(request, version)
        if view_func is wagtail_serve and view_args and not getattr(request, "is_preview", False):
            routing.use_stored_route(request, view_args[0], version)


def _looks_up_site(request, view_func):
    """Wagtail's page view, the site's other views (under a language prefix: search, newsletter…) and the API."""
    return (
        view_func is wagtail_serve
        or translation.get_language_from_path(request.path_info) is not None
        or request.path_info.startswith(API_PATH_PREFIX)
    )
