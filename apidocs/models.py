from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from home.models import ContentPage

WIDGET_KINDS = ["news", "events", "partners", "pages"]


class ApiDocsPage(ContentPage):
    """The page for portal developers: the API's address, examples, caching and errors, and the widget.

    The editable introduction and body come first; the technical reference below them is generated from the
    site's settings, so its addresses are always the ones this site really serves.
    """

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "apidocs/api_docs_page.html"

    class Meta:
        verbose_name = _("API page for portal developers")
        verbose_name_plural = _("API pages for portal developers")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site_url = settings.WAGTAILAPI_BASE_URL.rstrip("/")
        language = self.locale.language_code
        context.update(
            {
                "site_url": site_url,
                "api_url": f"{site_url}/api/v2/",
                "schema_url": f"{site_url}/api/v2/schema/",
                "widget_url": site_url + static("js/partnership-widget.js"),
                "language": language,
                "cache_max_age": settings.API_CACHE_MAX_AGE,
                "widget_kinds": WIDGET_KINDS,
            }
        )
        return context
