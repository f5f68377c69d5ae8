"""Wagtail's Site look-up and page routing, remembered per content version: the project's one adapter on
Wagtail's request caches.

``Site.find_for_request(request)`` and ``Page.route_for_request(request, path)`` keep their result on the
request, under the attribute names their docstrings give (``SITE_ATTRIBUTE``, ``ROUTE_ATTRIBUTE``), and read it
from there for the rest of the request. Wagtail offers no public way to hand it a Site or a route found
earlier, so this module, and nothing else in the project, sets those two attributes: before the view, from
what an earlier request stored. The Site look-up is a query on every request and routing two queries per
level of the page tree (see docs/PERFORMANCE.md for what keeping them saves).
``tests/caching_tests/test_wagtail_adapter.py`` fails loudly if Wagtail renames the attributes or stops
reading them.

Keys (``KEY_PREFIX`` of the default cache in front):

- ``site:<version>:<sha256 of host|port>``: the request's Site, its root page specific;
- ``route:<version>:<sha256 of host+path>``: the page a path leads to, what is left of the path for its own
  routing (a routable page's sub-path), and whether any view restriction applied to the page, stored only once
  its answer was a 200.

A page that no view restriction reached when its route was stored answers Wagtail's ``check_view_restrictions``
hook (``page.get_view_restrictions()``, two queries on every request) with an empty queryset while the version
holds: adding, changing or removing a restriction anywhere is public content and starts a new version. A page
under a restriction is checked by Wagtail on every request, as before.
"""

import hashlib
import logging
import pickle

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError
from django.http import Http404

from wagtail.models import PageViewRestriction, Site

logger = logging.getLogger(__name__)

#: Where ``Site.find_for_request`` keeps the request's Site.
SITE_ATTRIBUTE = "_wagtail_site"
#: Where ``Page.route_for_request`` keeps the request's route: (page, args, kwargs).
ROUTE_ATTRIBUTE = "_wagtail_route_for_request"


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def _load(key):
    """What ``_store`` stored under ``key``, or None, also when it no longer loads (a deploy renamed or removed a
    class it holds): that costs the look-up again, never an error."""
    stored = cache.get(key)
    if stored is None:
        return None
    try:
        return pickle.loads(stored)  # noqa: S301 - written by this module, under its own keys
    except Exception:  # any failure to load is a miss
        logger.warning("Could not load %s; looking it up again", key, exc_info=True)
        return None


def _store(key, value):
    cache.set(key, pickle.dumps(value), settings.PAGE_CACHE_SECONDS)


def use_stored_site(request, version):
    """Give Wagtail the request's Site, or look it up once for this host and version (with its root page
    specific: routing starts from ``site.root_page.localized.specific``)."""
    try:
        key = f"site:{version}:{_digest(f'{request.get_host()}|{request.get_port()}')}"
    except DisallowedHost:
        return  # Django answers 400 further on; nothing is stored for a host it does not serve.
    stored = _load(key)
    if stored is not None:
        setattr(request, SITE_ATTRIBUTE, stored[0])
        return
    try:
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
    except DatabaseError:
        return  # the view meets the same error and answers it as it does (503)
    _store(key, (site,))


def route_key(request, version):
    return f"route:{version}:{_digest(request.get_host() + request.path)}"


def use_stored_route(request, path, version):
    """Before Wagtail's page view: hand it the stored route of ``path``, or note what to store after it."""
    site = Site.find_for_request(request)
    if site is None:
        return
    key = route_key(request, version)
    stored = _load(key)
    # A route stored by an earlier release in another shape (before a deploy, under the same version) is a miss.
    if isinstance(stored, tuple) and len(stored) == 3:
        page, remaining, unrestricted = stored
        if unrestricted:
            _no_view_restrictions(page)
        try:
            # The page's own routing of what is left of the path (a routable page's sub-path): no query.
            setattr(request, ROUTE_ATTRIBUTE, page.route(request, list(remaining)))
            return
        except Http404:
            pass  # routed from the home page as usual
    request.stored_route = {"key": key, "components": [part for part in path.split("/") if part], "site": site}


def snapshot_route(page, request):
    """From ``before_serve_page``: the routed page as routing left it, before the view changes the object."""
    route = getattr(request, "stored_route", None)
    if route is None:
        return
    consumed = page.depth - route["site"].root_page.depth
    if 0 <= consumed <= len(route["components"]):
        page.locale  # noqa: B018 - loaded once here, stored with the page: every template asks for it
        unrestricted = not page.get_view_restrictions().exists()
        route["snapshot"] = pickle.dumps((page, route["components"][consumed:], unrestricted))
        if unrestricted:
            _no_view_restrictions(page)  # Wagtail's check, next in this request, need not ask again


def _no_view_restrictions(page):
    """This page object answers ``get_view_restrictions()`` with no restriction and no query (it is a copy for
    one request, made from a route stored under the current version)."""
    page.get_view_restrictions = PageViewRestriction.objects.none


def store_route(request, response):
    route = getattr(request, "stored_route", None)
    if route is not None and "snapshot" in route and response.status_code == 200:
        cache.set(route["key"], route["snapshot"], settings.PAGE_CACHE_SECONDS)
