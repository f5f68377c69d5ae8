"""Searching ``SearchEntry`` through its inverted index ``SearchKey``: plain ``IN`` look-ups of exact keys, answered
from a B-tree index by SQLite and PostgreSQL alike, hence the same results on both and a cost that grows with the
number of matches, not with the size of the site."""

import operator
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from wagtail.models import Locale

from .analysis import WORD_RE, query_terms, word_keys
from .indexing import restricted_collection_paths, restricted_paths, searchable_models
from .models import SearchEntry, SearchKey

SNIPPET_WORDS = 30


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
    """Entries matching every word of ``query`` (in any of its forms), best first.

    ``locales``: the languages to search, each analysed with its own rules; default: every language.
    A query without a searchable word matches nothing.
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
        .select_related("page", "page__locale", "locale")
        .order_by("-title_rank", F("date").desc(nulls_last=True), "pk")
    )


def highlight(text, query, language, words=SNIPPET_WORDS):
    """A passage of ``text`` around the first word matching ``query``, matching words in ``<mark>``; safe HTML."""
    wanted = set().union(*query_terms(query, language)) if query else set()
    tokens = list(WORD_RE.finditer(text))
    first = next((i for i, m in enumerate(tokens) if word_keys(m.group().lower(), language) & wanted), None)
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
        if word_keys(word.lower(), language) & wanted:
            pieces.append(f"<mark>{escape(word)}</mark>")
        else:
            pieces.append(escape(word))
        position = match.end()
    if end < len(text):
        pieces.append(" …")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text above is escaped
