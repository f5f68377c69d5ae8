"""``/api/v2/images/``: images with a ready-to-use rendition (absolute URL, width, height and alt text)."""

from wagtail.api import APIField
from wagtail.images.api.v2.views import ImagesAPIViewSet as WagtailImagesAPIViewSet

from .contract import ContentAPIMixin
from .fields import AbsoluteImageRenditionField
from .filters import FieldFilter, OrderingFilter, SearchFilter


class ImagesAPIViewSet(ContentAPIMixin, WagtailImagesAPIViewSet):
    rendition_filter = "max-1200x1200"
    filter_backends = [FieldFilter, OrderingFilter, SearchFilter]
    body_fields = WagtailImagesAPIViewSet.body_fields + ["rendition"]
    listing_default_fields = WagtailImagesAPIViewSet.listing_default_fields + ["rendition"]

    @classmethod
    def get_body_fields(cls, model):
        return [
            APIField("rendition", serializer=AbsoluteImageRenditionField(cls.rendition_filter, source="*"))
            if field.name == "rendition"
            else field
            for field in super().get_body_fields(model)
        ]

    def get_queryset(self):
        return super().get_queryset().prefetch_renditions(self.rendition_filter)
