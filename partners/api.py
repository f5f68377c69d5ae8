"""``/api/v2/partners/``: live, active partners, per language, for partner portals."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation

from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.serializers import BaseSerializer, PageLocaleField
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale

from home.api import LocaleQueryFilter

from .models import Partner, PartnerIndexPage, Sector


class SectorFilter:
    """``?sector=public|business|ngo|social_economy``; anything else is a 400 naming the valid values."""

    def filter_queryset(self, request, queryset, view):
        value = request.GET.get("sector")
        if value is None:
            return queryset
        if value not in Sector.values:
            raise BadRequestError(f"sector must be one of: {', '.join(Sector.values)}")
        return queryset.filter(sector=value)


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters, with values the column cannot hold (``?latitude=abc``) answered by a 400."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            field = queryset.model._meta.get_field(name)
            if isinstance(field, models.ForeignKey | models.BooleanField):
                continue  # Wagtail checks these itself.
            try:
                field.to_python(value)
            except ValidationError as e:
                raise BadRequestError(f"{value!r} is not a valid value for {name}") from e
        return super().filter_queryset(request, queryset, view)


class PartnerSerializer(BaseSerializer):
    locale = PageLocaleField(read_only=True)

    def to_representation(self, instance):
        # Sector, kind and role labels in the partner's own language.
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class PartnersAPIViewSet(BaseAPIViewSet):
    model = Partner
    name = "partners"
    base_serializer_class = PartnerSerializer
    # Searching last (the site's index, search/backend.py): search results cannot be filtered further.
    filter_backends = [LocaleQueryFilter, SectorFilter, CheckedFieldsFilter, OrderingFilter, SearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale", "sector"])
    meta_fields = BaseAPIViewSet.meta_fields + ["locale"]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "locale",
        "html_url",
        "name",
        "short_name",
        "slug",
        "sector",
        "sector_label",
        "social_economy_kind",
        "role",
        "logo",
        "city",
        "member_since",
    ]

    @staticmethod
    def language_codes():
        return list(Locale.objects.values_list("language_code", flat=True))

    def get_queryset(self):
        return (
            Partner.objects.visible()
            .select_related("locale", "logo")
            .prefetch_related("logo__renditions")
            .order_by("name", "pk")
        )

    def partner_index_urls(self):
        """The live Partners page's URL per locale id, looked up once per request."""
        if not hasattr(self, "_partner_index_urls"):
            self._partner_index_urls = {}
            for page in PartnerIndexPage.objects.live().public().order_by("path"):
                if page.locale_id in self._partner_index_urls:
                    continue
                url = page.get_url(self.request)
                if url:
                    self._partner_index_urls[page.locale_id] = self.request.build_absolute_uri(url)
        return self._partner_index_urls
