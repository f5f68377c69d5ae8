"""``/api/v2/partners/``: live, active partners, per language, for partner portals."""

from django.utils import translation

from wagtail.api.v2.serializers import BaseSerializer, PageLocaleField
from wagtail.api.v2.views import BaseAPIViewSet

from partners.models import Partner, PartnerIndexPage

from .contract import ContentAPIMixin
from .filters import FieldFilter, LocaleFilter, OrderingFilter, SearchFilter


class PartnerSerializer(BaseSerializer):
    locale = PageLocaleField(read_only=True)

    def to_representation(self, instance):
        # Sector, kind and role labels in the partner's own language.
        with translation.override(instance.locale.language_code):
            return super().to_representation(instance)


class PartnersAPIViewSet(ContentAPIMixin, BaseAPIViewSet):
    model = Partner
    name = "partners"
    base_serializer_class = PartnerSerializer
    # ?sector=, ?role=, ?city=… are field filters: a value outside a field's choices answers 400.
    # Searching last (the site's index, search/backend.py): search results cannot be filtered further.
    filter_backends = [LocaleFilter, FieldFilter, OrderingFilter, SearchFilter]
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

    def get_queryset(self):
        return (
            Partner.objects.visible()
            .select_related("locale", "logo")
            .prefetch_related("logo__renditions")
            .order_by("name", "pk")
        )

    def partner_index_urls(self):
        """The live Partners page's URL per locale id, looked up once per request (``PartnerHtmlUrlField``)."""
        if not hasattr(self, "_partner_index_urls"):
            self._partner_index_urls = {}
            for page in PartnerIndexPage.objects.live().public().order_by("path"):
                if page.locale_id in self._partner_index_urls:
                    continue
                # The site's address (its Wagtail site record), as every page's html_url; never the Host header.
                url = page.get_full_url(self.request)
                if url:
                    self._partner_index_urls[page.locale_id] = url
        return self._partner_index_urls
