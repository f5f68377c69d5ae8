from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from api.errors import not_found as api_not_found
from documents.views import serve as serve_document
from home.document_links import serve_by_id

from .api import api_router
from .security import collection_password, page_password
from .views import bare_page, healthz

handler500 = "cms.errors.server_error"

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms, throttled (cms/security.py): listed before Wagtail's own routes of the same name.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        collection_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    # A restricted document's link names no file: Wagtail's checks first, then a redirect to the named URL.
    path("documents/<int:document_id>/", serve_by_id, name="document_by_id"),
    # Wagtail's own view, except that a replaced file's old name leads to the current file.
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="document_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/newsletter/", include("api.newsletter_urls")),
    path("api/v2/", api_router.urls),
    re_path(r"^api/", api_not_found),
    path("", include("seo.urls")),
]

if settings.BENCH_ENDPOINTS:
    urlpatterns.append(path("bench/bare/", bare_page, name="bench-bare"))

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns
    from django.views.static import serve

    urlpatterns += staticfiles_urlpatterns()
    # Uploads from disk, as nginx serves them in production: never documents, which only /documents/ serves
    # after checking their collection's restrictions.
    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?!documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Everything else is a page, under its language prefix: /pl/… and /en/…; "/" redirects by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("search.urls")),
    path("newsletter/", include("newsletter.urls")),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
