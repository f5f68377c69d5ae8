"""The content API's filters. Each declares the query parameters it reads (``query_parameters``), so the
contract checks them and the OpenAPI document lists them from this one declaration."""

from django.db import models

from taggit.managers import TaggableManager
from wagtail import fields as wagtail_fields
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from home.languages import language_codes

from .parameters import ID, LOCALE, ROOT_OR_ID, SEARCH, SEARCH_OPERATOR, QueryParameter


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
        raise BadRequestError(f"locale must be one of: {', '.join(language_codes())}")
    return locale


# --- field filters: ?<field>=<value> for the database fields among a model's API fields --------------------
def model_field_schema(field):
    """The JSON schema of a model field's value as a query string."""
    if field.choices:
        return {"enum": [str(value) for value, _label in field.flatchoices]}
    if isinstance(field, models.BooleanField):
        return {"enum": ["true", "false"]}
    if isinstance(field, models.IntegerField | models.AutoField | models.ForeignKey):
        return {"type": "integer", "minimum": 0}
    if isinstance(field, models.DecimalField | models.FloatField):
        return {"type": "number"}
    if isinstance(field, models.DateTimeField):
        return {"type": "string", "format": "date-time"}
    if isinstance(field, models.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(field, TaggableManager):
        return {"type": "string", "description": "tag names, comma-separated"}
    return {"type": "string"}


class FieldFilter(wagtail_filters.FieldsFilter):
    """``?<field>=<value>``: Wagtail's field filter; each value is checked against its column first (a bad date
    or number answers 400, not 500)."""

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
                parameters[name] = QueryParameter(
                    name, f"Only objects whose `{name}` is this value{where}.", model_field_schema(field)
                )
        return list(parameters.values())


# --- the page tree ---------------------------------------------------------------------------------------
class ChildOfFilter(DeclaredParameters, wagtail_filters.ChildOfFilter):
    parameters = (QueryParameter("child_of", "Children of a page id, or `root`.", ROOT_OR_ID),)


class DescendantOfFilter(DeclaredParameters, wagtail_filters.DescendantOfFilter):
    parameters = (QueryParameter("descendant_of", "Descendants of a page id, or `root`.", ROOT_OR_ID),)


class AncestorOfFilter(DeclaredParameters, wagtail_filters.AncestorOfFilter):
    parameters = (QueryParameter("ancestor_of", "Ancestors of a page id.", ID),)


class TranslationOfFilter(DeclaredParameters, wagtail_filters.TranslationOfFilter):
    parameters = (QueryParameter("translation_of", "Translations of a page id, or `root`.", ROOT_OR_ID),)


class WhenFilter(DeclaredParameters):
    """``?when=upcoming|past`` for page types that define what that means (``Model.upcoming(queryset)`` and
    ``Model.past(queryset)``, e.g. events): ``?type=news.EventPage&when=upcoming``."""

    parameters = (
        QueryParameter(
            "when",
            "With a dated type (`type=news.EventPage`): `upcoming` (soonest first) or `past`.",
            {"enum": ["upcoming", "past"]},
        ),
    )

    def filter_queryset(self, request, queryset, view):
        when = request.GET.get("when")
        if when is None:
            return queryset
        select = getattr(queryset.model, when, None)
        if not callable(select):
            raise BadRequestError("when needs a type whose pages have dates, e.g. type=news.EventPage")
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
    """``?search=`` of images and documents through Wagtail's search backend (Wagtail's own filter passes blank
    text, on which the database backend fails, and an unmatched quote, which SQLite's FTS5 rejects)."""

    parameters = (SEARCH, SEARCH_OPERATOR)

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError("filtering by tag with a search query is not supported")
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
            raise BadRequestError(f"cannot filter or order by '{e.field_name}' while searching (not indexed)") from e
