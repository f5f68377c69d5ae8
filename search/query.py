"""Searching ``SearchEntry`` through its inverted index ``SearchKey``: plain ``IN`` look-ups of exact keys, answered
from a B-tree index by SQLite and PostgreSQL alike, hence the same results on both and a cost that grows with the
number of matches, not with the size of the site."""

import operator
from functools import lru_cache, reduce

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Case, Count, F, IntegerField, Q, Value, When, Window
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from wagtail.models import Locale

from .analysis import WORD_RE, query_terms, word_keys
from .indexing import restricted_collection_paths, restricted_paths, searchable_models
from .models import SearchEntry, SearchKey

SNIPPET_WORDS = 30
#: Pages deeper than this (a page number far beyond any result) are counted first, like any out-of-range page.
MAX_DIRECT_PAGE = 100_000


def _has_key(keys, *, in_title=False):
    """Entries having one of ``keys`` (in their title, if ``in_title``)."""
    found = SearchKey.objects.filter(key__in=sorted(keys))
    if in_title:
        found = found.filter(in_title=True)
    return Q(pk__in=found.values("entry_id"))


def visible_entries():
    """Entries of live pages outside view restrictions, and of other searchable objects whose page (if they are
    shown on one) is such a page and whose file (if they have one) is outside view-restricted collections."""
    entries = SearchEntry.objects.filter(Q(page__isnull=True) | Q(page__live=True))
    for path in restricted_paths():
        entries = entries.exclude(page__path__startswith=path)
    for path in restricted_collection_paths():
        entries = entries.exclude(collection__path__startswith=path)
    return entries


def page_entries(entries):
    """Only the entries of pages themselves, not of the objects shown on them (files on a documents page)."""
    others = ContentType.objects.get_for_models(*searchable_models()).values()
    return entries.filter(page__isnull=False).exclude(content_type__in=others)


def search_entries(query, locales=None):
    """Entries matching every word of ``query`` (in any of its forms), best first: most query words in the title,
    then newest, undated last.

    ``locales``: the languages to search, each analysed with its own rules; default: every language.
    A query without a searchable word matches nothing. Take ids or a page (``SearchPaginator``) from it: its
    entries' full rows (with their text) are best loaded for the few shown, by ``entries_by_pk``.
    """
    locales = list(locales) if locales is not None else list(Locale.objects.all())
    matches = Q()
    rank_parts = []
    any_terms = False
    for locale in locales:
        terms = query_terms(query, locale.language_code)
        if not terms:
            continue
        any_terms = True
        matches |= Q(locale=locale) & reduce(operator.and_, (_has_key(keys) for keys in terms))
        rank_parts.extend(When(Q(locale=locale) & _has_key(keys, in_title=True), then=Value(1)) for keys in terms)
    if not any_terms:
        return SearchEntry.objects.none()
    title_rank = reduce(
        operator.add,
        (Case(part, default=Value(0), output_field=IntegerField()) for part in rank_parts),
    )
    return (
        visible_entries()
        .filter(matches)
        .annotate(title_rank=title_rank)
        .order_by("-title_rank", F("date").desc(nulls_last=True), "pk")
    )


class SearchPaginator(Paginator):
    """Pages of ``search_entries`` in two queries however many entries match: one finds the page's entries and
    counts all matches (a window function over their ids, which never reads an entry's text), the other loads
    those entries by primary key. Out-of-range and invalid page numbers as with ``Paginator``; no orphans."""

    def get_page(self, number):
        try:
            wanted = int(number)
        except (TypeError, ValueError):
            wanted = 1
        if 1 <= wanted <= MAX_DIRECT_PAGE:
            bottom = (wanted - 1) * self.per_page
            counted = self.object_list.annotate(total=Window(Count("pk"))).values_list("pk", "total")
            rows = list(counted[bottom : bottom + self.per_page])
            if rows or wanted == 1:  # an empty first page: nothing matches
                self.count = rows[0][1] if rows else 0
                return self._get_page(entries_by_pk([pk for pk, _total in rows]), wanted, self)
        return super().get_page(number)  # no such page: count the matches, then show the last page

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top]) if top > bottom else []
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
            marked[word] = bool(word_keys(word.lower(), language) & wanted)
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
