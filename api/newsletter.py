"""Signup for partner portals: ``/api/v2/newsletter/…``, cross-origin for the configured origins only.

No session authentication, so no CSRF: a request carries no credentials, only the visitor's address and
consent, and answers exactly as the form in the footer does. The language is ``locale``, as everywhere in the API
(the form's ``language``); errors take the content API's one shape (``api.errors``).
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

from .contract import api_exception_response
from .errors import api_language, error_body
from .parameters import QueryParameter, locale_schema

MESSAGE = {"$ref": "#/components/schemas/Error"}
FIELD_ERRORS = {"$ref": "#/components/schemas/FieldErrors"}


def field_errors(errors):
    """``message`` (every problem in one line) and ``errors``, a list of messages per field."""
    return error_body(" ".join(message for messages in errors.values() for message in messages), errors)


def unknown_parameters(request, declared):
    """A 400 naming the query parameters the view does not read, or None."""
    unknown = sorted(set(request.GET) - {parameter.name for parameter in declared})
    if not unknown:
        return None
    message = _("Unknown query parameter: %(names)s (see /api/v2/schema/).") % {"names": ", ".join(unknown)}
    return Response(field_errors({name: [message] for name in unknown}), status=status.HTTP_400_BAD_REQUEST)


class NewsletterAPIView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser]
    #: The query parameters it reads (``api.openapi`` documents them); any other answers 400.
    query_parameters = ()
    #: The form its JSON body fills, if any (documented as the request body), and the body's names of the form's
    #: fields where they differ.
    request_form = None
    body_names = {}
    summary = ""
    #: Status → JSON schema of the answers it gives.
    response_schemas = {}

    def dispatch(self, request, *args, **kwargs):
        with translation.override(api_language(request)):
            response = super().dispatch(request, *args, **kwargs)
            response.setdefault("Content-Language", translation.get_language())
        return response

    def handle_exception(self, exc):
        return api_exception_response(self, exc) or super().handle_exception(exc)


class SubscribeAPIView(NewsletterAPIView):
    """``{"email", "locale", "consent": true, "consent_version"}`` → 202; 400 with ``message`` and ``errors`` per
    field; 409 when the consent text given is not the current one (or there is none in that language)."""

    summary = "Subscribe an address to the newsletter (double opt-in; the same answer for every address)"
    request_form = APISubscriptionForm
    body_names = {"language": "locale"}
    response_schemas = {202: MESSAGE, 400: FIELD_ERRORS, 409: FIELD_ERRORS, 429: MESSAGE}

    def post(self, request):
        refused = unknown_parameters(request, self.query_parameters)
        if refused:
            return refused
        try:
            data = request.data
        except ParseError:
            data = None
        with translation.override(api_language(request, data if isinstance(data, dict) else None)):
            return self.subscribe(request, data)

    def subscribe(self, request, data):
        if not isinstance(data, dict):
            return Response(field_errors({"non_field_errors": [_("Send a JSON object.")]}), status=400)
        form_names = {body: form for form, body in self.body_names.items()}
        fields = set(APISubscriptionForm.base_fields)
        unknown = sorted(name for name in data if form_names.get(name, name) not in fields or name in self.body_names)
        if unknown:
            message = _("Unknown field: %(names)s.") % {"names": ", ".join(unknown)}
            return Response(field_errors({name: [message] for name in unknown}), status=400)
        refusal = signup.refusal(request, data.get("email") if isinstance(data.get("email"), str) else None)
        if refusal:
            message, seconds = refusal
            return Response(error_body(message), status=429, headers={"Retry-After": str(seconds)})
        form = APISubscriptionForm({form_names.get(name, name): value for name, value in data.items()})
        if not form.is_valid():
            errors = {
                ("non_field_errors" if field == "__all__" else self.body_names.get(field, field)): [
                    str(message) for message in messages
                ]
                for field, messages in form.errors.items()
            }
            return Response(field_errors(errors), status=409 if self.is_conflict(form) else 400)
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
            error_body(_("Thank you. If the address can be subscribed, a confirmation e-mail is on its way.")),
            status=status.HTTP_202_ACCEPTED,
        )

    @staticmethod
    def is_conflict(form):
        """Whether the request is well formed and only the site's state refuses it: the consent text shown is no
        longer the current one, or the language has none yet."""
        if form.consent_text is None:
            return set(form.errors) == {"__all__"}
        return set(form.errors) == {"consent_version"} and isinstance(form.data.get("consent_version"), int)


class ConsentTextAPIView(NewsletterAPIView):
    """``?locale=pl|en`` → the current consent text a partner portal shows beside its checkbox."""

    summary = "The current consent text in one language, and its version"
    query_parameters = (QueryParameter("locale", "The language of the consent text.", locale_schema, required=True),)
    response_schemas = {
        200: {
            "type": "object",
            "properties": {
                "locale": {"$ref": "#/components/schemas/LanguageCode"},
                "version": {"type": "integer", "minimum": 1},
                "text": {"type": "string"},
            },
            "required": ["locale", "version", "text"],
            "additionalProperties": False,
        },
        400: FIELD_ERRORS,
        404: MESSAGE,
    }

    def get(self, request):
        refused = unknown_parameters(request, self.query_parameters)
        if refused:
            return refused
        locale = request.GET.get("locale", "")
        if locale not in language_codes():
            message = _("locale must be one of: %(codes)s.") % {"codes": ", ".join(language_codes())}
            return Response(field_errors({"locale": [message]}), status=status.HTTP_400_BAD_REQUEST)
        text = ConsentText.current(locale)
        if text is None:
            return Response(error_body(_("There is no consent text in this language yet.")), status=404)
        response = Response({"locale": locale, "version": text.version, "text": text.text})
        response["Content-Language"] = locale
        return response
