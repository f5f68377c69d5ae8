"""The OpenAPI 3.1 document of /api/v2/, derived from what the endpoints and models declare.

Written here because no maintained generator understands Wagtail's v2 viewsets: they build a serializer class
per request from ``?type=``/``?fields=`` and read their parameters in filters, where drf-spectacular expects static
serializers and DRF routers. Each endpoint's parameters are the ones it checks (``ContentAPIMixin.query_parameters``);
its fields are the serializer fields Wagtail builds from the models' ``api_fields``, typed from the model fields,
the serializer fields and their return annotations; limits and the server come from settings at call time.
"""

import datetime
import types
import typing
from decimal import Decimal

import typing_extensions
from rest_framework import fields as drf_fields
from rest_framework import serializers

from django import forms
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.urls import reverse
from django.utils import translation

from wagtail import blocks
from wagtail.api.v2 import serializers as wagtail_serializers
from wagtail.documents.api.v2.serializers import DocumentDownloadUrlField
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.serializers import ImageDownloadUrlField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from .contract import SingleResourceAPIViewSet
from .fields import AbsoluteLinksRichTextField, AbsoluteLinksStreamField
from .newsletter_urls import app_name as newsletter_namespace
from .newsletter_urls import urlpatterns as newsletter_urlpatterns
from .pages import PageDetailUrlField, PageFullUrlField, PageTranslationsField, page_type_name

REF = "#/components/schemas/"

STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
ID = {"type": "integer", "minimum": 1}


def ref(name):
    return {"$ref": REF + name}


def nullable(schema):
    if not schema or {"type": "null"} in schema.get("anyOf", ()):
        return schema
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties, required=(), additional=False):
    return {"type": "object", "properties": properties, "required": list(required), "additionalProperties": additional}


def language_code():
    return {"enum": [code for code, _name in settings.LANGUAGES]}


# --- shapes read from Python annotations (TypedDicts, Literals, unions) -------------------------------------
PRIMITIVES = {
    str: STRING,
    int: {"type": "integer"},
    float: {"type": "number"},
    Decimal: {"type": "number"},
    bool: {"type": "boolean"},
    datetime.date: {"type": "string", "format": "date"},
    datetime.datetime: {"type": "string", "format": "date-time"},
}


def annotation_schema(annotation):
    """The JSON schema of a type annotation, or ``{}`` (anything) when it says nothing we can read."""
    if annotation in PRIMITIVES:
        return PRIMITIVES[annotation]
    if annotation is type(None):
        return {"type": "null"}
    origin = typing.get_origin(annotation)
    if origin in (typing.Literal, typing_extensions.Literal):
        return {"enum": list(typing.get_args(annotation))}
    if origin in (typing.Union, types.UnionType):
        return {"anyOf": [annotation_schema(arg) for arg in typing.get_args(annotation)]}
    if origin is list:
        (item,) = typing.get_args(annotation) or (None,)
        return {"type": "array", "items": annotation_schema(item)}
    if typing_extensions.is_typeddict(annotation):
        hints = typing_extensions.get_type_hints(annotation)
        return obj({name: annotation_schema(hint) for name, hint in hints.items()}, required=hints)
    return {}


def return_schema(function):
    try:
        hints = typing.get_type_hints(function)
    except (NameError, TypeError):
        return {}
    return annotation_schema(hints["return"]) if "return" in hints else {}


# --- blocks --------------------------------------------------------------------------------------------------
def overrides_api_representation(block):
    own = type(block).get_api_representation
    return not any(own is getattr(base, "get_api_representation", None) for base in type(block).__mro__[1:2])


def block_schema(block, components):
    """The JSON shape of a block's API value (a block with its own ``get_api_representation``: an object or any)."""
    if isinstance(block, blocks.BaseStreamBlock):
        name = type(block).__name__
        if name not in components:
            components[name] = None  # recursion guard
            components[name] = {
                "type": "array",
                "items": {
                    "oneOf": [
                        obj({"type": {"const": child_name}, "id": STRING, "value": block_schema(child, components)})
                        for child_name, child in block.child_blocks.items()
                    ]
                },
            }
        return ref(name)
    if isinstance(block, blocks.BaseStructBlock):
        if overrides_api_representation(block):
            return {"type": "object", "description": f"see `{type(block).__name__}.get_api_representation`"}
        children = {name: block_schema(child, components) for name, child in block.child_blocks.items()}
        return obj(children, required=children)
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block, components)}
    if isinstance(block, blocks.ChoiceBlock):
        return {
            "enum": [
                *([] if block.required else [""]),
                *(str(value) for value, _label in block.field.choices if value != ""),
            ]
        }
    if isinstance(block, ImageChooserBlock | DocumentChooserBlock | blocks.PageChooserBlock):
        return nullable(ID)
    if isinstance(block, blocks.BooleanBlock):
        return {"type": "boolean"}
    if isinstance(block, blocks.IntegerBlock):
        return {"type": "integer"}
    if isinstance(block, blocks.FloatBlock | blocks.DecimalBlock):
        return {"type": "number"}
    if isinstance(block, blocks.DateBlock):
        return nullable({"type": "string", "format": "date"})
    if isinstance(block, blocks.FieldBlock | blocks.RichTextBlock):
        return STRING
    return {}


# --- serializer fields -------------------------------------------------------------------------------------
def model_field(model, source):
    try:
        return model._meta.get_field(source) if model is not None and source else None
    except FieldDoesNotExist:
        return None


def serializer_field_schema(field, model, components):
    """The JSON shape of one serializer field of ``model``'s serializer, nullable when its column is."""
    column = model_field(model, field.source if field.source != "*" else None)
    schema = _serializer_field_schema(field, model, column, components)
    if schema and (field.allow_null or getattr(column, "null", False)):
        return nullable(schema)
    return schema


def _serializer_field_schema(field, model, column, components):
    if isinstance(field, serializers.ListSerializer):
        return {"type": "array", "items": _serializer_field_schema(field.child, None, None, components)}
    if isinstance(field, serializers.Serializer) and not isinstance(field, wagtail_serializers.BaseSerializer):
        return obj({name: serializer_field_schema(child, None, components) for name, child in field.fields.items()})
    if isinstance(field, ImageRenditionField):
        components.setdefault("Rendition", return_schema(ImageRenditionField.to_representation))
        return ref("Rendition")
    if isinstance(field, AbsoluteLinksStreamField | wagtail_serializers.StreamField):
        return block_schema(column.stream_block, components) if column is not None else {"type": "array"}
    if isinstance(field, AbsoluteLinksRichTextField | wagtail_serializers.RichTextFieldSerializer):
        return {"type": "string", "description": "Rich text (`rich_text_format`), links absolute."}
    if isinstance(field, PageTranslationsField):
        return {"type": "array", "items": ref("Translation")}
    if isinstance(field, PageFullUrlField | wagtail_serializers.PageHtmlUrlField):
        return nullable(URL)
    if isinstance(field, PageDetailUrlField | wagtail_serializers.DetailUrlField):
        return URL
    if isinstance(field, ImageDownloadUrlField):
        return STRING
    if isinstance(field, DocumentDownloadUrlField):
        return URL
    if isinstance(field, wagtail_serializers.TypeField | wagtail_serializers.PageTypeField):
        return {"const": f"{model._meta.app_label}.{model.__name__}"} if model is not None else STRING
    if isinstance(field, wagtail_serializers.PageLocaleField):
        return ref("LanguageCode")
    if isinstance(field, wagtail_serializers.PageParentField | wagtail_serializers.PageAliasOfField):
        return nullable(ref("PageReference"))
    if isinstance(field, wagtail_serializers.TagsField):
        return {"type": "array", "items": STRING}
    if isinstance(field, wagtail_serializers.ChildRelationField):
        return {"type": "array"}
    if isinstance(field, wagtail_serializers.RelatedField):
        return obj(
            {"id": ID, "meta": obj({"type": STRING, "detail_url": URL}, ["type"], additional=True)}, ["id"], True
        )
    if isinstance(field, serializers.SerializerMethodField):
        return return_schema(getattr(field.parent, field.method_name))
    if isinstance(field, drf_fields.ChoiceField):
        choices = [*field.choices]
        return {"enum": [*([""] if field.allow_blank and "" not in choices else []), *choices]}
    if isinstance(field, drf_fields.BooleanField):
        return {"type": "boolean"}
    if isinstance(field, drf_fields.IntegerField):
        return {"type": "integer"}
    if isinstance(field, drf_fields.DecimalField):
        return (
            {"type": "number"} if field.coerce_to_string is False else {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}
        )
    if isinstance(field, drf_fields.FloatField):
        return {"type": "number"}
    if isinstance(field, drf_fields.DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, drf_fields.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, drf_fields.CharField):
        return STRING
    if isinstance(field, drf_fields.ReadOnlyField):
        attribute = getattr(model, field.source, None) if model is not None else None
        return return_schema(attribute.fget) if isinstance(attribute, property) else {}
    return return_schema(type(field).to_representation)


def object_schema(endpoint, router, model, components):
    """An object of ``model`` as ``endpoint`` gives it with every field (``?fields=*`` on the detail view)."""
    serializer = endpoint._get_serializer_class(router, model, [("*", False, None)], show_details=True)()
    meta_names = set(endpoint.get_meta_fields_names(model))
    properties, meta = {}, {}
    for name, field in serializer.fields.items():
        (meta if name in meta_names else properties)[name] = serializer_field_schema(field, model, components)
    properties.pop("id", None)
    return obj({"id": ID, "meta": obj(meta), **properties})


# --- operations ----------------------------------------------------------------------------------------------
CACHE_HEADERS = {
    "ETag": {"description": "Changes whenever published content changes.", "schema": STRING},
    "Last-Modified": {"description": "When the site's content last changed.", "schema": STRING},
    "Cache-Control": {"description": "`public, max-age=<API_CACHE_MAX_AGE>`.", "schema": STRING},
}


def json_response(description, schema, cached=True):
    response = {"description": description, "content": {"application/json": {"schema": schema}}}
    if cached:
        response["headers"] = CACHE_HEADERS
    return response


NO_STORE = {"Cache-Control": {"description": "`no-store`.", "schema": {"const": "no-store"}}}
RETRY_AFTER = {"Retry-After": {"description": "Seconds to wait before trying again.", "schema": ID, "required": True}}


def error(description, headers=None):
    response = json_response(description, ref("Error"), cached=False)
    response["headers"] = headers or NO_STORE
    return response


NOT_MODIFIED = {
    "304": {
        "description": "Not modified: the `If-None-Match` ETag or the `If-Modified-Since` date (not in the future) "
        "is current.",
        "headers": CACHE_HEADERS,
    }
}
BAD_REQUEST = {"400": error("A parameter is unknown or invalid; `message` says which and why.")}
NOT_FOUND = {
    "404": error(
        "No such live, public object (or site, or language version). Cached like a 200.",
        {"Cache-Control": CACHE_HEADERS["Cache-Control"]},
    )
}
#: What any address of the API may answer besides its own statuses.
EVERY_OPERATION = {
    "405": error(
        "The method is not one this address answers (see `Allow`).",
        {**NO_STORE, "Allow": {"description": "The methods it answers.", "schema": STRING, "required": True}},
    ),
    "406": error("The `Accept` header admits no JSON: the API answers `application/json` only."),
    "503": error("The service is briefly unavailable (the database cannot be reached).", {**NO_STORE, **RETRY_AFTER}),
}
#: A read's statuses (every GET of the content API).
READ_ERRORS = {**NOT_MODIFIED, **BAD_REQUEST, **EVERY_OPERATION}


def operation(endpoint, kind, summary, ok, tag, extra_responses=None):
    path_parameters = []
    if kind == "detail":
        path_parameters = [{"name": "id", "in": "path", "required": True, "description": "The id.", "schema": ID}]
    return {
        "operationId": f"{tag}_{kind}",
        "summary": summary,
        "tags": [tag],
        "parameters": [*path_parameters, *(parameter.openapi() for parameter in endpoint.documented_parameters(kind))],
        "responses": {"200": ok, **READ_ERRORS, **(extra_responses or {})},
    }


def listing(schema):
    return obj(
        {"meta": obj({"total_count": {"type": "integer", "minimum": 0}}), "items": {"type": "array", "items": schema}}
    )


def pages_item_schema(endpoint, router, components):
    """A page in a listing or detail: its type (``meta.type``) picks the shape."""
    variants = []
    for model in endpoint.models():
        if model is Page:
            continue
        name = page_type_name(model).replace(".", "_")
        components[name] = {"description": f"A page of type `{page_type_name(model)}`."} | object_schema(
            endpoint, router, model, components
        )
        condition = {
            "properties": {"meta": {"properties": {"type": {"const": page_type_name(model)}}, "required": ["type"]}}
        }
        variants.append({"if": {"required": ["meta"], **condition}, "then": ref(name)})
    base = object_schema(endpoint, router, Page, components)
    base["additionalProperties"] = True
    base["properties"]["meta"]["additionalProperties"] = True
    base["properties"]["meta"]["properties"]["type"] = {
        "enum": [page_type_name(m) for m in endpoint.models() if m is not Page]
    }
    components["Page"] = {"allOf": [base, *variants]}
    return ref("Page")


def endpoint_paths(name, endpoint, router, components):
    prefix = f"/api/v2/{name}/"
    if issubclass(endpoint, SingleResourceAPIViewSet):
        schema = endpoint.resource_schema() if hasattr(endpoint, "resource_schema") else {"type": "object"}
        responses = NOT_FOUND if getattr(endpoint, "may_be_missing", False) else {}
        summary = (endpoint.__doc__ or name).strip().splitlines()[0]
        return {
            prefix: {"get": operation(endpoint, "resource", summary, json_response(summary, schema), name, responses)}
        }
    if name == "pages":
        item = pages_item_schema(endpoint, router, components)
    else:
        component = endpoint.model.__name__
        components[component] = object_schema(endpoint, router, endpoint.model, components)
        item = ref(component)
    listed = json_response(f"A page of {name}.", listing(item))
    # Each listed object's detail: the links a client (and schemathesis' stateful tests) follows.
    listed["links"] = {
        f"item{position}": {
            "operationId": f"{name}_detail",
            "parameters": {"id": f"$response.body#/items/{position}/id"},
        }
        for position in range(3)
    }
    documented = {parameter.name for parameter in endpoint.documented_parameters("listing")}
    result = {
        prefix: {
            "get": operation(
                endpoint, "listing", f"List {name}", listed, name, NOT_FOUND if "site" in documented else None
            )
        },
        prefix + "{id}/": {
            "get": operation(
                endpoint, "detail", f"One of the {name}", json_response(f"One of the {name}.", item), name, NOT_FOUND
            )
        },
    }
    if endpoint.find_parameters:
        result[prefix + "find/"] = {
            "get": operation(
                endpoint,
                "find",
                f"Find one of the {name}",
                {"description": "Never: a found object answers 302."},
                name,
                {
                    "302": {
                        "description": "Redirect to its detail URL.",
                        "headers": {"Location": {"schema": URL, "required": True}},
                    },
                    **NOT_FOUND,
                },
            )
        }
    return result


# --- the newsletter's views (plain DRF views beside the router) ----------------------------------------------
def form_field_schema(field):
    if isinstance(field, forms.EmailField):
        schema = {"type": "string", "format": "email"}
    elif isinstance(field, forms.ChoiceField):
        schema = {"enum": [str(value) for value, _label in field.choices]}
    elif isinstance(field, forms.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, forms.IntegerField):
        schema = {"type": "integer"} | ({"minimum": field.min_value} if field.min_value is not None else {})
    else:
        schema = {"type": "string"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    return {**schema, "description": str(field.label)} if field.label else schema


def form_schema(view):
    """The JSON body a view's form takes, under the body's names (``body_names``); nothing else is accepted."""
    fields = view.request_form.base_fields
    properties = {view.body_names.get(name, name): form_field_schema(field) for name, field in fields.items()}
    if "consent" in properties:
        # The form takes JSON ``true`` only ("yes", 1 or false are no consent).
        properties["consent"] = {"const": True, "description": properties["consent"].get("description", "")}
    return obj(properties, [view.body_names.get(name, name) for name, field in fields.items() if field.required])


def newsletter_paths():
    """Each newsletter view at the address its URL name reverses to, with what it declares."""
    paths = {}
    for pattern in newsletter_urlpatterns:
        view = pattern.callback.view_class
        summary = view.summary
        operations = {}
        for method in ("get", "post"):
            if not hasattr(view, method):
                continue
            cached = method == "get"
            responses = {
                str(status): json_response(summary if status < 300 else "See `message`.", schema, cached=cached)
                for status, schema in view.response_schemas.items()
            }
            for status, response in responses.items():
                if status == "429":
                    response["headers"] = {**NO_STORE, **RETRY_AFTER}
                elif status >= "400":
                    response["headers"] = NOT_FOUND["404"]["headers"] if status == "404" else NO_STORE
            extra = {**EVERY_OPERATION}
            if cached:
                extra.update(NOT_MODIFIED)
            else:
                extra["415"] = error("The body is not `application/json`.")
            operation = {
                "operationId": f"newsletter_{pattern.name}",
                "summary": summary,
                "tags": ["newsletter"],
                "parameters": [parameter.openapi() for parameter in view.query_parameters],
                "responses": {**extra, **responses},
            }
            if view.request_form is not None:
                operation["requestBody"] = {
                    "required": True,
                    "content": {"application/json": {"schema": form_schema(view)}},
                }
            operations[method] = operation
        paths[reverse(f"{newsletter_namespace}:{pattern.name}")] = operations
    return paths


SHARED_COMPONENTS = {
    "Error": obj({"message": STRING}, ["message"]),
    "FieldErrors": obj(
        {"message": STRING, "errors": {"type": "object", "additionalProperties": {"type": "array", "items": STRING}}},
        ["message", "errors"],
    ),
    "PageReference": obj(
        {"id": ID, "meta": obj({"type": STRING, "detail_url": URL, "html_url": nullable(URL)}), "title": STRING}
    ),
    "Translation": obj(
        {"id": ID, "locale": ref("LanguageCode"), "title": STRING, "html_url": nullable(URL), "detail_url": URL}
    ),
    "PageSummary": obj({"id": ID, "title": STRING, "html_url": nullable(URL), "detail_url": URL}),
}


def build_schema(router):
    """The OpenAPI document of every endpoint ``router`` registered and of the newsletter's views, in English."""
    with translation.override("en"):
        return _build_schema(router)


def _build_schema(router):
    components = {**SHARED_COMPONENTS, "LanguageCode": language_code()}
    paths = {}
    for name, endpoint in router.endpoints.items():
        paths.update(endpoint_paths(name, endpoint, router, components))
    paths.update(newsletter_paths())
    base_url = settings.WAGTAILAPI_BASE_URL
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Lubelskie Partnerstwo – content API",
            "version": "2",
            "description": (
                "Read-only content of the Lublin Partnership for the Development of the Social Economy, in Polish "
                "and English. Every answer carries `ETag` and `Last-Modified`; send them back as `If-None-Match` or "
                "`If-Modified-Since` to get `304 Not Modified`. Unknown or invalid parameters answer 400 and unknown "
                'ids 404, both as `{"message": …}`. Cross-origin requests are allowed from the configured portal '
                "origins, without credentials."
            ),
        },
        "servers": [{"url": base_url}] if base_url else [],
        "tags": [{"name": name} for name in [*router.endpoints, "newsletter"]],
        "paths": paths,
        "components": {"schemas": components},
    }


class OpenAPISchemaViewSet(SingleResourceAPIViewSet):
    """This document (OpenAPI 3.1)"""

    name = "schema"

    def content_language(self, response):
        return "en" if response.status_code < 400 else super().content_language(response)

    def get_resource(self, request):
        return build_schema(request.wagtailapi_router)
