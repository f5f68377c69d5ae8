"""The API's one error shape and language: every 4xx and 5xx under /api/ is ``{"message": …}`` (plus ``errors``
per field where a form was sent), worded in the request's ``?locale=`` language or else English — never in the
browser's Accept-Language, which a portal's server does not choose."""

from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from home.languages import language_codes

#: Messages of a request that names no language of the site.
DEFAULT_LANGUAGE = "en"


def api_language(request, data=None):
    """The language of the API's messages: ``locale`` in the query string (or in ``data``, a request body), if the
    site has that language; else English."""
    for source in (data, request.GET):
        code = source.get("locale") if isinstance(source, dict) or hasattr(source, "getlist") else None
        if isinstance(code, str) and code in language_codes():
            return code
    return DEFAULT_LANGUAGE


class NotFound(Http404):
    """A 404 whose message is written for the client (other 404s get a general one)."""


def error_body(message, errors=None):
    return {"message": str(message), **({"errors": errors} if errors else {})}


def not_found(request, *args, **kwargs):
    """Any address under /api/ that is no endpoint (``cms.urls`` and the router end with it)."""
    with translation.override(api_language(request)):
        response = JsonResponse(error_body(_("There is no API endpoint at this address.")), status=404)
        response["Content-Language"] = translation.get_language()
    return response
