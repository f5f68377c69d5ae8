"""What every endpoint of the content API shares, inherited explicitly by each viewset.

Strict parameters (every query parameter is declared, with its schema, by the
viewset or one of its filters: anything else, or a value that does not fit, answers 400), one error shape
``{"message": …}`` for 400 and 404, and rich text rendered in the object's own language with absolute links.
Anonymous answers (a visitor's session never shows a private page to a public cache) and ``ETag``/``Last-Modified``
with 304s come from ``cms.caching.api``, a middleware for every GET under /api/.
"""

import re
from functools import cache

from rest_framework.exceptions import APIException, MethodNotAllowed, NotAcceptable
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db.models import QuerySet
from django.http import Http404
from django.urls import path, re_path
from django.utils import translation
from django.utils.translation import gettext as _

from taggit.managers import TaggableManager
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError
from wagtail.images.api.fields import ImageRenditionField

from home.content_events import cached_for_content
from home.languages import language_codes

from .errors import NotFound, api_language, error_body
from .fields import AbsoluteImageRenditionField, localized_serializer
from .parameters import CACHE_BUSTER, FORMAT, ID, LIMIT, OFFSET, QueryParameter


def field_names_pattern(names, nested=False):
    """A pattern of ``?fields=`` as Wagtail parses it: ``*`` then names to remove, ``_`` then names to add, or
    names to add or remove; with ``nested``, a name may carry its related object's fields, ``parent(title)``."""
    name = "(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")"
    if not nested:
        return rf"^(?:\*(?:,-{name})*|_(?:,{name})*|-?{name}(?:,-?{name})*)$"
    added = name + r"(?:\(.*\))?"
    return rf"^(?:\*(?:,-{name}|,{added})*|_(?:,{added})*|-?{added}(?:,-?{added})*)$"


def order_pattern(names):
    name = r"-?(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")"
    return rf"^(?:random|{name}(?:,{name})*)$"


class _KnownCount:
    """A queryset whose count is known: what ``WagtailPagination`` reads of it (its count, one slice)."""

    def __init__(self, queryset, count):
        self.queryset, self.total = queryset, count

    def count(self):
        return self.total

    def __getitem__(self, key):
        return self.queryset[key]


class KeptCountPagination(WagtailPagination):
    """Wagtail's pagination, with a listing's ``meta.total_count`` kept per content version
    (``home.content_events.cached_for_content``): the count visits every matching object (2 ms of SQL for the
    pages at 10,000, a fifth of a listing's time), while the page of items is a short indexed read. Not kept for
    answers that change with the clock (``time_dependent_parameters``) nor for searches (their results are kept
    by the search index)."""

    def paginate_queryset(self, queryset, request, view=None):
        clock_bound = view is not None and view.time_dependent_parameters & set(request.GET)
        if isinstance(queryset, QuerySet) and not clock_bound:
            try:
                sql = str(queryset.query)
            except EmptyResultSet:
                sql = None
            if sql is not None:
                count = cached_for_content(request, "api-count", (type(view).__name__, sql), queryset.count)
                queryset = _KnownCount(queryset, count)
        return super().paginate_queryset(queryset, request, view)


class ContentAPIMixin:
    """The contract; see the module's docstring. Put it first among a viewset's bases."""

    #: Parameters whose answer changes with the clock, not only with the content: ``cms.caching.api`` lets their
    #: validators expire.
    time_dependent_parameters = frozenset(["when"])

    authentication_classes = []
    permission_classes = [AllowAny]
    pagination_class = KeptCountPagination
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
    def fields_parameter(cls, model=None, operation="detail"):
        names = cls.field_names(model)
        if operation == "listing":
            names = [name for name in names if name not in cls.detail_only_fields]
        return QueryParameter(
            "fields",
            "Fields to add or remove: `fields=a,b`, `fields=*`, `fields=-a`, `fields=_,a`. Names: "
            + ", ".join(f"`{name}`" for name in names)
            + ".",
            {"type": "string", "pattern": field_names_pattern(names)},
            # Nested fields of a related object are checked by Wagtail, which knows the related model; the
            # document shows the form that is valid whatever the object.
            checked_schema={"type": "string", "pattern": field_names_pattern(names, nested=True)},
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
    @cache
    def query_parameters(cls, operation, model=None):
        """The query parameters ``operation`` ("listing", "detail" or "find") understands, for ``model`` (every
        model of the endpoint if None). Built once per endpoint, operation and model: they follow from the code
        alone (the models' API fields, the filters' declarations; limits that come from settings are read when a
        value is checked), and every request is checked against them."""
        parameters = [*cls.common_parameters, cls.fields_parameter(model, operation)]
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
        return tuple(unique.values())

    @classmethod
    def documented_parameters(cls, operation):
        """What the OpenAPI document lists for ``operation``: the parameters valid on every request. On pages these
        are the base Page's; a page type's own fields join ``fields``, ``order`` and the filters when ``?type=``
        names that one type (the listing) or the page is of that type (the detail), as the document says."""
        return cls.query_parameters(operation, cls.model if operation in ("listing", "detail") else None)

    def operation(self):
        return {"listing_view": "listing", "find_view": "find"}.get(getattr(self, "action", None), "detail")

    def check_parameters(self, params, parameters):
        declared = {parameter.name: parameter for parameter in parameters}
        unknown = set(params) - set(declared)
        if unknown:
            raise BadRequestError(
                _("Unknown query parameter: %(names)s (see /api/v2/schema/).") % {"names": ", ".join(sorted(unknown))}
            )
        for name, value in params.items():
            declared[name].check(value)

    # --- strict parameters ---------------------------------------------------------------------------
    def dispatch(self, request, *args, **kwargs):
        # Messages in the request's ``?locale=`` language or English (api.errors); the answer says its language.
        with translation.override(api_language(request)):
            response = super().dispatch(request, *args, **kwargs)
            response["Content-Language"] = self.content_language(response)
        return response

    def content_language(self, response):
        """An error's language is its message's; content's is its own: the object's locale (detail), the
        ``locale`` filter (listing), or every language of the site for content in several or none."""
        if response.status_code >= 400:
            return translation.get_language()
        locale = getattr(getattr(self, "_cached_object", None), "locale", None)
        if locale is not None:
            return locale.language_code
        if self.request.GET.get("locale") in language_codes():
            return self.request.GET["locale"]
        return ", ".join(language_codes())

    def initial(self, request, *args, **kwargs):
        if getattr(self, request.method.lower(), None) is None:
            # A method the endpoint does not answer is a 405 whatever its parameters (DRF raises it next).
            return super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise BadRequestError(_("Query parameters must not contain null characters."))
            if len(values) > 1:
                raise BadRequestError(_("%(name)s must be given once.") % {"name": name})
        operation = self.operation()
        # The common parameters first: DRF reads ``format`` while negotiating, before any view code.
        for parameter in self.common_parameters:
            if parameter.name in request.GET:
                parameter.check(request.GET[parameter.name])
        if operation != "listing":
            self.check_parameters(request.GET, self.query_parameters(operation))
        super().initial(request, *args, **kwargs)

    def check_query_parameters(self, queryset):
        # The listing's parameters, for the model ``?type=`` chose (Wagtail calls this before filtering).
        self.check_parameters(self.request.GET, self.query_parameters("listing", queryset.model))

    def handle_exception(self, exc):
        return api_exception_response(self, exc) or super().handle_exception(exc)

    def invalid_id_view(self, request, pk):
        raise BadRequestError(_("The id must be a positive integer."))

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


def api_exception_response(view, exc):
    """The one error shape (api.errors) for what a DRF view of the API raises, or None for anything else."""
    if isinstance(exc, Http404):
        # Wagtail's and DRF's 404s carry Django's English wording ("No Page matches the given query.").
        message = str(exc) if isinstance(exc, NotFound) else _("There is no such object, or it is not public.")
        return Response(error_body(message), status=404)
    if isinstance(exc, BadRequestError):
        return Response(error_body(exc), status=400)
    if isinstance(exc, MethodNotAllowed):
        message = _("%(method)s is not allowed here: this address answers %(allowed)s.") % {
            "method": view.request.method,
            "allowed": ", ".join(view.allowed_methods),
        }
        return Response(error_body(message), status=405, headers={"Allow": ", ".join(view.allowed_methods)})
    if isinstance(exc, NotAcceptable):
        return Response(error_body(_("The API answers application/json only.")), status=406)
    if isinstance(exc, APIException):
        # Anything else DRF raises (a body that is not JSON, a media type it cannot parse): its status, our shape.
        return Response(error_body(exc.detail if isinstance(exc.detail, str) else exc.default_detail), exc.status_code)
    return None


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
