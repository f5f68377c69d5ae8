"""The one receiver module: every way public content changes becomes one ``public_content_changed`` event.

Wagtail and Django announce changes in several ways; each is translated here, once, into the event of
``home.content_events`` (see its docstring for the arguments), and only for models whose declared role is
public content:

- ``page_published`` → PUBLISHED: a page's revision is published;
- ``page_unpublished`` → UNPUBLISHED: a page is unpublished (also just before a live page is deleted: Wagtail
  unpublishes it first);
- ``post_page_move`` → MOVED: a page is moved (its URL and its descendants' change);
- ``post_delete`` of ``wagtailcore.Page`` → DELETED: a page that was ever published is deleted;
- ``published`` / ``unpublished`` → PUBLISHED / UNPUBLISHED: a snippet with draft state (a partner);
- ``post_save`` → CHANGED: any other public model is saved (contact details, images, documents, collections,
  view restrictions, sites, locales, consent texts, a page's inline rows), or a live page or snippet is saved by
  code without revisions (the content loader, factories);
- ``post_delete`` → DELETED: any other public model, or a live snippet, is deleted.

Drafts never get through: ``save_revision()`` saves only bookkeeping columns (``BOOKKEEPING_FIELDS``) on the
instance that holds the draft's values, and those saves are skipped; so are saves of objects that are not
live, and saves of revision-managed objects, which become public only through publishing.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.models import DraftStateMixin, Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from home.content_events import (
    CHANGED,
    DELETED,
    MOVED,
    PUBLISHED,
    UNPUBLISHED,
    is_public_content,
    public_content_changed,
)

from . import cdn, version

#: Columns that saving a draft, locking or hashing a file writes on the live row: nothing public changes.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "wagtail_admin_comments",
        "file_hash",
        # Wagtail stores a document's size the first time it is asked for it (the documents page does).
        "file_size",
    }
)


def announce(instance, action, sender=None):
    """Send the one event for ``instance`` (as stored)."""
    if sender is None:
        sender = instance.specific_class if isinstance(instance, Page) else type(instance)
    public_content_changed.send(sender=sender, instance=instance, action=action)


def _page_published(sender, instance, **kwargs):
    announce(instance, PUBLISHED, sender)


def _page_unpublished(sender, instance, **kwargs):
    announce(instance, UNPUBLISHED, sender)


def _page_moved(sender, instance, **kwargs):
    # The moved object may hold values the caller set in memory; what is public is the stored row.
    announce(sender.objects.get(pk=instance.pk), MOVED, sender)


def _published(sender, instance, **kwargs):
    # Pages send page_published too (handled above); this is for snippets with draft state.
    if not isinstance(instance, Page) and is_public_content(sender):
        announce(instance, PUBLISHED, sender)


def _unpublished(sender, instance, **kwargs):
    if not isinstance(instance, Page) and is_public_content(sender):
        announce(instance, UNPUBLISHED, sender)


def is_public_save(instance, update_fields=None):
    """Whether this save of a public model's row changed what visitors see."""
    if update_fields and set(update_fields) <= BOOKKEEPING_FIELDS:
        return False
    if isinstance(instance, DraftStateMixin):
        # Revision-managed objects go public by publishing (the signals above); a draft is never public.
        return instance.live and instance.latest_revision_id is None
    return True


def _saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not is_public_content(sender):
        return
    if is_public_save(instance, update_fields):
        announce(instance, CHANGED)


def _deleted(sender, instance, **kwargs):
    if not is_public_content(sender):
        return
    if isinstance(instance, Page):
        # Deleting a page deletes its wagtailcore.Page row (signalled once, whatever its type); a live page
        # was unpublished just before (page_unpublished), a never-published draft was never public.
        if sender is Page and (instance.live or instance.first_published_at is not None):
            announce(instance, DELETED)
        return
    if isinstance(instance, DraftStateMixin) and not instance.live:
        return
    announce(instance, DELETED, sender)


def connect():
    """Called once from ``CmsConfig.ready``: the receivers above, and this package's subscribers to the event."""
    page_published.connect(_page_published, dispatch_uid="content_events_page_published")
    page_unpublished.connect(_page_unpublished, dispatch_uid="content_events_page_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="content_events_post_page_move")
    published.connect(_published, dispatch_uid="content_events_published")
    unpublished.connect(_unpublished, dispatch_uid="content_events_unpublished")
    post_save.connect(_saved, dispatch_uid="content_events_post_save")
    post_delete.connect(_deleted, dispatch_uid="content_events_post_delete")
    public_content_changed.connect(version.content_changed, dispatch_uid="content_version")
    public_content_changed.connect(cdn.content_changed, dispatch_uid="cdn_purge")
