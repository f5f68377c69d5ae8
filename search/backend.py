"""The site's one search index as a Wagtail search backend (``WAGTAILSEARCH_BACKENDS["default"]``).

``.search()`` and ``.autocomplete()`` of any indexed queryset — the API's ``?search=`` on pages, partners,
documents and images, the admin's page, snippet, document and image searches — are answered from
``SearchEntry``/``SearchKey`` with the analysis of ``search.analysis`` and the ranking of ``search.query``, the
same as the site's results page. The queryset decides what may be found: the API's querysets hold only what
visitors may see, and only such objects have public entries; the admin's querysets also hold unpublished pages
and draft partners, which have editors' entries (written by ``add()``, see ``search.indexing``).

Models outside the index (e.g. newsletter issues in the admin) are searched by Wagtail's fallback database
backend, which filters their search fields with ``icontains`` and keeps no index.
"""

from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType

from wagtail.models import DraftStateMixin, Page
from wagtail.search.backends.base import BaseIndex, BaseSearchBackend, BaseSearchQueryCompiler, BaseSearchResults
from wagtail.search.backends.database.fallback import DatabaseSearchBackend
from wagtail.search.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

from . import indexing
from .models import SearchEntry
from .query import matches


def query_text(query):
    """The words of a Wagtail query object (plain text, phrases, and their combinations; negations dropped)."""
    if isinstance(query, PlainText | Phrase):
        return query.query_string
    if isinstance(query, Boost):
        return query_text(query.subquery)
    if isinstance(query, And | Or):
        return " ".join(query_text(subquery) for subquery in query.subqueries)
    return ""


def query_operator(query):
    if isinstance(query, Or):
        return "or"
    if isinstance(query, PlainText):
        return query.operator
    return "and"


@cache
def content_types_of(model):
    """The content types of ``model`` and of every concrete model inheriting from it (a page's specific types)."""
    models = [other for other in apps.get_models() if issubclass(other, model)]
    return tuple(ct.pk for ct in ContentType.objects.get_for_models(*models, for_concrete_models=False).values())


class SiteSearchQueryCompiler(BaseSearchQueryCompiler):
    DEFAULT_OPERATOR = "and"  # as on the site's results page: every word, in one of its forms
    partial = False

    def check(self):
        """Nothing to check: the queryset's own filters and ordering are applied by the database as they are,
        so no field needs declaring as a ``FilterField``."""


class SiteAutocompleteQueryCompiler(SiteSearchQueryCompiler):
    partial = True


class SiteSearchResults(BaseSearchResults):
    def _matches(self):
        """``(rows, count)`` of the index's matches among the queryset's objects, best first (cached)."""
        compiler = self.query_compiler
        queryset = compiler.queryset.order_by().values("pk")
        entries = SearchEntry.objects.filter(
            content_type_id__in=content_types_of(compiler.queryset.model), object_id__in=queryset
        )
        return matches(
            query_text(compiler.query),
            entries,
            operator=query_operator(compiler.query),
            partial=compiler.partial,
            scope=f"{compiler.queryset.model._meta.label} {queryset.query}",
        )

    def _match_all(self):
        return isinstance(self.query_compiler.query, MatchAll)

    def _do_search(self):
        queryset = self.query_compiler.queryset
        if self._match_all():
            return list(queryset[self.start : self.stop])
        rows, _count = self._matches()
        ids = [object_id for _entry_id, object_id in rows]
        if not self.query_compiler.order_by_relevance:
            return list(queryset.filter(pk__in=ids)[self.start : self.stop])
        ids = ids[self.start : self.stop]
        found = queryset.in_bulk(ids) if ids else {}
        results = [found[pk] for pk in ids if pk in found]
        if self._score_field:
            for position, obj in enumerate(results):
                setattr(obj, self._score_field, float(len(results) - position))
        return results

    def _do_count(self):
        if self._match_all():
            return self.query_compiler.queryset.count()
        return self._matches()[1]


class SiteSearchIndex(BaseIndex):
    """Wagtail's index updates (after a save or delete) keep the editors' entries; public entries follow
    ``public_content_changed`` alone (``search.indexing``)."""

    def add_items(self, model, items):
        # Only models with drafts have anything visitors cannot see; files and images follow the event alone.
        if indexing.is_indexed(model) and issubclass(model, Page | DraftStateMixin):
            for item in items:
                indexing.index_for_editors(item)

    def delete_item(self, item):
        if indexing.is_indexed(type(item)):
            indexing.remove(item)


class SiteSearchBackend(BaseSearchBackend):
    query_compiler_class = SiteSearchQueryCompiler
    autocomplete_query_compiler_class = SiteAutocompleteQueryCompiler
    results_class = SiteSearchResults
    index_class = SiteSearchIndex

    def __init__(self, params):
        super().__init__(params)
        self.fallback = DatabaseSearchBackend(params)

    def search(self, query, model_or_queryset, **kwargs):
        if not indexing.is_indexed(getattr(model_or_queryset, "model", model_or_queryset)):
            return self.fallback.search(query, model_or_queryset, **kwargs)
        return super().search("" if isinstance(query, Not) else query, model_or_queryset, **kwargs)

    def autocomplete(self, query, model_or_queryset, **kwargs):
        if not indexing.is_indexed(getattr(model_or_queryset, "model", model_or_queryset)):
            return self.fallback.autocomplete(query, model_or_queryset, **kwargs)
        return super().autocomplete("" if isinstance(query, Not) else query, model_or_queryset, **kwargs)


SearchBackend = SiteSearchBackend
