from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search.sitemaps import SITEMAPS
from search.views import robots_txt

from .api import api_router
from .views import bare_page, healthz

handler500 = "cms.errors.server_error"

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/newsletter/", include("api.newsletter_urls")),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
]

if settings.BENCH_ENDPOINTS:
    urlpatterns.append(path("bench/bare/", bare_page, name="bench-bare"))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything else is a page, under its language prefix: /pl/… and /en/…; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
