"""API endpoints owned by the home app: pages (all page types) and the contact details."""

from django.utils import translation

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.serializers import BaseSerializer, PageLocaleField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Locale

from .models import ContactDetails


class LocalizedPageSerializer(PageSerializer):
    """Serialises each page in its own language, so rich text links point to that language's pages.

    The stock serializer renders rich text in the request's active language: an English page came out
    linking to /pl/… pages.
    """

    def to_representation(self, instance):
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class LocalizedPagesAPIViewSet(PagesAPIViewSet):
    base_serializer_class = LocalizedPageSerializer

    def get_queryset(self):
        # Every listed page reports meta.locale: one join instead of one query per page.
        return super().get_queryset().select_related("locale")


class LocaleQueryFilter:
    """``?locale=pl|en`` for non-page models that carry a locale."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            return queryset
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            raise BadRequestError(f"locale must be one of: {', '.join(view.language_codes())}")
        return queryset.filter(locale=locale)


class ContactDetailsSerializer(BaseSerializer):
    locale = PageLocaleField(read_only=True)

    def to_representation(self, instance):
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class ContactDetailsAPIViewSet(BaseAPIViewSet):
    """The partnership's contact details, one record per language."""

    model = ContactDetails
    name = "contact"
    base_serializer_class = ContactDetailsSerializer
    filter_backends = [FieldsFilter, OrderingFilter, LocaleQueryFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"])
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

    @staticmethod
    def language_codes():
        return list(Locale.objects.values_list("language_code", flat=True))

    def get_queryset(self):
        return ContactDetails.objects.select_related("locale").order_by("id")
