"""The inverted index (``SearchKey``) behind the site search, its paging and snippets, and the stemmer's loading."""

import io
import re
from datetime import date

import pytest

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from search.analysis import text_keys
from search.indexing import rebuild
from search.models import SearchEntry, SearchKey
from search.query import highlight

from ..factories.news import NewsPageFactory
from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db


def result_urls(client, query, **params):
    response = client.get("/pl/szukaj/", {"q": query, **params})
    assert response.status_code == 200
    return re.findall(r'class="search-result__title"><a href="([^"]+)"', response.content.decode())


def test_a_published_page_has_each_key_of_its_text_once_flagged_when_in_its_title(news_index_pl):
    item = NewsPageFactory(parent=news_index_pl, title="Targi ekonomii", lead="Targi spółdzielni socjalnych.")
    entry = SearchEntry.objects.get(page=item)

    keys = dict(SearchKey.objects.filter(entry=entry).values_list("key", "in_title"))

    assert set(keys) == text_keys(f"{entry.title} {entry.text}", "pl")
    assert {key for key, in_title in keys.items() if in_title} == text_keys("Targi ekonomii", "pl")
    assert keys["spoldzielnia"] is False


def test_republishing_a_page_replaces_the_keys_of_its_old_text(client, news_index_pl):
    item = NewsPageFactory(parent=news_index_pl, title="Warsztaty garncarskie", lead="Zajęcia dla partnerów.")
    assert result_urls(client, "garncarskie") == [item.url]

    item.title = "Warsztaty stolarskie"
    item.save_revision().publish()

    assert result_urls(client, "garncarskie") == []
    assert result_urls(client, "stolarskie") == [item.url]


def test_a_query_word_matches_whole_keys_only(client):
    assert "/pl/o-partnerstwie/" in result_urls(client, "spoldzielnia")
    assert result_urls(client, "spoldz") == []
    assert result_urls(client, "dzielnia") == []


def test_deleting_a_page_deletes_its_keys(news_index_pl):
    item = NewsPageFactory(parent=news_index_pl, title="Zebranie zarządu")
    entry = SearchEntry.objects.get(page=item)
    assert SearchKey.objects.filter(entry=entry).exists()

    item.delete()

    assert not SearchKey.objects.filter(entry_id=entry.pk).exists()


def test_a_word_too_long_for_the_index_is_left_out_and_the_rest_is_indexed(client, news_index_pl):
    item = NewsPageFactory(parent=news_index_pl, title="Pszczelarstwo", lead="x" * 300 + " Miodobranie w pasiece.")

    assert result_urls(client, "miodobranie") == [item.url]
    keys = SearchKey.objects.filter(entry__page=item).values_list("key", flat=True)
    assert keys and max(map(len, keys)) <= SearchKey.MAX_LENGTH


@pytest.mark.parametrize("query", ["ß" * 200, "ﷺ" * 50])
def test_queries_with_keys_longer_than_the_index_holds_answer_200(client, query):
    for url in ("/pl/szukaj/", "/en/search/"):
        assert client.get(url, {"q": query}).status_code == 200
    assert client.get("/api/v2/pages/", {"search": query}).status_code == 200


def test_results_rank_by_the_number_of_query_words_in_the_title_then_newest_first(client, news_index_pl):
    both = NewsPageFactory(parent=news_index_pl, title="Pasieka i miód", lead="O pszczołach.", date=date(2020, 1, 1))
    one = NewsPageFactory(parent=news_index_pl, title="Pasieka", lead="Zbieramy miód.", date=date(2021, 1, 1))
    older = NewsPageFactory(parent=news_index_pl, title="Lato", lead="Pasieka i miód.", date=date(2022, 1, 1))
    newer = NewsPageFactory(parent=news_index_pl, title="Jesień", lead="Pasieka i miód.", date=date(2023, 1, 1))

    assert result_urls(client, "pasieka miód") == [both.url, one.url, newer.url, older.url]


def test_out_of_range_page_numbers_show_the_last_page_and_others_the_first(client, news_index_pl):
    for number in range(12):
        NewsPageFactory(parent=news_index_pl, title=f"Szkolenie księgowe {number}", lead="Szkolenie.")
    first = result_urls(client, "szkolenie")
    last = result_urls(client, "szkolenie", page=2)
    assert len(first) == 10 and len(last) == 2

    for page in ("3", "0", "-1", "99999999999999999999"):
        assert result_urls(client, "szkolenie", page=page) == last, page
    for page in ("x", "1.5", ""):
        assert result_urls(client, "szkolenie", page=page) == first, page


def test_the_search_page_takes_as_many_queries_for_30_pages_and_partners_as_for_2(
    client, news_index_pl, django_assert_num_queries
):
    def add(count):
        for _n in range(count):
            NewsPageFactory(parent=news_index_pl, title="Dzień otwarty", lead="Dzień otwarty u partnerów.")
            PartnerFactory(name="Fundacja Dzień Otwarty")

    add(1)
    result_urls(client, "dzień otwarty")  # warms the site, locale and content type caches
    with CaptureQueriesContext(connection) as queries:
        assert len(result_urls(client, "dzień otwarty")) == 2
    few = len(queries)  # read now: the next request empties the connection's query log
    add(14)
    result_urls(client, "dzień otwarty")  # the new partners changed what the footer's cached parts depend on

    with django_assert_num_queries(few):
        assert len(result_urls(client, "dzień otwarty")) == 10


def test_the_search_looks_words_up_in_the_key_index_instead_of_scanning_text(client):
    with CaptureQueriesContext(connection) as queries:
        assert result_urls(client, "spółdzielnia socjalna")

    search_sql = [query["sql"] for query in queries if "search_searchentry" in query["sql"]]
    assert any("search_searchkey" in sql for sql in search_sql)
    assert not [sql for sql in search_sql if " LIKE " in sql.upper()]


@pytest.mark.parametrize(("query", "search_queries"), [("spółdzielnia socjalna", 2), ("zzyzx", 1)])
def test_a_page_of_results_and_their_count_take_one_query_and_loading_them_another(client, query, search_queries):
    with CaptureQueriesContext(connection) as queries:
        client.get("/pl/szukaj/", {"q": query})

    assert len([q for q in queries if "search_searchentry" in q["sql"]]) == search_queries


def test_a_snippet_shows_the_passage_around_a_match_deep_in_a_long_text():
    text = "Wstęp. " + "słowo " * 8000 + "Nasza Spółdzielnia Socjalna działa od lat. " + "dalej " * 100

    snippet = highlight(text, "spoldzielnia", "pl")

    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "słowo słowo Nasza <mark>Spółdzielnia</mark> Socjalna działa" in snippet
    assert len(re.findall(r"\w+", re.sub(r"</?mark>", "", snippet))) == 30


def test_a_snippet_of_a_text_without_the_query_words_is_its_beginning():
    text = "Pierwsze zdanie tekstu. " + "słowo " * 8000

    assert highlight(text, "spoldzielnia", "pl") == "Pierwsze zdanie tekstu. " + " ".join(["słowo"] * 27) + "…"


def planned_rows(model):
    """How many rows the database's planner statistics say ``model``'s table holds."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s ORDER BY idx LIMIT 1", [table])
            return int(cursor.fetchone()[0].split()[0])
        cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
        return int(cursor.fetchone()[0])


def test_a_rebuild_leaves_the_planner_statistics_of_the_index_tables_up_to_date():
    rebuild()

    assert planned_rows(SearchKey) == SearchKey.objects.count() > 0


def test_loading_the_content_leaves_the_planner_statistics_of_the_database_up_to_date(news_index_pl):
    NewsPageFactory.create_batch(3, parent=news_index_pl)  # rows the statistics of the template do not count
    call_command("load_content", stdout=io.StringIO())

    assert planned_rows(Page) == Page.objects.count() > 0
