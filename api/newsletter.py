"""Signup for partner portals: ``/api/v2/newsletter/…``, cross-origin for the configured origins only.

No session authentication, so no CSRF: a request carries no credentials, only the visitor's address and
consent, and answers exactly as the form in the footer does.
"""

from rest_framework import status
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from django.utils import translation
from django.utils.translation import gettext as _

from home.clients import client_ip
from home.languages import language_codes
from newsletter import signup
from newsletter.forms import APISubscriptionForm
from newsletter.models import ConsentText

from .parameters import QueryParameter, locale_schema


def _language_of(data):
    """Messages in the language the request asks for, else in the one the middleware chose."""
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in language_codes() else translation.get_language()


def field_errors(errors):
    """The content API's error shape: ``message`` (every problem in one line) and ``errors`` per field."""
    return {
        "message": " ".join(message for messages in errors.values() for message in messages),
        "errors": errors,
    }


MESSAGE = {"$ref": "#/components/schemas/Error"}
FIELD_ERRORS = {"$ref": "#/components/schemas/FieldErrors"}


class NewsletterAPIView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser]
    #: The query parameters it reads (``api.openapi`` documents them).
    query_parameters = ()
    #: The form its JSON body fills, if any (documented as the request body).
    request_form = None
    summary = ""
    #: Status → JSON schema of the answers it gives.
    response_schemas = {}


class SubscribeAPIView(NewsletterAPIView):
    """``{"email", "language", "consent": true, "consent_version"}`` → 202, or 400 with ``message`` and
    ``errors`` per field."""

    summary = "Subscribe an address to the newsletter (double opt-in; the same answer for every address)"
    request_form = APISubscriptionForm
    response_schemas = {202: MESSAGE, 400: FIELD_ERRORS, 429: MESSAGE}

    def post(self, request):
        try:
            data = request.data
        except ParseError:
            data = None
        with translation.override(_language_of(data)):
            if not isinstance(data, dict):
                return Response(
                    field_errors({"non_field_errors": [_("Send a JSON object.")]}), status=status.HTTP_400_BAD_REQUEST
                )
            refusal = signup.refusal(request, data.get("email") if isinstance(data.get("email"), str) else None)
            if refusal:
                message, seconds = refusal
                return Response(
                    {"message": message},
                    status=status.HTTP_429_TOO_MANY_REQUESTS,
                    headers={"Retry-After": str(seconds)},
                )
            form = APISubscriptionForm(data)
            if not form.is_valid():
                errors = {
                    ("non_field_errors" if field == "__all__" else field): [str(message) for message in messages]
                    for field, messages in form.errors.items()
                }
                return Response(field_errors(errors), status=status.HTTP_400_BAD_REQUEST)
            signup.subscribe(
                email=form.cleaned_data["email"],
                language=form.cleaned_data["language"],
                consent_text=form.consent_text,
                source=signup.api_source(request),
                ip=client_ip(request),
                user_agent=request.headers.get("User-Agent", ""),
            )
            # The same answer for a new, pending, confirmed or unsubscribed address.
            return Response(
                {"message": _("Thank you. If the address can be subscribed, a confirmation e-mail is on its way.")},
                status=status.HTTP_202_ACCEPTED,
            )


class ConsentTextAPIView(NewsletterAPIView):
    """``?language=pl|en`` → the current consent text a partner portal shows beside its checkbox."""

    summary = "The current consent text in one language, and its version"
    query_parameters = (QueryParameter("language", "The language of the consent text.", locale_schema),)
    response_schemas = {
        200: {
            "type": "object",
            "properties": {
                "language": {"$ref": "#/components/schemas/LanguageCode"},
                "version": {"type": "integer"},
                "text": {"type": "string"},
            },
            "required": ["language", "version", "text"],
            "additionalProperties": False,
        },
        400: FIELD_ERRORS,
        404: MESSAGE,
    }

    def get(self, request):
        language = request.GET.get("language", "")
        unknown = set(request.GET) - {parameter.name for parameter in self.query_parameters}
        if unknown:
            errors = {name: [f"query parameter is not an operation or a recognised field: {name}"] for name in unknown}
            return Response(field_errors(errors), status=status.HTTP_400_BAD_REQUEST)
        with translation.override(_language_of(request.GET)):
            if language not in language_codes():
                message = _("language must be one of: %(codes)s") % {"codes": ", ".join(language_codes())}
                return Response(field_errors({"language": [message]}), status=status.HTTP_400_BAD_REQUEST)
            text = ConsentText.current(language)
            if text is None:
                return Response({"message": _("There is no consent text in this language yet.")}, status=404)
            return Response({"language": language, "version": text.version, "text": text.text})
