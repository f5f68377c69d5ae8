from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import BooleanColumn, Column, LiveStatusTagColumn, LocaleColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from home.spreadsheets import FormulaSafeExportMixin

from .models import Partner


class PartnerIndexView(FormulaSafeExportMixin, IndexView):
    # Wagtail's "Add %(model_name)s" would put the noun in the nominative in Polish ("Dodaj partner").
    add_item_label = _("Add partner")

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("locale")


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
        "public_email",
        "public_phone",
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
