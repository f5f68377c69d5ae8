"""``/api/v2/navigation/``: the main menu in one language, the home page and its live, public children shown
in menus."""

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail.models import Site

from .contract import SingleResourceAPIViewSet
from .errors import NotFound
from .filters import locale_for_code
from .pages import page_summary
from .parameters import LOCALE


class NavigationAPIViewSet(SingleResourceAPIViewSet):
    """The main menu in one language: the home page and the pages shown in menus"""

    name = "navigation"
    resource_parameters = (LOCALE,)
    #: A language without a published home page answers 404.
    may_be_missing = True

    @classmethod
    def resource_schema(cls):
        summary = {"$ref": "#/components/schemas/PageSummary"}
        meta = {"locale": {"$ref": "#/components/schemas/LanguageCode"}, "total_count": {"type": "integer"}}
        return {
            "type": "object",
            "properties": {
                "meta": {"type": "object", "properties": meta, "required": list(meta), "additionalProperties": False},
                "home": summary,
                "items": {"type": "array", "items": summary},
            },
            "required": ["meta", "home", "items"],
            "additionalProperties": False,
        }

    def content_language(self, response):
        if response.status_code >= 400:
            return super().content_language(response)
        return self.request.GET.get("locale", settings.LANGUAGE_CODE)

    def get_resource(self, request):
        locale = locale_for_code(request.GET.get("locale", settings.LANGUAGE_CODE))
        site = Site.find_for_request(request)
        home = site.root_page.get_translation_or_none(locale) if site else None
        if home is None or not home.live:
            raise NotFound(_("This language has no published home page."))
        router = request.wagtailapi_router
        items = home.get_children().live().public().in_menu().select_related("locale")
        return {
            "meta": {"locale": locale.language_code, "total_count": len(items)},
            "home": page_summary(home, request, router),
            "items": [page_summary(item, request, router) for item in items],
        }
