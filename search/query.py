"""Searching the index: one ranked look-up of a query's keys in ``SearchKey``, answered from a B-tree index by SQLite
and PostgreSQL alike, hence the same results on both and a cost that grows with the number of matches, not with
the size of the site. The site's results page and the search backend (the API, the admin) both rank here.

Ranking, best first: entries with every query word (when words may be missing, ``operator="or"``); then those
with more query words in the title or a heading; then those with more words in the exact form typed; then the
newest (undated last).
"""

import hashlib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from math import ceil

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Max, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from wagtail.models import Locale

from home.text import fold

from .analysis import WORD_RE, clean_query, query_terms, query_word_keys, word_keys, words
from .indexing import generation, restricted_collection_paths, restricted_paths, searchable_models
from .models import SearchEntry, SearchKey

SNIPPET_WORDS = 30
#: Results kept of one search (100 pages of ten); the count says how many matched in all.
MAX_RESULTS = 1000
CACHE_SECONDS = 3600
#: An unfinished last word (the admin's search as you type) matches keys starting with it from this length.
MIN_PREFIX_LENGTH = 3


@dataclass(frozen=True)
class Term:
    """One query word in one language: the keys it matches, its exact form's key, and a key prefix (autocomplete)."""

    keys: frozenset
    exact: str
    prefix: str = ""

    def matches(self):
        found = Q(key__in=sorted(self.keys))
        return found | Q(key__startswith=self.prefix) if self.prefix else found


def terms_of(query, language, *, partial=False):
    """The ``Term``s of ``query`` in ``language``; with ``partial``, the last word may be unfinished."""
    query = clean_query(query).lower()
    terms = [
        Term(keys, next((key for key in keys if key.startswith("=")), "")) for keys in query_terms(query, language)
    ]
    typed = words(query)
    if partial and typed and len(fold(typed[-1])) >= MIN_PREFIX_LENGTH:
        last = typed[-1]
        keys = query_word_keys(last, language)
        prefix_term = Term(keys, f"={fold(last)}", fold(last))
        terms = [term for term in terms if term.keys != keys] + [prefix_term]
    return terms


def visible_entries():
    """Public entries of live pages outside view restrictions, and of other searchable objects whose page (if they
    are shown on one) is such a page and whose file (if they have one) is outside view-restricted collections."""
    entries = SearchEntry.objects.filter(Q(public=True) & (Q(page__isnull=True) | Q(page__live=True)))
    for path in restricted_paths():
        entries = entries.exclude(page__path__startswith=path)
    for path in restricted_collection_paths():
        entries = entries.exclude(collection__path__startswith=path)
    return entries


def results_page_entries():
    """What the site's results page lists: public entries of pages and of ``settings.SEARCH_MODELS``."""
    listed = ContentType.objects.get_for_models(*searchable_models()).values()
    return visible_entries().filter(Q(page__isnull=False) | Q(content_type__in=listed))


def ranked(query, entries, locales=None, *, operator="and", partial=False):
    """``(entry_id, object_id)`` rows of the ``entries`` matching ``query``, best first, as a query not yet run.

    ``locales``: the languages to search, each analysed with its own rules; default: every language. A query
    without a searchable word matches nothing.
    """
    locales = list(locales) if locales is not None else list(Locale.objects.all())
    matched, title, exact, needed, wanted, searched = [], [], [], [], Q(), []
    for locale in locales:
        terms = terms_of(query, locale.language_code, partial=partial)
        if not terms:
            continue
        in_locale = Q(entry__locale_id=locale.pk)
        searched.append(locale.pk)
        needed.append(When(in_locale, then=Value(len(terms))))
        for term in terms:
            wanted |= term.matches()
            matched.append(_any(in_locale & term.matches()))
            title.append(_any(in_locale & term.matches() & Q(in_title=True)))
            exact.append(_any(in_locale & Q(key=term.exact)))
    if not needed:
        return SearchKey.objects.none().values_list("entry_id", "entry__object_id")
    # The languages are filtered inside the entries' subquery, not on the joined entry: given a condition on the
    # entry's own columns, SQLite (without ANALYZE statistics) drives the query from every entry of the language
    # and reads all their keys — 5× slower at 10,000 pages than starting from the query's keys in their index.
    rows = (
        SearchKey.objects.filter(wanted, entry__in=entries.filter(locale_id__in=searched))
        .values("entry_id", "entry__object_id", "entry__locale_id", "entry__date")
        .annotate(
            matched=_sum(matched),
            title_score=_sum(title),
            exact_score=_sum(exact),
            needed=Case(*needed, default=Value(0), output_field=IntegerField()),
        )
    )
    if operator == "and":
        rows = rows.filter(matched__gte=F("needed"))
    return rows.order_by(
        Case(When(matched__gte=F("needed"), then=Value(0)), default=Value(1), output_field=IntegerField()),
        F("matched").desc(),
        F("title_score").desc(),
        F("exact_score").desc(),
        F("entry__date").desc(nulls_last=True),
        "entry_id",
    ).values_list("entry_id", "entry__object_id")


def matches(query, entries, locales=None, *, operator="and", partial=False, scope=""):
    """``(rows, count)``: the first ``MAX_RESULTS`` ``(entry_id, object_id)`` rows of ``ranked`` and the number of all
    matches, kept in the cache until the index changes (``generation``). ``scope`` names what ``entries`` holds;
    ``entries`` may be a function giving them, called only when the matches are not in the cache (building them
    may query).

    Every match's row is read (two integers each) and counted here: a separate ``COUNT`` would group and score all
    matches a second time, which costs more than reading them."""
    locales = list(locales) if locales is not None else list(Locale.objects.all())
    signature = repr((query, sorted(locale.pk for locale in locales), operator, partial, scope))
    key = f"search:{generation()}:{hashlib.sha256(signature.encode()).hexdigest()}"
    found = cache.get(key)
    if found is None:
        found_rows = ranked(
            query, entries() if callable(entries) else entries, locales, operator=operator, partial=partial
        )
        rows = list(found_rows)
        found = (rows[:MAX_RESULTS], len(rows))
        cache.set(key, found, CACHE_SECONDS)
    return found


def _any(condition):
    """1 if any key row of the entry meets ``condition``."""
    return Max(Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField()))


def _sum(parts):
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    return total


def search_entries(query, locales=None):
    """``(rows, count)`` of what the site's results page may list, best first (``SearchPaginator``)."""
    return matches(query, results_page_entries, locales, scope="results page")


class SearchPaginator(Paginator):
    """Pages of ``search_entries``' rows: the count of all matches, pages as far as the rows reach (``MAX_RESULTS``);
    each page's entries loaded in one query."""

    def __init__(self, found, per_page):
        rows, self.total = found
        super().__init__(rows, per_page)

    @cached_property
    def count(self):
        return self.total

    @cached_property
    def num_pages(self):
        return max(1, ceil(len(self.object_list) / self.per_page))

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = [entry_id for entry_id, _object_id in self.object_list[bottom : bottom + self.per_page]]
        return self._get_page(entries_by_pk(ids), number, self)


def entries_by_pk(ids):
    """The entries of ``ids``, in that order, ready to be shown (one query)."""
    found = SearchEntry.objects.select_related("page", "page__locale", "locale").in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


@lru_cache(maxsize=256)
def _query_keys(query, language):
    return frozenset().union(*query_terms(query, language))


def highlight(text, query, language, words=SNIPPET_WORDS):
    """A passage of ``text`` around the first word matching ``query``, matching words in ``<mark>``; safe HTML."""
    wanted = _query_keys(query, language) if query else frozenset()
    marked = {}  # each distinct word is analysed once, however often a text (up to 50,000 characters) repeats it

    def is_marked(word):
        if word not in marked:
            marked[word] = bool(word_keys(word, language) & wanted)
        return marked[word]

    tokens, first = [], None
    for match in WORD_RE.finditer(text):  # only as far as the passage reaches
        tokens.append(match)
        if first is None:
            if is_marked(match.group()):
                first = len(tokens) - 1
        elif len(tokens) >= max(first - words // 3, 0) + words:
            break
    if first is None:
        return escape(Truncator(text).words(words))
    start_index = max(first - words // 3, 0)
    window = tokens[start_index : start_index + words]
    start = window[0].start() if start_index else 0
    end = window[-1].end()
    pieces = ["… " if start else ""]
    position = start
    for match in window:
        pieces.append(escape(text[position : match.start()]))
        word = match.group()
        if is_marked(word):
            pieces.append(f"<mark>{escape(word)}</mark>")
        else:
            pieces.append(escape(word))
        position = match.end()
    if end < len(text):
        pieces.append(" …")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text above is escaped
