from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from home.site_address import absolute_url


@require_GET
def robots_txt(request):
    """Crawlers keep out of the admin and the site search's results, and are pointed to the sitemap."""
    search_paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            search_paths.append(reverse("search"))
    lines = ["User-agent: *", "Disallow: /admin/"]
    lines += [f"Disallow: {path}" for path in search_paths]
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap'), request)}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
