"""Query parameters declared once: each is both checked on every request and documented in the OpenAPI document.

A parameter's JSON schema is built when asked for (limits from settings, enums from the models), so a test that
overrides a setting or a new model field changes both the check and the document.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from wagtail.api.v2.utils import BadRequestError

# Longer digit strings overflow a database integer (and are no id of ours anyway).
MAX_DIGITS = 18
ID = {"type": "integer", "minimum": 1, "maximum": 10**MAX_DIGITS - 1}
#: Any text but a null character (which every endpoint refuses, and no database column can hold).
TEXT_PATTERN = "^[^\\x00]*$"
TEXT = {"type": "string", "pattern": TEXT_PATTERN}
ROOT_OR_ID = {"anyOf": [ID, {"const": "root"}]}


@dataclass(frozen=True)
class QueryParameter:
    name: str
    description: str
    #: The parameter's JSON schema, or a function of no arguments that builds it when asked.
    schema: dict | Callable[[], dict]
    #: Whether the operation cannot do without it.
    required: bool = False
    #: What the check accepts, when wider than the documented ``schema`` (whose extra values only the view can
    #: judge; it answers 400 to those it refuses).
    checked_schema: dict | None = None

    def get_schema(self):
        return self.schema() if callable(self.schema) else self.schema

    def check(self, value):
        """Raise ``BadRequestError`` naming the parameter when ``value`` does not fit its schema."""
        problem = value_problem(self.name, value, self.checked_schema or self.get_schema())
        if problem:
            raise BadRequestError(problem)

    def openapi(self):
        return {
            "name": self.name,
            "in": "query",
            "required": self.required,
            "description": self.description,
            "schema": self.get_schema(),
        }


def value_problem(name, value, schema):
    """Why ``value`` (a query string) does not fit ``schema``, or None. Understands the schemas declared here:
    anyOf, const, enum, integer (with minimum/maximum), boolean, number, string (maxLength, pattern, format)."""
    if "anyOf" in schema:
        problems = [value_problem(name, value, branch) for branch in schema["anyOf"]]
        return None if None in problems else problems[0]
    if "const" in schema:
        return (
            None
            if value == schema["const"]
            else _("%(name)s must be %(value)s.") % {"name": name, "value": schema["const"]}
        )
    if "enum" in schema:
        if value in schema["enum"]:
            return None
        choices = ", ".join(str(choice) for choice in schema["enum"] if choice != "")
        return _("%(name)s must be one of: %(choices)s.") % {"name": name, "choices": choices}
    kind = schema.get("type")
    if kind == "integer":
        if not value.isascii() or not value.isdigit():
            return _("%(name)s must be a whole number, without a sign.") % {"name": name}
        if len(value) > MAX_DIGITS:
            return _("%(name)s is too large.") % {"name": name}
        number = int(value)
        if number < schema.get("minimum", 0):
            return _("%(name)s must be at least %(minimum)s.") % {"name": name, "minimum": schema["minimum"]}
        if "maximum" in schema and number > schema["maximum"]:
            return _("%(name)s cannot be higher than %(maximum)s.") % {"name": name, "maximum": schema["maximum"]}
        return None
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            return _("%(name)s must be a number.") % {"name": name}
        if number != number or number in (float("inf"), float("-inf")):
            return _("%(name)s must be a number.") % {"name": name}
        return None
    if kind == "string":
        if len(value) < schema.get("minLength", 0):
            return _("%(name)s must not be empty.") % {"name": name}
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            return _("%(name)s cannot be longer than %(length)s characters.") % {
                "name": name,
                "length": schema["maxLength"],
            }
        if "pattern" in schema and not re.fullmatch(schema["pattern"], value):
            return _("%(value)s is not a valid value for %(name)s (see its pattern in /api/v2/schema/).") % {
                "value": repr(value),
                "name": name,
            }
        parse = {"date": datetime.date.fromisoformat, "date-time": datetime.datetime.fromisoformat}
        if schema.get("format") in parse:
            try:
                parse[schema["format"]](value)
            except ValueError:
                return _("%(value)s is not a valid value for %(name)s (a %(format)s, ISO 8601).") % {
                    "value": repr(value),
                    "name": name,
                    "format": schema["format"],
                }
    return None


# --- the parameters every endpoint of the content API understands ---------------------------------------
def limit_schema():
    return {"type": "integer", "minimum": 0, "maximum": settings.WAGTAILAPI_LIMIT_MAX}


def offset_schema():
    return {"type": "integer", "minimum": 0, "maximum": settings.API_OFFSET_MAX}


def search_schema():
    return {**TEXT, "maxLength": settings.API_SEARCH_MAX_LENGTH}


def locale_schema():
    return {"enum": [code for code, _name in settings.LANGUAGES]}


LIMIT = QueryParameter("limit", "How many items (at most WAGTAILAPI_LIMIT_MAX).", limit_schema)
OFFSET = QueryParameter("offset", "How many items to skip (at most API_OFFSET_MAX).", offset_schema)
FORMAT = QueryParameter("format", "The only format is JSON.", {"enum": ["json"]})
CACHE_BUSTER = QueryParameter("_", "Ignored (jQuery's cache buster).", TEXT)
LOCALE = QueryParameter("locale", "Language of the content.", locale_schema)
SEARCH = QueryParameter("search", "Full-text search (at most API_SEARCH_MAX_LENGTH characters).", search_schema)
SEARCH_OPERATOR = QueryParameter("search_operator", "How search terms combine.", {"enum": ["and", "or"]})
RICH_TEXT_FORMAT = QueryParameter(
    "rich_text_format", "Rich text output (default `html`).", {"enum": ["html", "db_html", "markdown", "db_markdown"]}
)
