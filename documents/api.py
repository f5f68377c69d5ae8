"""The documents endpoint: the stock one, minus files in private collections."""

from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from .models import restricted_collection_ids


class PublicDocumentsAPIViewSet(DocumentsAPIViewSet):
    """Wagtail's endpoint lists every document; one in a view-restricted collection must not even be listed."""

    def get_queryset(self):
        return super().get_queryset().exclude(collection_id__in=restricted_collection_ids())
