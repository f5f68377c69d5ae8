from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import is_valid_path


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
