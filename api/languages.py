"""``/api/v2/languages/``: the site's languages, the default first, each with its home page."""

from django.conf import settings
from django.utils.translation import get_language_info

from wagtail.models import Site

from home.languages import language_codes

from .contract import SingleResourceAPIViewSet
from .pages import page_summary


class LanguagesAPIViewSet(SingleResourceAPIViewSet):
    """The site's languages, the default first, each with its home page"""

    name = "languages"

    @classmethod
    def resource_schema(cls):
        language = {"$ref": "#/components/schemas/LanguageCode"}
        summary = {"anyOf": [{"$ref": "#/components/schemas/PageSummary"}, {"type": "null"}]}
        item = {
            "type": "object",
            "properties": {
                "code": language,
                "name": {"type": "string"},
                "name_local": {"type": "string"},
                "is_default": {"type": "boolean"},
                "home": summary,
            },
            "required": ["code", "name", "name_local", "is_default", "home"],
            "additionalProperties": False,
        }
        meta = {"total_count": {"type": "integer"}, "default": language}
        return {
            "type": "object",
            "properties": {
                "meta": {"type": "object", "properties": meta, "required": list(meta), "additionalProperties": False},
                "items": {"type": "array", "items": item},
            },
            "required": ["meta", "items"],
            "additionalProperties": False,
        }

    def get_resource(self, request):
        site = Site.find_for_request(request)
        homes = {}
        if site is not None:
            for home in site.root_page.get_translations(inclusive=True).live().public().select_related("locale"):
                homes[home.locale.language_code] = home
        router = request.wagtailapi_router
        items = []
        for code in language_codes():
            info = get_language_info(code)
            home = homes.get(code)
            items.append(
                {
                    "code": code,
                    "name": info["name"],
                    "name_local": info["name_local"],
                    "is_default": code == settings.LANGUAGE_CODE,
                    "home": page_summary(home, request, router) if home else None,
                }
            )
        return {"meta": {"total_count": len(items), "default": settings.LANGUAGE_CODE}, "items": items}
