"""The CDN or Varnish in front (``WAGTAILFRONTENDCACHE``, see settings), purged through Wagtail's
``wagtail.contrib.frontend_cache``.

Wagtail purges a page itself when it is published or unpublished. What it does not see is everything else that
pages show: a partner, the footer's contact details, an image, a collection made private, or a page moved,
deleted or saved live by code (the menus and lists of every page that showed it). Any of those can touch any
page, so on such an event every live page of every site is purged; Wagtail queues the purge as a background
task.
"""

from django.conf import settings

from modelcluster.fields import ParentalKey
from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page

from home.content_events import PUBLISHED, UNPUBLISHED


def content_changed(sender, instance, action, **kwargs):
    """Receiver of ``public_content_changed``."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    if isinstance(instance, Page) and action in (PUBLISHED, UNPUBLISHED):
        return  # Wagtail purges the page itself
    if is_part_of_a_page(instance):
        return  # saved when its page is published, which Wagtail purges: one purge, not one per row
    purge_pages_from_cache(Page.objects.live().public().specific(defer=True).iterator())


def is_part_of_a_page(instance):
    """A row of a page's inline panel (a documents page's entries, a news item's tags)."""
    return any(
        isinstance(field, ParentalKey) and issubclass(field.related_model, Page) for field in instance._meta.fields
    )
