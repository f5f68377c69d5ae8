"""The content API's filters. Each declares the query parameters it reads (``query_parameters``), so the
contract checks them and the OpenAPI document lists them from this one declaration."""

from types import SimpleNamespace

from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models
from django.utils.translation import gettext as _

from taggit.managers import TaggableManager
from wagtail import fields as wagtail_fields
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from home.languages import language_codes

from .errors import NotFound
from .parameters import ID, LOCALE, ROOT_OR_ID, SEARCH, SEARCH_OPERATOR, TEXT, QueryParameter


class DeclaredParameters:
    """A filter reading a fixed set of parameters."""

    parameters = ()

    @classmethod
    def query_parameters(cls, view_class, model=None):
        return list(cls.parameters)


def locale_for_code(code):
    """The Locale for a ``?locale=`` value, or a 400 naming the languages the site has."""
    locale = Locale.objects.filter(language_code=code).first() if code in language_codes() else None
    if locale is None:
        raise BadRequestError(_("locale must be one of: %(codes)s.") % {"codes": ", ".join(language_codes())})
    return locale


def model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


# --- field filters: ?<field>=<value> for the database fields among a model's API fields --------------------
def model_field_schema(field):
    """The JSON schema of a model field's value as a query string."""
    if field.choices:
        return {"enum": [str(value) for value, _label in field.flatchoices]}
    if isinstance(field, models.BooleanField):
        return {"enum": ["true", "false"]}
    if isinstance(field, models.ForeignKey):
        field = field.target_field
    if isinstance(field, models.IntegerField | models.AutoField):
        _lowest, highest = connection.ops.integer_field_range(field.get_internal_type())
        return {"type": "integer", "minimum": 0, "maximum": min(highest, ID["maximum"])}
    if isinstance(field, models.DecimalField | models.FloatField):
        return {"type": "number"}
    if isinstance(field, models.DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, models.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, TaggableManager):
        return {**TEXT, "description": "tag names, comma-separated"}
    return TEXT


# A date known only to its year or month (``member_since`` with ``member_since_precision``) is written as the API
# writes it: "2010", "2010-11" or "2010-11-15".
YEAR = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"  # 0001–9999, as Python's dates
PARTIAL_DATE = {
    "anyOf": [
        {"type": "string", "pattern": rf"^{YEAR}$"},
        {"type": "string", "pattern": rf"^{YEAR}-(?:0[1-9]|1[0-2])$"},
        {"type": "string", "format": "date"},
    ],
    "description": "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: objects whose date is known at least that precisely "
    "and falls in that year, month or day.",
}
PRECISIONS = ("year", "month", "day")


def precision_field(model, name):
    """The field saying how much of date field ``name`` is known (``<name>_precision``: year, month, day), if any."""
    try:
        field = model._meta.get_field(f"{name}_precision")
    except FieldDoesNotExist:
        return None
    return field if {str(value) for value, _label in field.flatchoices} == set(PRECISIONS) else None


def filter_partial_date(queryset, name, value):
    parts = [int(part) for part in value.split("-")]
    lookups = dict(zip([f"{name}__year", f"{name}__month", f"{name}__day"], parts, strict=False))
    precise_enough = PRECISIONS[len(parts) - 1 :]
    return queryset.filter(**lookups, **{f"{name}_precision__in": precise_enough})


class FieldFilter(wagtail_filters.FieldsFilter):
    """``?<field>=<value>``: Wagtail's field filter; each value is checked against its column first (a bad date
    or number answers 400, not 500); a date with a precision field takes the API's own partial form."""

    def filter_queryset(self, request, queryset, view):
        model = queryset.model
        partial = {
            name
            for name in request.GET
            if isinstance(model_field(model, name), models.DateField) and precision_field(model, name)
        }
        for name in partial:
            queryset = filter_partial_date(queryset, name, request.GET[name])
        rest = request.GET.copy()
        for name in partial:
            del rest[name]
        # Wagtail's filter reads only ``request.GET``.
        return super().filter_queryset(SimpleNamespace(GET=rest), queryset, view)

    @classmethod
    def query_parameters(cls, view_class, model=None):
        parameters = {}
        for each in [model] if model else view_class.models():
            for name in view_class.get_available_fields(each, db_fields_only=True):
                # ``locale`` is a code, read by the locale filters (Wagtail's field filter skips it too).
                if name == "locale" or name in parameters:
                    continue
                field = each._meta.get_field(name)
                if isinstance(field, wagtail_fields.StreamField | wagtail_fields.RichTextField):
                    continue
                where = (
                    f" (with `type={each._meta.app_label}.{each.__name__}`)"
                    if model is None and each is not view_class.model
                    else ""
                )
                schema = (
                    PARTIAL_DATE
                    if isinstance(field, models.DateField) and precision_field(each, name)
                    else model_field_schema(field)
                )
                parameters[name] = QueryParameter(name, f"Only objects whose `{name}` is this value{where}.", schema)
        return list(parameters.values())


# --- the page tree ---------------------------------------------------------------------------------------
class RelativePageFilter(DeclaredParameters):
    """A filter naming another page by id: one that is no live, public page answers 404 (Wagtail says 400, though
    the id is well formed; the contract has checked its form before)."""

    def filter_queryset(self, request, queryset, view):
        try:
            return super().filter_queryset(request, queryset, view)
        except BadRequestError as e:
            (parameter,) = self.parameters
            raise NotFound(
                _("%(name)s names no live, public page: %(value)s.")
                % {"name": parameter.name, "value": request.GET[parameter.name]}
            ) from e


class ChildOfFilter(RelativePageFilter, wagtail_filters.ChildOfFilter):
    parameters = (QueryParameter("child_of", "Children of a page id, or `root`.", ROOT_OR_ID),)


class DescendantOfFilter(RelativePageFilter, wagtail_filters.DescendantOfFilter):
    """With ``child_of`` too: the children of one page that descend from the other (Wagtail refuses the pair)."""

    parameters = (QueryParameter("descendant_of", "Descendants of a page id, or `root`.", ROOT_OR_ID),)

    def filter_queryset(self, request, queryset, view):
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        if child_of is not None:
            del queryset._filtered_by_child_of
        queryset = super().filter_queryset(request, queryset, view)
        if child_of is not None:
            queryset._filtered_by_child_of = child_of
        return queryset


class AncestorOfFilter(RelativePageFilter, wagtail_filters.AncestorOfFilter):
    parameters = (QueryParameter("ancestor_of", "Ancestors of a page id.", ID),)


class TranslationOfFilter(RelativePageFilter, wagtail_filters.TranslationOfFilter):
    parameters = (QueryParameter("translation_of", "Translations of a page id, or `root`.", ROOT_OR_ID),)


class OrderingFilter(wagtail_filters.OrderingFilter):
    """Wagtail's ``?order=``; ``random`` takes an ``offset`` too (the next items of another random order), so
    every value the ``order`` pattern admits goes with every other parameter."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("order") == "random":
            return queryset.order_by("?")
        return super().filter_queryset(request, queryset, view)


class WhenFilter:
    """``?when=upcoming|past`` for page types that define what that means (``Model.upcoming(queryset)`` and
    ``Model.past(queryset)``, e.g. events): ``?type=news.EventPage&when=upcoming``. Only those types have it."""

    @staticmethod
    def is_dated(model):
        return all(callable(getattr(model, when, None)) for when in ("upcoming", "past"))

    @classmethod
    def query_parameters(cls, view_class, model=None):
        models = [model] if model else view_class.models()
        return list(cls.parameters) if any(cls.is_dated(each) for each in models) else []

    parameters = (
        QueryParameter(
            "when",
            "Only with a dated type (`type=news.EventPage`): `upcoming` (soonest first) or `past`.",
            {"enum": ["upcoming", "past"]},
        ),
    )

    def filter_queryset(self, request, queryset, view):
        when = request.GET.get("when")
        if when is None:
            return queryset
        select = getattr(queryset.model, when, None)
        if not callable(select):
            raise BadRequestError(_("when needs a type whose pages have dates, e.g. type=news.EventPage."))
        return select(queryset)


# --- languages -------------------------------------------------------------------------------------------
class PageLocaleFilter(DeclaredParameters):
    """``?locale=pl|en`` on pages: an unknown language is a bad request (stock Wagtail answers 404)."""

    parameters = (LOCALE,)

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        locale = locale_for_code(request.GET["locale"])
        # Wagtail's child_of filter marks the queryset; the mark must survive this filter.
        filtered_by_child_of = getattr(queryset, "_filtered_by_child_of", None)
        queryset = queryset.filter(locale=locale)
        if filtered_by_child_of:
            queryset._filtered_by_child_of = filtered_by_child_of
        return queryset


class LocaleFilter(DeclaredParameters):
    """``?locale=pl|en`` for non-page models that carry a locale."""

    parameters = (LOCALE,)

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET:
            return queryset
        return queryset.filter(locale=locale_for_code(request.GET["locale"]))


# --- search ----------------------------------------------------------------------------------------------
def searchable_text(text):
    """``text`` as the search backends take it: an unmatched ``"`` dropped (SQLite's FTS5 rejects it)."""
    return text.replace('"', " ") if text.count('"') % 2 else text


class SearchFilter(DeclaredParameters):
    """``?search=`` through the site's search backend, within whatever the other filters kept, tags included (the
    site's backend leaves the queryset's filters to the database: Wagtail's own filter refuses tags, passes blank
    text, on which the database backend fails, and an unmatched quote, which SQLite's FTS5 rejects)."""

    parameters = (SEARCH, SEARCH_OPERATOR)

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        text = searchable_text(request.GET["search"])
        if not text.strip():
            return queryset.none()
        try:
            return get_search_backend().search(
                text,
                queryset,
                operator=request.GET.get("search_operator"),
                order_by_relevance="order" not in request.GET,
            )
        except (FilterFieldError, OrderByFieldError) as e:
            raise BadRequestError(_("%(name)s cannot filter or order search results.") % {"name": e.field_name}) from e
