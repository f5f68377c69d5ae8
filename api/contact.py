"""``/api/v2/contact/``: the partnership's contact details, one record per language."""

from wagtail.api.v2.serializers import BaseSerializer, PageLocaleField
from wagtail.api.v2.views import BaseAPIViewSet

from home.models import ContactDetails

from .contract import ContentAPIMixin
from .filters import FieldFilter, LocaleFilter, OrderingFilter


class ContactDetailsSerializer(BaseSerializer):
    locale = PageLocaleField(read_only=True)


class ContactDetailsAPIViewSet(ContentAPIMixin, BaseAPIViewSet):
    model = ContactDetails
    name = "contact"
    base_serializer_class = ContactDetailsSerializer
    filter_backends = [FieldFilter, OrderingFilter, LocaleFilter]
    meta_fields = BaseAPIViewSet.meta_fields + ["locale"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "locale",
        "organisation_name",
        "secretary_name",
        "street",
        "postcode",
        "city",
        "phone",
        "email",
    ]

    def get_queryset(self):
        return ContactDetails.objects.select_related("locale").order_by("id")
