"""The one event that says "public content changed", and each model's declared role.

Every way content that visitors or portals can see changes (a page published, unpublished, moved or deleted; a
snippet published, unpublished or deleted; an image, document, collection or view restriction saved or deleted;
the contact details or a consent text changed) is turned into one ``public_content_changed`` signal by the
receivers of ``cms.caching``. Everything that derives public output from content follows that one signal: the
page cache and fragments, the API's validators, the search index, the sitemap and the CDN purge.

Signal arguments:
- ``sender``: the model class of the object that changed (the specific page class for pages);
- ``instance``: the object, as stored (the live row, never an in-memory draft);
- ``action``: one of ``PUBLISHED``, ``UNPUBLISHED``, ``DELETED``, ``MOVED``, ``CHANGED``.

Drafts never send it: saving a draft of a page, a snippet or a translation changes nothing public.

Roles. Every model of the project states beside its definition what its rows are:

- ``@public_content``: visitors or portals see it (directly or through a page that lists it); changing it
  sends the event;
- ``@private_data``: nobody outside the admin sees it (subscribers, applications, deliveries, index rows,
  renditions...); changing it invalidates nothing.

Wagtail's own models are declared in ``WAGTAIL_MODEL_ROLES`` below; page types are public content through
``wagtailcore.Page``. ``content_role(model)`` answers for any model, ``None`` for a model with no role
(``tests/home_tests/test_content_roles.py`` fails on such a model in the project's apps).
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.dispatch import Signal

logger = logging.getLogger(__name__)

PUBLISHED = "published"
UNPUBLISHED = "unpublished"
DELETED = "deleted"
MOVED = "moved"
CHANGED = "changed"

public_content_changed = Signal()

PUBLIC_CONTENT = "public content"
PRIVATE_DATA = "private data"

#: The attribute the declarations below set on a model class.
ROLE_ATTRIBUTE = "content_role"


def public_content(model):
    """Class decorator: the model's rows are public content; saving or deleting one sends the event."""
    setattr(model, ROLE_ATTRIBUTE, PUBLIC_CONTENT)
    return model


def private_data(model):
    """Class decorator: the model's rows are never shown publicly; changing them invalidates nothing."""
    setattr(model, ROLE_ATTRIBUTE, PRIVATE_DATA)
    return model


#: Roles of the Wagtail models this project uses, by ``app_label.model`` (a model's concrete ancestors count:
#: every page type is public content through ``wagtailcore.page``).
WAGTAIL_MODEL_ROLES = {
    "wagtailcore.page": PUBLIC_CONTENT,
    "wagtailcore.pageviewrestriction": PUBLIC_CONTENT,
    "wagtailcore.collection": PUBLIC_CONTENT,
    "wagtailcore.collectionviewrestriction": PUBLIC_CONTENT,
    "wagtailcore.site": PUBLIC_CONTENT,
    "wagtailcore.locale": PUBLIC_CONTENT,
    "wagtailimages.image": PUBLIC_CONTENT,
    "wagtaildocs.document": PUBLIC_CONTENT,
    # Made while serving pages and the API: counting them as changes would defeat every cache.
    "wagtailimages.rendition": PRIVATE_DATA,
    # Messages sent through the contact form (home.ContactPage): read in the admin only.
    "wagtailforms.formsubmission": PRIVATE_DATA,
    # Who may edit which collection: the admin's business only.
    "wagtailcore.groupcollectionpermission": PRIVATE_DATA,
    # The site search's index rows (search/models.py is rewritten on another branch, which declares them there).
    "search.searchentry": PRIVATE_DATA,
    "search.searchkey": PRIVATE_DATA,
}


def content_role(model):
    """``PUBLIC_CONTENT``, ``PRIVATE_DATA`` or None (no role declared) for a model class."""
    declared = getattr(model, ROLE_ATTRIBUTE, None)
    if declared is not None:
        return declared
    for klass in model.__mro__:
        meta = getattr(klass, "_meta", None)
        if meta is not None and not meta.abstract and meta.label_lower in WAGTAIL_MODEL_ROLES:
            return WAGTAIL_MODEL_ROLES[meta.label_lower]
    return None


def is_public_content(model):
    return content_role(model) == PUBLIC_CONTENT


def cached_for_content(request, name, parts, compute):
    """``compute()``, kept in the default cache for the content version the request first read.

    For views of apps below ``cms`` (which owns the version, ``cms.caching.version``, and leaves it on the request
    as ``request.content_version``): a value computed from live, published content only, whatever the visitor,
    so that the next ``public_content_changed`` (a new version) orphans it. ``parts`` names the value within
    ``name`` (a page's id, a slug...). Nothing is cached without a version on the request (the page cache is off,
    ``PAGE_CACHE_SECONDS=0``), nor kept longer than ``PAGE_CACHE_SECONDS``. A stored value that no longer loads
    (a deploy changed a class it holds) is computed again, never an error.
    """
    version = getattr(request, "content_version", None)
    if version is None or settings.PAGE_CACHE_SECONDS <= 0:
        return compute()
    digest = hashlib.sha256(repr(tuple(parts)).encode()).hexdigest()
    key = f"{name}:{version}:{digest}"
    try:
        found = cache.get(key)
    except Exception:  # any failure to load is a miss
        logger.warning("Could not load %s; computing it again", key, exc_info=True)
        found = None
    if found is None:
        found = compute()
        cache.set(key, found, settings.PAGE_CACHE_SECONDS)
    return found
