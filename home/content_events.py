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
"""

from django.dispatch import Signal

PUBLISHED = "published"
UNPUBLISHED = "unpublished"
DELETED = "deleted"
MOVED = "moved"
CHANGED = "changed"

public_content_changed = Signal()
