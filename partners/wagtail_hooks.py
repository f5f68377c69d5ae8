from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, Column, LiveStatusTagColumn, LocaleColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .models import Partner

# A spreadsheet opens a cell starting with one of these as a formula: exported text must stay text.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class PartnerIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("locale")

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value


class PartnerViewSet(SnippetViewSet):
    model = Partner
    index_view_class = PartnerIndexView
    icon = "group"
    menu_label = _("Partners")
    add_to_admin_menu = True
    menu_order = 250
    list_per_page = 50
    list_display = [
        "name",
        Column("sector_label", label=_("sector"), sort_key="sector"),
        Column("city", label=_("city"), sort_key="city"),
        BooleanColumn("is_active", label=_("active"), sort_key="is_active"),
        LocaleColumn(),
        LiveStatusTagColumn(),
        UpdatedAtColumn(),
    ]
    list_filter = ["sector", "social_economy_kind", "role", "is_active", "live", "is_demo"]
    # The site's one index (search/backend.py): Polish word forms, no diacritics needed, drafts included.
    search_backend_name = "default"
    list_export = [
        "name",
        "short_name",
        "slug",
        "sector_label",
        "kind_label",
        "role_label",
        "website",
        "email",
        "phone",
        "street",
        "postcode",
        "city",
        "latitude",
        "longitude",
        "member_since_iso",
        "is_active",
        "live",
        "locale.language_code",
    ]
    export_headings = {
        "sector_label": _("Sector"),
        "kind_label": _("Kind of social economy entity"),
        "role_label": _("Role in the partnership"),
        "member_since_iso": _("Member since"),
        "live": _("Published"),
        "locale.language_code": _("Language"),
    }
    export_filename = "partners"


register_snippet(PartnerViewSet)
