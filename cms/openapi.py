"""The OpenAPI 3.1 document of /api/v2/, served at /api/v2/schema/.

Maintained here by hand for the endpoints, parameters, errors and block shapes; the page types' fields are
read from each page model's ``api_fields``, so a new page type appears in the document without editing it.
``tests/api_tests`` validate real answers of every endpoint against this document.
"""

from django.apps import apps
from django.conf import settings
from django.db import models

from wagtail import fields as wagtail_fields
from wagtail.api.v2.serializers import PageSerializer
from wagtail.models import Page

from home.api import SingleResourceAPIViewSet, api_setting
from home.api_fields import AbsoluteImageRenditionField
from home.blocks import BodyStreamBlock
from partners.models import DatePrecision, Role, Sector, SocialEconomyKind

REF = "#/components/schemas/"


def ref(name):
    return {"$ref": REF + name}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
ID = {"type": "integer", "minimum": 1}
DATETIME = {"type": "string", "format": "date-time"}


def obj(properties, required=None, additional=False):
    schema = {"type": "object", "properties": properties, "additionalProperties": additional}
    schema["required"] = list(properties) if required is None else required
    return schema


# --- shared shapes ------------------------------------------------------------------------------------
SCHEMAS = {
    "Error": obj({"message": STRING}),
    "LanguageCode": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    "ObjectMeta": obj({"type": STRING, "detail_url": URL}, required=["type"], additional=True),
    "PageSummary": obj({"id": ID, "title": STRING, "html_url": nullable(URL), "detail_url": URL}),
    "PageReference": obj(
        {
            "id": ID,
            "meta": obj({"type": STRING, "detail_url": URL, "html_url": nullable(URL)}),
            "title": STRING,
        }
    ),
    "Translation": obj(
        {"id": ID, "locale": ref("LanguageCode"), "title": STRING, "html_url": nullable(URL), "detail_url": URL}
    ),
    "PageMeta": obj(
        {
            "type": STRING,
            "detail_url": URL,
            "html_url": nullable(URL),
            "slug": STRING,
            "show_in_menus": {"type": "boolean"},
            "seo_title": STRING,
            "search_description": STRING,
            "first_published_at": nullable(DATETIME),
            "alias_of": nullable(ref("PageReference")),
            "parent": nullable(ref("PageReference")),
            "locale": ref("LanguageCode"),
            "translations": {"type": "array", "items": ref("Translation")},
        },
        required=[],
    ),
    "Rendition": {
        "description": "An image rendition. `error` alone when the original file cannot be read.",
        "oneOf": [
            obj(
                {
                    "url": URL,
                    "full_url": URL,
                    "width": {"type": "integer"},
                    "height": {"type": "integer"},
                    "alt": STRING,
                }
            ),
            obj({"error": {"const": "SourceImageIOError"}}),
        ],
    },
    "ListingMeta": obj({"total_count": {"type": "integer", "minimum": 0}}),
    # --- blocks of ContentPage.body (home.blocks.BodyStreamBlock) ---
    "HeadingBlock": obj(
        {
            "type": {"const": "heading"},
            "id": STRING,
            "value": obj({"text": STRING, "level": {"enum": ["h2", "h3"]}}),
        }
    ),
    "ParagraphBlock": obj(
        {
            "type": {"const": "paragraph"},
            "id": STRING,
            "value": {
                "type": "string",
                "description": "Rich text as HTML (or `?rich_text_format=`); links are absolute and point to "
                "pages in the page's own language.",
            },
        }
    ),
    "QuoteBlock": obj(
        {
            "type": {"const": "quote"},
            "id": STRING,
            "value": obj(
                {
                    "text": STRING,
                    "attribution": STRING,
                    "source": STRING,
                    "source_language": {"type": "string", "enum": ["", *[code for code, _name in settings.LANGUAGES]]},
                }
            ),
        }
    ),
    "ImageBlock": obj(
        {
            "type": {"const": "image"},
            "id": STRING,
            "value": obj(
                {
                    "image": nullable(ID),
                    "alt_text": STRING,
                    "caption": STRING,
                    "rendition": nullable(
                        obj({"url": URL, "width": {"type": "integer"}, "height": {"type": "integer"}})
                    ),
                }
            ),
        }
    ),
    "CallToActionBlock": obj(
        {
            "type": {"const": "call_to_action"},
            "id": STRING,
            "value": obj(
                {
                    "text": STRING,
                    "page": nullable(obj({"id": ID, "title": STRING, "url": nullable(URL)})),
                    "document": nullable(obj({"id": ID, "title": STRING, "url": STRING})),
                }
            ),
        }
    ),
    "ContentBody": {
        "type": "array",
        "items": {
            "oneOf": [
                ref("HeadingBlock"),
                ref("ParagraphBlock"),
                ref("QuoteBlock"),
                ref("ImageBlock"),
                ref("CallToActionBlock"),
            ]
        },
    },
    "Block": obj({"type": STRING, "id": STRING, "value": {}}),
    # --- the other endpoints ---
    "Image": obj(
        {
            "id": ID,
            "meta": obj(
                {"type": STRING, "detail_url": URL, "tags": {"type": "array", "items": STRING}, "download_url": STRING},
                required=["type"],
            ),
            "title": STRING,
            "width": {"type": "integer"},
            "height": {"type": "integer"},
            "rendition": ref("Rendition"),
        },
        required=[],
    ),
    "Document": obj(
        {
            "id": ID,
            "meta": obj(
                {"type": STRING, "detail_url": URL, "tags": {"type": "array", "items": STRING}, "download_url": URL},
                required=["type"],
            ),
            "title": STRING,
        },
        required=[],
    ),
    "ContactDetails": obj(
        {
            "id": ID,
            "meta": obj({"type": STRING, "detail_url": URL, "locale": ref("LanguageCode")}, required=["type"]),
            **{
                name: STRING
                for name in [
                    "organisation_name",
                    "secretary_title",
                    "secretary_name",
                    "office_title",
                    "office_name",
                    "street",
                    "postcode",
                    "city",
                    "building_note",
                    "phone",
                    "email",
                ]
            },
        },
        required=[],
    ),
    "LogoRendition": nullable(obj({"url": URL, "width": {"type": "integer"}, "height": {"type": "integer"}})),
    "Partner": obj(
        {
            "id": ID,
            "meta": obj(
                {"type": STRING, "detail_url": URL, "locale": ref("LanguageCode"), "html_url": nullable(URL)},
                required=["type"],
            ),
            "name": STRING,
            "short_name": STRING,
            "slug": STRING,
            "sector": {"enum": Sector.values},
            "sector_label": STRING,
            "social_economy_kind": {"enum": ["", *SocialEconomyKind.values]},
            "kind_label": STRING,
            "role": {"enum": Role.values},
            "role_label": STRING,
            "logo": nullable(obj({"alt": STRING, "small": ref("LogoRendition"), "large": ref("LogoRendition")})),
            "description": {"type": "string", "description": "Rich text as HTML with absolute links."},
            "website": STRING,
            "email": STRING,
            "phone": STRING,
            "street": STRING,
            "postcode": STRING,
            "city": STRING,
            "latitude": nullable({"type": "number", "minimum": -90, "maximum": 90}),
            "longitude": nullable({"type": "number", "minimum": -180, "maximum": 180}),
            "member_since": nullable(
                {
                    "type": "string",
                    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
                    "description": "YYYY, YYYY-MM or YYYY-MM-DD",
                }
            ),
            "member_since_precision": {"enum": DatePrecision.values},
            "is_active": {"type": "boolean"},
        },
        required=[],
    ),
    "Languages": obj(
        {
            "meta": obj({"total_count": {"type": "integer"}, "default": ref("LanguageCode")}),
            "items": {
                "type": "array",
                "items": obj(
                    {
                        "code": ref("LanguageCode"),
                        "name": STRING,
                        "name_local": STRING,
                        "is_default": {"type": "boolean"},
                        "home": nullable(ref("PageSummary")),
                    }
                ),
            },
        }
    ),
    "Navigation": obj(
        {
            "meta": obj({"locale": ref("LanguageCode"), "total_count": {"type": "integer"}}),
            "home": ref("PageSummary"),
            "items": {"type": "array", "items": ref("PageSummary")},
        }
    ),
}


# --- page types, from the models' api_fields ------------------------------------------------------------
def field_schema(model, api_field):
    """The JSON shape of one of a page type's ``api_fields``."""
    serializer = api_field.serializer
    if isinstance(serializer, AbsoluteImageRenditionField):
        return nullable(ref("Rendition"))
    if serializer is not None:
        return {"description": f"serialised by {type(serializer).__name__}"}
    try:
        field = model._meta.get_field(api_field.name)
    except Exception:  # noqa: BLE001  (a property or method exposed as a field)
        return {}
    if isinstance(field, wagtail_fields.StreamField):
        return (
            ref("ContentBody")
            if isinstance(field.stream_block, BodyStreamBlock)
            else {"type": "array", "items": ref("Block")}
        )
    if isinstance(field, models.ForeignKey):
        schema = obj({"id": ID, "meta": ref("ObjectMeta")}, additional=True)
    elif isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, models.IntegerField | models.AutoField):
        schema = {"type": "integer"}
    elif isinstance(field, models.DecimalField | models.FloatField):
        schema = {"type": ["number", "string"]}
    elif isinstance(field, models.DateTimeField):
        schema = DATETIME
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, models.URLField):
        schema = STRING
    elif isinstance(field, models.CharField | models.TextField | wagtail_fields.RichTextField):
        schema = STRING
    elif field.many_to_many or field.one_to_many:
        schema = {"type": "array"}
    else:
        schema = {}
    return nullable(schema) if getattr(field, "null", False) else schema


def page_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and not model._meta.abstract
    ]


def page_type_name(model):
    return f"{model._meta.app_label}.{model.__name__}"


def page_schemas():
    """One schema per page type (``<app>.<Model>Page``), the meta and title every page has, and its fields."""
    schemas = {}
    meta_names = set(PageSerializer._declared_fields) | {"type", "detail_url", "html_url", "slug", "locale"}
    meta_names |= {"show_in_menus", "seo_title", "search_description", "first_published_at", "alias_of"}
    for model in page_models():
        properties = {"id": ID, "meta": ref("PageMeta"), "title": STRING}
        for api_field in getattr(model, "api_fields", []):
            if api_field.name not in meta_names:
                properties[api_field.name] = field_schema(model, api_field)
        schemas[page_type_name(model).replace(".", "_")] = {
            "description": f"A page of type `{page_type_name(model)}`.",
            **obj(properties, required=[]),
        }
    return schemas


def page_schema():
    """A page in either listing or detail: the page type picks the shape by ``meta.type``."""
    variants = []
    for model in page_models():
        variants.append(
            {
                "if": {
                    "required": ["meta"],
                    "properties": {
                        "meta": {"required": ["type"], "properties": {"type": {"const": page_type_name(model)}}}
                    },
                },
                "then": ref(page_type_name(model).replace(".", "_")),
            }
        )
    base = obj({"id": ID, "meta": ref("PageMeta"), "title": STRING}, required=[], additional=True)
    return {"allOf": [base, *variants]}


# --- parameters and responses ---------------------------------------------------------------------------
def param(name, description, schema=STRING, required=False, where="query"):
    return {"name": name, "in": where, "required": required, "description": description, "schema": schema}


LIMIT = param("limit", "How many items (default 20).", {"type": "integer", "minimum": 0, "maximum": 100})
OFFSET = param("offset", "How many items to skip.", {"type": "integer", "minimum": 0, "maximum": 10_000})
FIELDS = param(
    "fields",
    "Fields to add or remove: `fields=intro,body`, `fields=*`, `fields=-title`, `fields=_,title`.",
)
ORDER = param("order", "Sort by a field, `-` for descending, comma-separated; or `random`.")
SEARCH = param("search", "Full-text search (at most 200 characters).", {"type": "string", "maxLength": 200})
SEARCH_OPERATOR = param("search_operator", "How search terms combine.", {"enum": ["and", "or"]})
LOCALE = param("locale", "Language of the content.", ref("LanguageCode"))
RICH_TEXT_FORMAT = param(
    "rich_text_format", "Rich text output (default `html`).", {"enum": ["html", "db_html", "markdown", "db_markdown"]}
)
ID_PATH = param("id", "The object's id.", ID, required=True, where="path")
ROOT_OR_ID = {"anyOf": [ID, {"const": "root"}]}

CACHE_HEADERS = {
    "ETag": {"description": "Changes whenever any published content changes.", "schema": STRING},
    "Last-Modified": {"description": "When the site's content last changed.", "schema": STRING},
    "Cache-Control": {"description": "`public, max-age=<API_CACHE_MAX_AGE>`.", "schema": STRING},
}


def json_response(description, schema, cached=True):
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    if cached:
        response["headers"] = CACHE_HEADERS
    return response


ERRORS = {
    "304": {"description": "Not modified: the `If-None-Match` ETag or `If-Modified-Since` date is current."},
    "400": json_response("A parameter is invalid; `message` says which and why.", ref("Error"), cached=False),
}
NOT_FOUND = {"404": json_response("No such (live, public) object.", ref("Error"), cached=False)}


def listing(schema):
    return obj({"meta": ref("ListingMeta"), "items": {"type": "array", "items": schema}})


def operation(summary, parameters, ok, tag, responses=None, description=None):
    result = {
        "summary": summary,
        "tags": [tag],
        "parameters": parameters,
        "responses": {"200": ok, **ERRORS, **(responses or {})},
    }
    if description:
        result["description"] = description
    return result


def model_endpoint(name, tag, item_schema, extra_parameters, summary):
    return {
        f"/api/v2/{name}/": {
            "get": operation(
                f"List {summary}",
                [*extra_parameters, FIELDS, ORDER, LIMIT, OFFSET],
                json_response(f"A page of {summary}.", listing(item_schema)),
                tag,
            )
        },
        f"/api/v2/{name}/{{id}}/": {
            "get": operation(
                f"One of the {summary}",
                [ID_PATH, FIELDS],
                json_response(f"One of the {summary}.", item_schema),
                tag,
                NOT_FOUND,
            )
        },
    }


def paths():
    page = ref("Page")
    result = {
        "/api/v2/pages/": {
            "get": operation(
                "List live, public pages",
                [
                    LOCALE,
                    param("type", "Page type(s), e.g. `home.StandardPage`; enables that type's fields.", STRING),
                    param("child_of", "Children of a page id, or `root`.", ROOT_OR_ID),
                    param("descendant_of", "Descendants of a page id, or `root`.", ROOT_OR_ID),
                    param("ancestor_of", "Ancestors of a page id.", ID),
                    param("translation_of", "Translations of a page id, or `root`.", ROOT_OR_ID),
                    param("show_in_menus", "Only pages shown (or not) in menus.", {"enum": ["true", "false"]}),
                    param("slug", "Only pages with this slug.", STRING),
                    param(
                        "when",
                        "With a dated type (`type=news.EventPage`): `upcoming` (soonest first) or `past`.",
                        {"enum": ["upcoming", "past"]},
                    ),
                    SEARCH,
                    SEARCH_OPERATOR,
                    FIELDS,
                    ORDER,
                    LIMIT,
                    OFFSET,
                    RICH_TEXT_FORMAT,
                ],
                json_response("Pages; each has `meta.translations`.", listing(page)),
                "pages",
            )
        },
        "/api/v2/pages/{id}/": {
            "get": operation(
                "One page with its fields",
                [ID_PATH, FIELDS, RICH_TEXT_FORMAT],
                json_response("The page: `meta.parent` and every field of its type.", page),
                "pages",
                NOT_FOUND,
            )
        },
        "/api/v2/pages/find/": {
            "get": operation(
                "Find a page by its address on the site",
                [
                    param("html_path", "The page's path, with or without its language prefix: `/en/about/`.", STRING),
                    param("id", "A page id.", ID),
                ],
                {"description": "Never: a found page answers 302."},
                "pages",
                {
                    "302": {
                        "description": "Redirect to the page's detail URL.",
                        "headers": {"Location": {"schema": URL}},
                    },
                    **NOT_FOUND,
                },
                description="`/en/…` finds the English page, `/pl/…` or a path without prefix the Polish one.",
            )
        },
        "/api/v2/languages/": {
            "get": operation(
                "The site's languages, each with its home page",
                [],
                json_response("Languages, the default (Polish) first.", ref("Languages")),
                "site",
            )
        },
        "/api/v2/navigation/": {
            "get": operation(
                "The main menu in one language",
                [LOCALE],
                json_response("The home page and the pages of the main menu.", ref("Navigation")),
                "site",
                NOT_FOUND,
            )
        },
        "/api/v2/schema/": {
            "get": {
                "summary": "This document",
                "tags": ["site"],
                "parameters": [],
                "responses": {
                    "200": {
                        "description": "OpenAPI 3.1",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    }
    result.update(model_endpoint("images", "media", ref("Image"), [SEARCH, SEARCH_OPERATOR], "images"))
    result.update(model_endpoint("documents", "media", ref("Document"), [SEARCH, SEARCH_OPERATOR], "documents"))
    result.update(model_endpoint("contact", "site", ref("ContactDetails"), [LOCALE], "contact details"))
    result.update(
        model_endpoint(
            "partners",
            "partners",
            ref("Partner"),
            [
                LOCALE,
                param("sector", "Only partners of one sector.", {"enum": Sector.values}),
                param("search", "Words of the name, short name or city, in any form.", SEARCH["schema"]),
                param("city", "Only partners in this city.", STRING),
                param("role", "Only partners with this role.", {"enum": Role.values}),
            ],
            "partners",
        )
    )
    return result


def build_schema(base_url=None):
    schemas = {**SCHEMAS, **page_schemas(), "Page": page_schema()}
    base_url = base_url or api_setting("WAGTAILAPI_BASE_URL", "")
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Lubelskie Partnerstwo – content API",
            "version": "2",
            "description": (
                "Read-only content of the Lublin Partnership for the Development of the Social Economy, in Polish "
                "and English. Every answer carries `ETag` and `Last-Modified`; send them back as `If-None-Match` or "
                "`If-Modified-Since` to get `304 Not Modified`. Invalid parameters answer 400 and unknown ids 404, "
                'both as `{"message": …}`. Cross-origin requests are allowed from the configured portal origins, '
                "without credentials."
            ),
        },
        "servers": [{"url": base_url}] if base_url else [],
        "tags": [
            {"name": "pages", "description": "Pages of the site in either language."},
            {"name": "media", "description": "Images and documents."},
            {"name": "partners", "description": "The partnership's members, live and active, per language."},
            {"name": "site", "description": "Languages, navigation, contact details and this document."},
        ],
        "paths": paths(),
        "components": {"schemas": schemas},
    }


class OpenAPISchemaViewSet(SingleResourceAPIViewSet):
    name = "schema"

    def get_resource(self, request):
        return build_schema()
