"""The API's content version, stored in Django's cache and changed whenever anything the API serves may have
changed. Every API answer derives its ``ETag`` and ``Last-Modified`` from it, so a portal revalidating after
``max-age`` gets a 304 exactly while nothing changed and fresh content as soon as something did.

The version is a pair: a number that only grows (nanoseconds at the first change, so it never repeats after the
cache is emptied) for ETags, and the time of the last change for ``Last-Modified``/``If-Modified-Since``. It must
live in a cache that every server process shares (Redis, Memcached or the database cache) in production;
``home.checks`` warns otherwise.
"""

import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from taggit.models import TaggedItemBase
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.models import BaseViewRestriction, Collection, Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

CACHE_KEY = "lp-api:content-version"

# Saving a draft touches only these columns of a page: what the API serves does not change.
DRAFT_ONLY_PAGE_FIELDS = frozenset(
    {
        "draft_title",
        "has_unpublished_changes",
        "latest_revision",
        "latest_revision_created_at",
        "locked",
        "locked_at",
        "locked_by",
    }
)

ALWAYS_TRACKED = (AbstractImage, AbstractDocument, Site, Locale, Collection, BaseViewRestriction, TaggedItemBase)


def content_version():
    """``(number, changed_at)``: the current version and when it began (a Unix time, fractional)."""
    version = cache.get(CACHE_KEY)
    if version is None:
        fresh = (time.time_ns(), time.time())
        cache.add(CACHE_KEY, fresh, timeout=None)
        # With the cache server down every answer counts as new: no savings, but never a stale 304 or an error.
        version = cache.get(CACHE_KEY) or fresh
    return version


def bump_content_version():
    """Mark the API's content as changed."""
    previous_number, _changed_at = content_version()
    version = (max(previous_number + 1, time.time_ns()), time.time())
    cache.set(CACHE_KEY, version, timeout=None)
    return version


def is_tracked(instance, update_fields=None):
    """Whether saving or deleting ``instance`` can change an API answer."""
    if isinstance(instance, AbstractRendition):
        # Renditions are made while serving the API: bumping on them would defeat every ETag.
        return False
    if isinstance(instance, Page):
        return not (update_fields and set(update_fields) <= DRAFT_ONLY_PAGE_FIELDS)
    if isinstance(instance, ALWAYS_TRACKED):
        return True
    # Snippets (contact details, partners…) and any other model an endpoint serves.
    return type(instance) in get_snippet_models() or hasattr(type(instance), "api_fields")


def _on_save(sender, instance, update_fields=None, raw=False, **kwargs):
    if not raw and is_tracked(instance, update_fields):
        bump_content_version()


def _on_delete(sender, instance, **kwargs):
    if is_tracked(instance):
        bump_content_version()


def _on_page_change(sender, **kwargs):
    bump_content_version()


def connect_signals():
    post_save.connect(_on_save, dispatch_uid="lp_api_content_version_save")
    post_delete.connect(_on_delete, dispatch_uid="lp_api_content_version_delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_on_page_change, dispatch_uid=f"lp_api_content_version_{id(signal)}")
