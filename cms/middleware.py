import logging

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path

from .errors import DATABASE_UNAVAILABLE, service_unavailable

logger = logging.getLogger(__name__)


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of genuine 404s outside the language prefix.

    Wagtail's catch-all sits inside ``i18n_patterns``, so the stock middleware finds every unknown path
    "valid" under ``/pl/`` and answers a missing API object or document with a 302 instead of a 404.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and self._is_outside_language_prefix(request):
            return response
        return super().process_response(request, response)

    @staticmethod
    def _is_outside_language_prefix(request):
        path = request.path_info
        if path.startswith(tuple(settings.NON_LOCALIZED_PATH_PREFIXES)):
            return True
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        return path != "/" and is_valid_path(path, urlconf)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, giving the Wagtail admin its looser policy (CONTENT_SECURITY_POLICY_ADMIN).

    A view that sets its own policy with django-csp's decorators keeps it.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.CONTENT_SECURITY_POLICY_ADMIN_PREFIXES))
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts


class DatabaseUnavailableMiddleware:
    """A view that cannot reach the database answers 503 with a page (or JSON for the API), not a 500.

    Failures raised by other middleware reach the same answer through ``handler500`` (cms.views.server_error).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            logger.error("Database unavailable: %s", exception)
            return service_unavailable(request)
        return None
