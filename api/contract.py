"""What every endpoint of the content API shares, inherited explicitly by each viewset.

Strict parameters (every query parameter is declared, with its schema, by the
viewset or one of its filters: anything else, or a value that does not fit, answers 400), one error shape
``{"message": …}`` for 400 and 404, and rich text rendered in the object's own language with absolute links.
Anonymous answers (a visitor's session never shows a private page to a public cache) and ``ETag``/``Last-Modified``
with 304s come from ``cms.caching.api``, a middleware for every GET under /api/.
"""

import re

from rest_framework.exceptions import MethodNotAllowed, NotAcceptable
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.urls import path, re_path

from taggit.managers import TaggableManager
from wagtail.api.v2.utils import BadRequestError
from wagtail.images.api.fields import ImageRenditionField

from .fields import AbsoluteImageRenditionField, localized_serializer
from .parameters import CACHE_BUSTER, FORMAT, ID, LIMIT, OFFSET, QueryParameter


def field_names_pattern(names):
    """A pattern of ``?fields=``: ``*`` or ``_`` first, then names, each maybe negated or with nested fields."""
    name = r"-?(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?:\(.*\))?"
    return rf"^(?:[*_]|{name})(?:,{name})*$"


def order_pattern(names):
    name = r"-?(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")"
    return rf"^(?:random|{name}(?:,{name})*)$"


class ContentAPIMixin:
    """The contract; see the module's docstring. Put it first among a viewset's bases."""

    #: Parameters whose answer changes with the clock, not only with the content: ``cms.caching.api`` lets their
    #: validators expire.
    time_dependent_parameters = frozenset(["when"])

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    #: Parameters of every operation of this endpoint besides ``fields`` and the filters' own.
    common_parameters = (FORMAT, CACHE_BUSTER)
    #: Parameters of the listing besides ``order`` and the filters' own.
    listing_parameters = (LIMIT, OFFSET)
    #: Parameters of the detail view (and of ``find``, which passes them on to the detail view).
    detail_parameters = ()
    #: Parameters that find an object (``find/``).
    find_parameters = (QueryParameter("id", "The object's id.", ID),)

    # --- declared parameters -------------------------------------------------------------------------
    @classmethod
    def models(cls):
        """The models this endpoint serves (pages: every page type)."""
        return [cls.model]

    @classmethod
    def field_names(cls, model=None, db_fields_only=False):
        names = []
        for each in [model] if model else cls.models():
            names += [n for n in cls.get_available_fields(each, db_fields_only=db_fields_only) if n not in names]
        return names

    @classmethod
    def fields_parameter(cls, model=None):
        names = cls.field_names(model)
        return QueryParameter(
            "fields",
            "Fields to add or remove: `fields=a,b`, `fields=*`, `fields=-a`, `fields=_,a`. Names: "
            + ", ".join(f"`{name}`" for name in names)
            + ".",
            {"type": "string", "pattern": field_names_pattern(names)},
        )

    @classmethod
    def order_parameter(cls, model=None):
        names = cls.field_names(model, db_fields_only=True)
        return QueryParameter(
            "order",
            "Sort by fields, `-` for descending, comma-separated; or `random`.",
            {"type": "string", "pattern": order_pattern(names)},
        )

    @classmethod
    def query_parameters(cls, operation, model=None):
        """The query parameters ``operation`` ("listing", "detail" or "find") understands, for ``model`` (every
        model of the endpoint if None)."""
        parameters = [*cls.common_parameters, cls.fields_parameter(model)]
        if operation == "listing":
            parameters += [*cls.listing_parameters, cls.order_parameter(model)]
            for backend in cls.filter_backends:
                parameters += backend.query_parameters(cls, model) if hasattr(backend, "query_parameters") else []
        else:
            parameters += cls.detail_parameters
        if operation == "find":
            parameters += cls.find_parameters
        unique = {}
        for parameter in parameters:
            unique.setdefault(parameter.name, parameter)
        return list(unique.values())

    def operation(self):
        return {"listing_view": "listing", "find_view": "find"}.get(getattr(self, "action", None), "detail")

    def check_parameters(self, params, parameters):
        declared = {parameter.name: parameter for parameter in parameters}
        unknown = set(params) - set(declared)
        if unknown:
            raise BadRequestError(
                "query parameter is not an operation or a recognised field: " + ", ".join(sorted(unknown))
            )
        for name, value in params.items():
            declared[name].check(value)

    # --- strict parameters ---------------------------------------------------------------------------
    def initial(self, request, *args, **kwargs):
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError("query parameters must not contain null characters")
            if len(values) > 1:
                raise BadRequestError(f"{name} must be given once")
        operation = self.operation()
        if operation != "listing":
            self.check_parameters(request.GET, self.query_parameters(operation))
        super().initial(request, *args, **kwargs)

    def check_query_parameters(self, queryset):
        # The listing's parameters, for the model ``?type=`` chose (Wagtail calls this before filtering).
        self.check_parameters(self.request.GET, self.query_parameters("listing", queryset.model))

    def handle_exception(self, exc):
        # One error shape, in English whatever the Accept-Language (DRF words 405 and 406 in the request's language).
        if isinstance(exc, Http404):
            return Response({"message": str(exc) or "not found"}, status=404)
        if isinstance(exc, BadRequestError):
            return Response({"message": str(exc)}, status=400)
        if isinstance(exc, MethodNotAllowed):
            message = f"{self.request.method} is not allowed: the content API is read-only"
            return Response({"message": message}, status=405, headers={"Allow": ", ".join(self.allowed_methods)})
        if isinstance(exc, NotAcceptable):
            return Response({"message": "the content API answers application/json only"}, status=406)
        return super().handle_exception(exc)

    def invalid_id_view(self, request, pk):
        raise BadRequestError("id must be a positive integer")

    @classmethod
    def get_urlpatterns(cls):
        return super().get_urlpatterns() + [
            re_path(r"^(?P<pk>[^/]+)/$", cls.as_view({"get": "invalid_id_view"}), name="invalid_id"),
        ]

    # --- serialisation -------------------------------------------------------------------------------
    def get_renderer_context(self):
        # Compact JSON: Wagtail asks for an indent of 4, which takes Python's JSON encoder off its C path
        # (several times slower on a listing) and adds a fifth to the answer's size; the data is the same.
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    def get_queryset(self):
        queryset = super().get_queryset()
        try:
            tags = queryset.model._meta.get_field("tags")
        except FieldDoesNotExist:
            return queryset
        # Every listed object's tags in one query (the stock field asks once per object).
        return queryset.prefetch_related("tags") if isinstance(tags, TaggableManager) else queryset

    @classmethod
    def get_field_serializer_overrides(cls, model):
        # Models declare images with Wagtail's ImageRenditionField: the API gives their URLs absolute.
        return {
            name: AbsoluteImageRenditionField.replacing(field) if type(field) is ImageRenditionField else field
            for name, field in super().get_field_serializer_overrides(model).items()
        }

    @classmethod
    def _get_serializer_class(cls, *args, **kwargs):
        return localized_serializer(super()._get_serializer_class(*args, **kwargs))


class NotAModel:
    """The ``model`` of endpoints that serve no single model: the router never matches an object to them."""


class SingleResourceAPIViewSet(ContentAPIMixin, GenericViewSet):
    """An endpoint answering one JSON document at its root (navigation, languages, schema)."""

    model = NotAModel
    #: The parameters of its one operation.
    resource_parameters = ()
    filter_backends = []

    @classmethod
    def query_parameters(cls, operation="detail", model=None):
        return [*cls.common_parameters, *cls.resource_parameters]

    def resource_view(self, request):
        return Response(self.get_resource(request))

    def get_resource(self, request):
        raise NotImplementedError

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "resource_view"}), name="listing")]
