"""Error answers that must work with the database down: no template here touches it."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from api.errors import api_language
from home.languages import language_codes

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def error_language(request):
    """The visitor's language from the URL prefix (/pl/…, /en/…), else the active one, else Polish."""
    codes = language_codes()
    prefix = request.path_info.lstrip("/").split("/", 1)[0]
    if prefix in codes:
        return prefix
    active = translation.get_language()
    return active if active in codes else settings.LANGUAGE_CODE


def _is_api(request):
    return request.path_info.startswith("/api/")


def _render(request, template, status):
    language = api_language(request) if _is_api(request) else error_language(request)
    with translation.override(language):
        if _is_api(request):
            message = {
                500: gettext("The server hit an error. Please try again later."),
                503: gettext("The service is temporarily unavailable. Please try again shortly."),
            }[status]
            response = JsonResponse({"message": message}, status=status)
            response["Content-Language"] = language
        else:
            html = render_to_string(template, {"LANGUAGE_CODE": language, "request_path": request.path})
            response = HttpResponse(html, status=status)
    response["Cache-Control"] = "no-store"
    return response


def service_unavailable(request):
    response = _render(request, "503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request):
    """``handler500``: a database outage anywhere (middleware included) is a 503, anything else a 500."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    return _render(request, "500.html", 500)
