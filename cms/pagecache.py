"""Full-page cache of anonymous GETs of Wagtail pages, in both languages, on Django's cache framework.

What is cached: a 200 answer to a GET or HEAD without query string, served by Wagtail's page view, to a
visitor with no session cookie, that sets no cookie, varies on nothing but Cookie / Accept-Encoding and is
not marked private or no-cache. Everything else passes through untouched, so:

- logged-in editors (they carry the session cookie) and previews (admin URLs) never see cached pages;
- pages with view restrictions are excluded by the ``Cache-Control: private`` Wagtail puts on them;
- forms stay valid: a page that renders ``{% csrf_token %}`` makes Django set the CSRF cookie on every
  answer, and an answer that sets a cookie is never stored, so each visitor gets a page with a token that
  matches their own cookie. A page class can also opt out with ``page_cache = False``.

Invalidation is by generation: every stored page key contains the current generation token, and
:func:`invalidate` replaces the token, which orphans every stored page at once (they expire on their own).
It runs when a page is published, unpublished, moved or deleted, and when anything of the apps and models
in ``settings.PAGE_CACHE_INVALIDATED_BY`` is saved or deleted (what pages list: partners, news, contact
details, images, documents, the newsletter's consent text). Other code can call :func:`invalidate` directly.

The same generation serves smaller caches, so that pages rendered for every request (a query string, a
session, a form) do not pay for what every page repeats:

- fragments of the layout and the pages (header, menu, language links, footer, page bodies, lists): the
  middleware reads the generation once, before the view reads any content, and leaves it on the request as
  ``request.page_cache_generation`` for the ``{% fragment %}`` tag of ``home.templatetags.site_tags``
  (absent when the page cache is off);
- Wagtail's Site lookup for the request's host, one of the costliest queries of every request;
- Wagtail's routing of a page URL (the page it leads to), two queries per level of the page tree.
"""

import hashlib
import logging
import pickle
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, transaction
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_cache_control

from wagtail import hooks
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.views import serve as wagtail_serve

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
#: Response headers that vary on something a cached copy would not: Cookie is safe (no session cookie is
#: ever served from the cache and a CSRF cookie stops storage), Accept-Encoding changes no page content here.
HARMLESS_VARY = {"cookie", "accept-encoding"}
#: Headers never stored with a page.
UNSTORED_HEADERS = {"set-cookie", "x-page-cache"}


def is_enabled():
    return settings.PAGE_CACHE_SECONDS > 0


def invalidate():
    """Empty the page cache (on every app server sharing the cache); safe to call at any time."""
    _new_generation()
    # A request that rendered the old content between this call and the commit could store it again:
    # start another generation once the transaction is committed.
    transaction.on_commit(_new_generation)


def _new_generation():
    generation = uuid.uuid4().hex
    cache.set(GENERATION_KEY, generation, None)
    return generation


def _generation():
    return cache.get(GENERATION_KEY) or _new_generation()


def _stored_object(key):
    """What ``_store_object`` stored under ``key``, or None, also when it no longer loads (a deploy renamed or
    removed a class it holds): that costs the look-up again, never an error."""
    stored = cache.get(key)
    if stored is None:
        return None
    try:
        return pickle.loads(stored)  # noqa: S301 - written by _store_object, under this module's keys
    except Exception:  # any failure to load is a miss
        logger.warning("Page cache: could not load %s; looking it up again", key, exc_info=True)
        return None


def _store_object(key, value):
    cache.set(key, pickle.dumps(value), settings.PAGE_CACHE_SECONDS)


def _use_stored_site(request, generation):
    """Give Wagtail the request's Site from the cache (``Site.find_for_request`` keeps it on the request), or
    look it up once for this host and generation, with its root page; saving a Site or any page starts a new
    generation."""
    try:
        host = f"{request.get_host()}|{request.get_port()}"
    except DisallowedHost:
        return  # Django answers 400 further on; nothing is stored for a host it does not serve.
    key = f"pagecache:{generation}:site:{hashlib.sha256(host.encode()).hexdigest()}"
    stored = _stored_object(key)
    if stored is not None:
        request._wagtail_site = stored[0]
        return
    try:
        site = Site.find_for_request(request)
        if site is not None:
            # Routing starts from ``site.root_page.localized.specific``: stored specific, that costs no query.
            site.root_page = site.root_page.specific
    except DatabaseError:
        return  # the view meets the same error and answers it as it does (503)
    _store_object(key, (site,))


def _key(request, generation):
    url = f"{request.scheme}://{request.get_host()}{request.path}"
    return f"pagecache:{generation}:{request.method}:{hashlib.sha256(url.encode()).hexdigest()}"


def _request_is_cacheable(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _response_is_cacheable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if not getattr(request, "_page_cache_candidate", False) or getattr(request, "is_preview", False):
        return False
    cache_control = {part.strip().split("=")[0].lower() for part in response.get("Cache-Control", "").split(",")}
    if cache_control & {"private", "no-cache", "no-store"}:
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    return vary <= HARMLESS_VARY


@hooks.register("before_serve_page")
def mark_page_response(page, request, serve_args, serve_kwargs):
    """Only answers of Wagtail's page view are candidates, and only for page types that allow it."""
    request._page_cache_candidate = getattr(page, "page_cache", True)
    _snapshot_route(page, request)


# --- routing, remembered ------------------------------------------------------------------------------
# Wagtail routes a page URL from the home page down, two queries a level (the child, then its specific
# form), and keeps the result on the request (``request._wagtail_route_for_request``). The page a path leads
# to, as routing left it, is stored per host, path and generation, so a later request finds it with one
# cache read; it is stored only once its answer was a 200, so unknown paths never fill the cache.
def _route_key(request, generation):
    url = f"{request.get_host()}{request.path}"
    return f"pagecache:{generation}:route:{hashlib.sha256(url.encode()).hexdigest()}"


def _use_stored_route(request, path):
    """Before Wagtail's page view: hand it the stored route of ``path``, or note what to store after it."""
    generation = request.page_cache_generation
    site = Site.find_for_request(request)
    if site is None:
        return
    key = _route_key(request, generation)
    stored = _stored_object(key)
    if stored is not None:
        page, remaining = stored
        try:
            # The page's own routing of what is left of the path (a routable page's sub-path): no query.
            request._wagtail_route_for_request = page.route(request, list(remaining))
            return
        except Http404:
            pass  # routed from the home page as usual
    request._page_route = {"key": key, "components": [part for part in path.split("/") if part], "site": site}


def _snapshot_route(page, request):
    """The routed page as routing left it, before the view touches it (stored if the answer is a 200)."""
    route = getattr(request, "_page_route", None)
    if route is None:
        return
    consumed = page.depth - route["site"].root_page.depth
    if 0 <= consumed <= len(route["components"]):
        page.locale  # noqa: B018 - loaded once here, stored with the page: every template asks for it
        # Pickled now: what the view later does to the page object is not stored.
        route["snapshot"] = pickle.dumps((page, route["components"][consumed:]))


def _store_route(request, response):
    route = getattr(request, "_page_route", None)
    if route is not None and "snapshot" in route and response.status_code == 200:
        cache.set(route["key"], route["snapshot"], settings.PAGE_CACHE_SECONDS)  # pickled by _snapshot_route


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

        generation = _generation()
        # Read before the view reads any content: a fragment rendered from content older than this
        # generation is never stored under a newer one.
        request.page_cache_generation = generation
        if not _request_is_cacheable(request):
            response = self.get_response(request)
            _store_route(request, response)
            return response

        key = _key(request, generation)
        stored = cache.get(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        _store_route(request, response)
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
        generation = getattr(request, "page_cache_generation", None)
        if generation is None or not _looks_up_site(request, view_func):
            return
        _use_stored_site(request, generation)
        if view_func is wagtail_serve and view_args and not getattr(request, "is_preview", False):
            _use_stored_route(request, view_args[0])


def _looks_up_site(request, view_func):
    """Wagtail's page view, the site's other views (under a language prefix: search, newsletter…) and the API."""
    if view_func is wagtail_serve or translation.get_language_from_path(request.path_info) is not None:
        return True
    from .api import api_router  # imported late: the router imports every app's API module

    match = request.resolver_match
    return match is not None and match.namespaces[:1] == [api_router.url_namespace]


def _invalidates(model):
    watched = settings.PAGE_CACHE_INVALIDATED_BY
    meta = model._meta
    return meta.app_label in watched or meta.label in watched or meta.label_lower in {w.lower() for w in watched}


def _on_change(sender, **kwargs):
    if _invalidates(sender):
        invalidate()


def _on_page_event(sender, **kwargs):
    invalidate()


def connect_signals():
    """Called once from ``CmsConfig.ready``."""
    post_save.connect(_on_change, dispatch_uid="pagecache_post_save")
    post_delete.connect(_on_change, dispatch_uid="pagecache_post_delete")
    page_published.connect(_on_page_event, dispatch_uid="pagecache_page_published")
    page_unpublished.connect(_on_page_event, dispatch_uid="pagecache_page_unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="pagecache_post_page_move")
