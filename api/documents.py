"""``/api/v2/documents/``: Wagtail's documents endpoint, minus files in private collections."""

from wagtail.documents.api.v2.views import DocumentsAPIViewSet as WagtailDocumentsAPIViewSet

from documents.models import restricted_collection_ids

from .contract import ContentAPIMixin
from .filters import FieldFilter, OrderingFilter, SearchFilter


class DocumentsAPIViewSet(ContentAPIMixin, WagtailDocumentsAPIViewSet):
    """Wagtail's endpoint lists every document; one in a view-restricted collection must not even be listed."""

    filter_backends = [FieldFilter, OrderingFilter, SearchFilter]

    def get_queryset(self):
        return super().get_queryset().exclude(collection_id__in=restricted_collection_ids())
