"""Helpers for the query-budget tests: grow the content, then count the queries of one answer."""

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

NO_SEARCH_INDEXING = override_settings(
    WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "search.backend", "AUTO_UPDATE": False}}
)


def count_queries(url, client=None):
    """Queries of one answer to ``url``, after two requests have warmed the caches every server keeps warm."""
    client = client or Client()
    for _warm_up in range(2):
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add_pages(parent, model, count, numbered_from=0, **fields):
    """``count`` live children of ``parent``, numbered from ``numbered_from`` so a later batch gets new slugs.

    Wagtail's search indexing is off while they are made: it is the slow part and no budget here depends on it.
    """
    with NO_SEARCH_INDEXING:
        return [
            parent.add_child(instance=model(title=f"Strona testowa {number}", slug=f"strona-{number}", **fields))
            for number in range(numbered_from, numbered_from + count)
        ]
