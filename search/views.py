from django.shortcuts import render
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from .analysis import clean_query
from .query import SearchPaginator, highlight, search_entries

RESULTS_PER_PAGE = 10


@require_GET
def search_results(request):
    """The site search of the visitor's language: /pl/szukaj/?q=… and /en/search/?q=…"""
    query = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    results = None
    if query:
        results = SearchPaginator(search_entries(query, [locale]), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
        for entry in results:
            entry.snippet = highlight(entry.text, query, locale.language_code)
            entry.result_url = entry.get_url(request)
    return render(
        request,
        "search/search_results.html",
        {
            "search_query": query,
            "results": results,
            "search_locale": locale,
            # The words are searched for in the other language too: the language switch keeps them.
            "language_query": urlencode({"q": query}) if query else "",
        },
    )
