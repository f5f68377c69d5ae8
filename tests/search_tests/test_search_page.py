import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import PageViewRestriction

from search import query as search_query

from ..factories.news import NewsPageFactory

pytestmark = pytest.mark.django_db


def result_urls(response):
    assert response.status_code == 200
    return re.findall(r'class="search-result__title"><a href="([^"]+)"', response.content.decode())


def test_search_page_has_a_translated_url_per_language(client):
    with translation.override("pl"):
        assert reverse("search") == "/pl/szukaj/"
    with translation.override("en"):
        assert reverse("search") == "/en/search/"
    assert client.get("/pl/szukaj/").status_code == 200
    assert client.get("/en/search/").status_code == 200
    assert client.get("/en/szukaj/").status_code == 404


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ekonomia", {"/pl/", "/pl/o-partnerstwie/"}),  # the text says "Ekonomii Społecznej"
        ("ekonomii społecznej", {"/pl/", "/pl/o-partnerstwie/"}),
        # The founding text says "Spółdzielni Socjalnej" (the home page quotes one sentence of it).
        ("spółdzielnia", {"/pl/o-partnerstwie/"}),
        ("spoldzielnia", {"/pl/o-partnerstwie/"}),
        ("spółdzielnie socjalne", {"/pl/o-partnerstwie/"}),
        ("Deklaracja", {"/pl/jak-przystapic/"}),  # the text says "Deklaracja Przystąpienia"
        ("deklaracji przystapienia", {"/pl/jak-przystapic/"}),
        ("przedsiębiorstwo społeczne", {"/pl/", "/pl/o-partnerstwie/"}),  # "przedsiębiorstw społecznych"
        ("SEKRETARZA", {"/pl/jak-przystapic/"}),  # "kontakt z sekretarzem"
    ],
)
def test_polish_query_finds_pages_in_other_word_forms_and_without_diacritics(client, query, expected):
    urls = result_urls(client.get("/pl/szukaj/", {"q": query}))

    assert expected <= set(urls), urls
    # Files (the declarations) are served from one address for both languages.
    assert all(url.startswith(("/pl/", "/documents/")) for url in urls)


def test_title_matches_rank_first(client):
    urls = result_urls(client.get("/pl/szukaj/", {"q": "ekonomia"}))

    assert urls[0] == "/pl/"  # "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej"


def test_every_word_of_the_query_must_match(client):
    assert result_urls(client.get("/pl/szukaj/", {"q": "deklaracja koziołek"})) == []


def test_results_are_in_the_language_of_the_search_page(client):
    english = result_urls(client.get("/en/search/", {"q": "social cooperatives"}))
    polish = result_urls(client.get("/pl/szukaj/", {"q": "social cooperatives"}))

    assert "/en/" in english and "/en/about/" in english
    assert all(url.startswith("/en/") for url in english)
    assert polish == []


def test_results_show_highlighted_snippets(client):
    html = client.get("/pl/szukaj/", {"q": "spoldzielnia"}).content.decode()

    assert "<mark>Spółdzielni</mark>" in html


def test_snippets_escape_page_text(client, news_index_pl):
    NewsPageFactory(parent=news_index_pl, title="Skrypt", lead="Wzór: 1 < 2 & 3 > 2 <script>alert(1)</script>")

    html = client.get("/pl/szukaj/", {"q": "wzór"}).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "1 &lt; 2 &amp; 3 &gt; 2" in html


def test_results_are_paginated(client, news_index_pl):
    for number in range(12):
        NewsPageFactory(parent=news_index_pl, title=f"Warsztaty spółdzielcze {number}", lead="Warsztaty.")

    first = client.get("/pl/szukaj/", {"q": "warsztaty"})
    second = client.get("/pl/szukaj/", {"q": "warsztaty", "page": 2})

    assert len(result_urls(first)) == 10 and len(result_urls(second)) == 2
    assert "12 wyników dla „warsztaty”" in first.content.decode()
    assert not set(result_urls(first)) & set(result_urls(second))


def test_all_matches_are_counted_past_the_kept_rows_by_the_one_query_that_ranks_them(
    client, news_index_pl, monkeypatch
):
    monkeypatch.setattr(search_query, "MAX_RESULTS", 5)
    for number in range(12):
        NewsPageFactory(parent=news_index_pl, title=f"Warsztaty spółdzielcze {number}", lead="Warsztaty.")
    locale = news_index_pl.locale

    with CaptureQueriesContext(connection) as queries:
        rows, count = search_query.search_entries("warsztaty", [locale])

    assert (len(rows), count) == (5, 12)
    ranking = [q["sql"] for q in queries if "search_searchkey" in q["sql"]]
    assert len(ranking) == 1 and "COUNT(" not in ranking[0].upper()
    # Five kept rows make one page of ten results, and the summary still says how many matched.
    assert "12 wyników dla „warsztaty”" in client.get("/pl/szukaj/", {"q": "warsztaty"}).content.decode()


def test_search_query_count_does_not_grow_with_the_number_of_results(client, news_index_pl):
    NewsPageFactory(parent=news_index_pl, title="Warsztaty 1", lead="Warsztaty.")
    with CaptureQueriesContext(connection) as few:
        client.get("/pl/szukaj/", {"q": "warsztaty"})
    NewsPageFactory.create_batch(6, parent=news_index_pl, lead="Warsztaty.")
    with CaptureQueriesContext(connection) as many:
        client.get("/pl/szukaj/", {"q": "warsztaty"})

    assert len(many) == len(few)


@pytest.mark.parametrize(
    "query",
    [
        "'",
        '"',
        "\x00",
        "eko\x00nomia",
        "a" * 10_240,
        "spółdzielnia " * 1000,
        "😀🎉",
        "שלום עולם",
        "مرحبا بالعالم",
        "\u202eekonomia\u202c",
        "%",
        "_",
        "\\",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "  ",
        "w i na",
    ],
)
def test_any_query_answers_200(client, query):
    for url in ("/pl/szukaj/", "/en/search/"):
        response = client.get(url, {"q": query, "page": "x"})
        assert response.status_code == 200


def test_private_pages_drafts_and_unpublished_pages_are_not_found(client, news_index_pl):
    private = NewsPageFactory(parent=news_index_pl, title="Tajne zebranie zarządu")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    unpublished = NewsPageFactory(parent=news_index_pl, title="Wycofane zebranie")
    unpublished.unpublish()
    draft = NewsPageFactory(parent=news_index_pl, title="Jawne zebranie")
    draft.title = "Jawne zebranie z poprawką roboczą"
    draft.save_revision()

    assert result_urls(client.get("/pl/szukaj/", {"q": "tajne zebranie"})) == []
    assert result_urls(client.get("/pl/szukaj/", {"q": "wycofane zebranie"})) == []
    assert result_urls(client.get("/pl/szukaj/", {"q": "poprawka robocza"})) == []
    assert result_urls(client.get("/pl/szukaj/", {"q": "jawne zebranie"})) == [draft.url]


def test_unpublished_translation_is_not_found(client, news_index_pl, locale_en):
    item = NewsPageFactory(parent=news_index_pl, title="Spotkanie")
    english = item.copy_for_translation(locale_en)  # a draft translation, never published
    english.title = "Unpublished meeting"
    english.save_revision()

    assert result_urls(client.get("/en/search/", {"q": "unpublished meeting"})) == []


def test_api_search_understands_polish_forms_and_missing_diacritics(client, about_page_pl):
    response = client.get("/api/v2/pages/", {"search": "spoldzielni socjalnej", "locale": "pl"})

    assert response.status_code == 200
    ids = [item["id"] for item in response.json()["items"]]
    # The founding text (the about page) and the home page's description both name the cooperative.
    assert about_page_pl.pk in ids[:2]


@pytest.mark.parametrize("query", ["'", "😀", "x" * 200, "שלום"])
def test_api_search_answers_200_to_any_query(client, query):
    response = client.get("/api/v2/pages/", {"search": query})

    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] == 0


@pytest.mark.parametrize("query", ["\x00", "x" * 10_240])
def test_api_search_answers_400_json_to_null_characters_and_oversized_queries(client, query):
    """The API's contract (issue 7): an invalid parameter is a 400 with a message."""
    response = client.get("/api/v2/pages/", {"search": query})

    assert response.status_code == 400
    assert response.json()["message"]


def test_api_search_hides_private_pages(client, news_index_pl):
    private = NewsPageFactory(parent=news_index_pl, title="Tajne zebranie zarządu")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")

    response = client.get("/api/v2/pages/", {"search": "tajne"})

    assert response.json()["meta"]["total_count"] == 0


def test_search_uses_plain_like_queries_that_behave_alike_on_sqlite_and_postgresql(client):
    with CaptureQueriesContext(connection) as queries:
        client.get("/pl/szukaj/", {"q": "spoldzielnia"})

    search_sql = [q["sql"] for q in queries if "search_searchentry" in q["sql"]]
    assert search_sql
    for sql in search_sql:
        assert "MATCH" not in sql.upper() and "TSVECTOR" not in sql.upper() and "UPPER(" not in sql.upper()
