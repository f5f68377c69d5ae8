"""Links to documents that name no file of a restricted collection.

Wagtail links a document as ``/documents/<id>/<file name>``; for a file in a collection under a view restriction
the name alone can tell a stranger what the file is. Such documents are linked as ``/documents/<id>/``
(``serve_by_id``), which runs Wagtail's own restriction checks (login, password, groups) and only then
redirects to the named URL, so the name reaches only those allowed to download the file.
"""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import escape
from django.views.decorators.cache import never_cache

from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import CollectionViewRestriction


def restricted_collection_ids():
    """Collections under a view restriction (and everything inside them): their files are not listed publicly."""
    ids = set()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        ids.update(restriction.collection.get_descendants(inclusive=True).values_list("pk", flat=True))
    return ids


def document_link(document, restricted=None):
    """The URL to link ``document`` by: without its file name when its collection is restricted.

    ``restricted``: the ids from ``restricted_collection_ids()``, when the caller links several documents.
    """
    if restricted is None:
        restricted = restricted_collection_ids()
    if document.collection_id in restricted:
        return reverse("document_by_id", args=[document.pk])
    return document.url


@never_cache
def serve_by_id(request, document_id):
    """Wagtail's checks for the document (``before_serve_document`` hooks); passed, a redirect to the file."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    for check in hooks.get_hooks("before_serve_document"):
        response = check(document, request)
        if response is not None:
            return response
    return redirect(document.url)


class NamelessDocumentLinkHandler(DocumentLinkHandler):
    """Rich text links to documents by ``document_link``."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        documents = cls.get_many(attrs_list)
        restricted = restricted_collection_ids() if any(documents) else set()
        return [
            f'<a href="{escape(document_link(document, restricted))}">' if document else "<a>" for document in documents
        ]
