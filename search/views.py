import hashlib
from types import SimpleNamespace

from django.core.cache import cache
from django.core.paginator import Page
from django.shortcuts import render
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from .analysis import clean_query
from .indexing import generation
from .query import CACHE_SECONDS, SearchPaginator, highlight, search_entries

RESULTS_PER_PAGE = 10


@require_GET
def search_results(request):
    """The site search of the visitor's language: /pl/szukaj/?q=… and /en/search/?q=…"""
    query = clean_query(request.GET.get("q", ""))
    return render(
        request,
        "search/search_results.html",
        {
            "search_query": query,
            "results": shown_results(request, query) if query else None,
            "search_locale": SimpleLazyObject(Locale.get_active),
            # The words are searched for in the other language too: the language switch keeps them.
            "language_query": urlencode({"q": query}) if query else "",
        },
    )


def shown_results(request, query):
    """The page of results ``?page=`` asks for (the nearest real one), each with its URL and highlighted snippet.

    What a page shows is the same for every visitor while the index does not change: it is kept in the cache
    under the index's generation (which every content event moves on), with the language, host and page asked
    for. A repeated search then costs two cache reads: no query, no highlighting.
    """
    language = translation.get_language()
    signature = repr((query, language, request.get_host(), request.GET.get("page")))
    key = f"search-shown:{generation()}:{hashlib.sha256(signature.encode()).hexdigest()}"
    stored = cache.get(key)
    if stored is None:
        stored = find_results(request, query)
        cache.set(key, stored, CACHE_SECONDS)
    total, row_count, number, items = stored
    return Page(items, number, SearchPaginator((range(row_count), total), RESULTS_PER_PAGE))


def find_results(request, query):
    """``(count of all matches, rows kept, page number, [result])`` of the page of results ``?page=`` asks for."""
    locale = Locale.get_active()
    paginator = SearchPaginator(search_entries(query, [locale]), RESULTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    items = [
        SimpleNamespace(
            title=entry.title,
            result_url=entry.get_url(request),
            link_language=entry.link_language,
            kind=str(entry.kind),
            link_note=str(entry.link_note),
            snippet=highlight(entry.text, query, locale.language_code),
        )
        for entry in page
    ]
    return paginator.count, len(paginator.object_list), page.number, items
