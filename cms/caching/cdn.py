"""The CDN or Varnish in front (``WAGTAILFRONTENDCACHE``, see settings), purged through Wagtail's
``wagtail.contrib.frontend_cache``.

Wagtail purges a page itself when it is published or unpublished. What it does not see is everything else that
pages show: a partner, the footer's contact details, an image, a collection made private, or a page moved,
deleted or saved live by code (the menus and lists of every page that showed it). Any of those can touch any
page, so on such an event every live page of every site is purged; Wagtail queues the purge as a background
task.
"""

from django.conf import settings

from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
from wagtail.models import Page

from home.content_events import PUBLISHED, UNPUBLISHED


def content_changed(sender, instance, action, **kwargs):
    """Receiver of ``public_content_changed``."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    if isinstance(instance, Page) and action in (PUBLISHED, UNPUBLISHED):
        return  # Wagtail purges the page itself
    purge_pages_from_cache(Page.objects.live().public().specific(defer=True).iterator())
