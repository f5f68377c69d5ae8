from django.shortcuts import get_object_or_404

from wagtail.documents import get_document_model
from wagtail.documents.views import serve as wagtail_serve

from home.document_links import serve_by_id

from .models import FormerDocumentFile


def serve(request, document_id, document_filename):
    """Wagtail's document view, except for a file name the document had before its file was replaced: that address
    leads to the current file, through the same checks as a link without a name (``serve_by_id``: Wagtail's
    restriction checks, then a temporary redirect, as the file may be replaced again)."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    if (
        document.filename != document_filename
        and FormerDocumentFile.objects.filter(document=document, filename=document_filename).exists()
    ):
        return serve_by_id(request, document_id)
    return wagtail_serve.serve(request, document_id, document_filename)
