"""Query parameters declared once: each is both checked on every request and documented in the OpenAPI document.

A parameter's JSON schema is built when asked for (limits from settings, enums from the models), so a test that
overrides a setting or a new model field changes both the check and the document.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from wagtail.api.v2.utils import BadRequestError

ID = {"type": "integer", "minimum": 1}
ROOT_OR_ID = {"anyOf": [ID, {"const": "root"}]}
# Longer digit strings overflow a database integer (and are no id of ours anyway).
MAX_DIGITS = 18


@dataclass(frozen=True)
class QueryParameter:
    name: str
    description: str
    #: The parameter's JSON schema, or a function of no arguments that builds it when asked.
    schema: dict | Callable[[], dict]

    def get_schema(self):
        return self.schema() if callable(self.schema) else self.schema

    def check(self, value):
        """Raise ``BadRequestError`` naming the parameter when ``value`` does not fit its schema."""
        problem = value_problem(self.name, value, self.get_schema())
        if problem:
            raise BadRequestError(problem)

    def openapi(self):
        return {
            "name": self.name,
            "in": "query",
            "required": False,
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
        return None if value == schema["const"] else f"{name} must be {schema['const']}"
    if "enum" in schema:
        if value in schema["enum"]:
            return None
        return f"{name} must be one of: {', '.join(str(choice) for choice in schema['enum'] if choice != '')}"
    kind = schema.get("type")
    if kind == "integer":
        if not value.isascii() or not value.isdigit():
            return f"{name} must be a positive integer"
        if len(value) > MAX_DIGITS:
            return f"{name} is too large"
        number = int(value)
        if number < schema.get("minimum", 0):
            return f"{name} must be at least {schema['minimum']}"
        if "maximum" in schema and number > schema["maximum"]:
            return f"{name} cannot be higher than {schema['maximum']}"
        return None
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            return f"{value!r} is not a valid value for {name} (a number)"
        if number != number or number in (float("inf"), float("-inf")):
            return f"{value!r} is not a valid value for {name} (a number)"
        return None
    if kind == "string":
        if len(value) < schema.get("minLength", 0):
            return f"{name} must not be empty"
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            return f"{name} cannot be longer than {schema['maxLength']} characters"
        if "pattern" in schema and not re.fullmatch(schema["pattern"], value):
            return f"{value!r} is not a valid value for {name} (see its pattern in /api/v2/schema/)"
        parse = {"date": datetime.date.fromisoformat, "date-time": datetime.datetime.fromisoformat}
        if schema.get("format") in parse:
            try:
                parse[schema["format"]](value)
            except ValueError:
                return f"{value!r} is not a valid value for {name} (a {schema['format']}, ISO 8601)"
    return None


# --- the parameters every endpoint of the content API understands ---------------------------------------
def limit_schema():
    return {"type": "integer", "minimum": 0, "maximum": settings.WAGTAILAPI_LIMIT_MAX}


def offset_schema():
    return {"type": "integer", "minimum": 0, "maximum": settings.API_OFFSET_MAX}


def search_schema():
    return {"type": "string", "maxLength": settings.API_SEARCH_MAX_LENGTH}


def locale_schema():
    return {"enum": [code for code, _name in settings.LANGUAGES]}


LIMIT = QueryParameter("limit", "How many items (at most WAGTAILAPI_LIMIT_MAX).", limit_schema)
OFFSET = QueryParameter("offset", "How many items to skip (at most API_OFFSET_MAX).", offset_schema)
FORMAT = QueryParameter("format", "The only format is JSON.", {"enum": ["json"]})
CACHE_BUSTER = QueryParameter("_", "Ignored (jQuery's cache buster).", {"type": "string"})
LOCALE = QueryParameter("locale", "Language of the content.", locale_schema)
SEARCH = QueryParameter("search", "Full-text search (at most API_SEARCH_MAX_LENGTH characters).", search_schema)
SEARCH_OPERATOR = QueryParameter("search_operator", "How search terms combine.", {"enum": ["and", "or"]})
RICH_TEXT_FORMAT = QueryParameter(
    "rich_text_format", "Rich text output (default `html`).", {"enum": ["html", "db_html", "markdown", "db_markdown"]}
)
