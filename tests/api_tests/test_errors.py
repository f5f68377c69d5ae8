"""Every invalid parameter answers 400 JSON with a message, every unknown id 404 JSON; never 500.

Run on SQLite by default and on PostgreSQL with ``DATABASE_URL=postgres://…`` (CI does both).
"""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "9" * 30

BAD_REQUESTS = [
    # unknown locale or type
    "/api/v2/pages/?locale=xx",
    "/api/v2/pages/?locale=",
    "/api/v2/pages/?type=nothing.Nothing",
    "/api/v2/pages/?type=home",
    "/api/v2/pages/?type=wagtailimages.Image",
    "/api/v2/contact/?locale=de",
    "/api/v2/navigation/?locale=xx",
    # non-numeric, negative or huge ids
    "/api/v2/pages/abc/",
    "/api/v2/pages/-1/",
    "/api/v2/pages/1.5/",
    "/api/v2/images/abc/",
    "/api/v2/documents/x/",
    "/api/v2/contact/one/",
    "/api/v2/pages/?child_of=abc",
    "/api/v2/pages/?child_of=-3",
    f"/api/v2/pages/?child_of={HUGE}",
    "/api/v2/pages/?descendant_of=x",
    "/api/v2/pages/?ancestor_of=root",
    "/api/v2/pages/?translation_of=abc",
    f"/api/v2/pages/?translation_of={HUGE}",
    "/api/v2/pages/?id=abc",
    f"/api/v2/pages/?id={HUGE}",
    "/api/v2/pages/find/?id=abc",
    f"/api/v2/pages/find/?id={HUGE}",
    # limit and offset
    "/api/v2/pages/?limit=-1",
    "/api/v2/pages/?limit=abc",
    "/api/v2/pages/?limit=101",
    f"/api/v2/pages/?limit={HUGE}",
    "/api/v2/pages/?limit=1e3",
    "/api/v2/pages/?offset=-1",
    "/api/v2/pages/?offset=abc",
    f"/api/v2/pages/?offset={HUGE}",
    "/api/v2/pages/?offset=10001",
    "/api/v2/images/?limit=abc",
    "/api/v2/documents/?offset=-5",
    "/api/v2/contact/?limit=1000",
    "/api/v2/pages/?limit=1&limit=2",
    # fields
    "/api/v2/pages/?fields=nothing",
    "/api/v2/pages/?fields=title,",
    "/api/v2/pages/?fields=title(",
    "/api/v2/pages/?fields=*,title",
    "/api/v2/pages/?fields=title(id)",
    "/api/v2/pages/?type=home.StandardPage&fields=body(x)",
    "/api/v2/contact/?fields=password",
    # order
    "/api/v2/pages/?order=nothing",
    "/api/v2/pages/?order=-",
    "/api/v2/pages/?order=title,,id",
    "/api/v2/pages/?order=random,title",
    "/api/v2/pages/?order=title;drop",
    "/api/v2/contact/?order=nothing",
    # search
    "/api/v2/pages/?search=" + "a" * 201,
    "/api/v2/pages/?search=x&search_operator=xor",
    "/api/v2/images/?search=" + "b" * 500,
    # partners
    "/api/v2/partners/?locale=xx",
    "/api/v2/partners/?sector=nothing",
    "/api/v2/partners/?latitude=north",
    "/api/v2/partners/?limit=-1",
    f"/api/v2/partners/?offset={HUGE}",
    "/api/v2/partners/abc/",
    "/api/v2/partners/?fields=secret",
    "/api/v2/partners/?order=-nothing",
    "/api/v2/partners/?search=" + "c" * 201,
    # dated page types
    "/api/v2/pages/?when=soon",
    "/api/v2/pages/?when=upcoming",
    "/api/v2/pages/?type=home.StandardPage&when=past",
    # anything else
    "/api/v2/pages/?nothing=1",
    "/api/v2/pages/?title=%00",
    "/api/v2/pages/?search=%00",
    "/api/v2/pages/?show_in_menus=perhaps",
    "/api/v2/pages/?rich_text_format=pdf",
    "/api/v2/languages/?limit=1",
    "/api/v2/navigation/?locale=pl&extra=1",
    "/api/v2/schema/?format=yaml",
    # values a page type's field filter cannot hold, enums, and parameters nothing reads
    "/api/v2/pages/?type=news.NewsPage&date=notadate",
    "/api/v2/pages/?type=news.EventPage&start=tomorrow",
    "/api/v2/pages/?type=home.AccessibilityStatementPage&publication_date=2026-13-01",
    "/api/v2/partners/?role=foo",
    "/api/v2/partners/?social_economy_kind=xx",
    "/api/v2/pages/?type=home.StandardPage,nothing",
    "/api/v2/pages/find/?html_path=",
    "/api/v2/pages/1/?nothing=1",
    "/api/v2/contact/1/?locale=pl",
    "/api/v2/partners/1/?colour=green",
    "/api/v2/images/1/?limit=1",
]


@pytest.mark.parametrize("url", BAD_REQUESTS)
def test_invalid_parameter_answers_400_json_with_a_message(client, url):
    response = client.get(url)

    assert response.status_code == 400, response.content[:200]
    assert response["Content-Type"] == "application/json"
    message = response.json()["message"]
    assert isinstance(message, str) and message


NOT_FOUND = [
    "/api/v2/pages/999999/",
    f"/api/v2/pages/{HUGE}/",
    "/api/v2/images/999999/",
    f"/api/v2/images/{HUGE}/",
    "/api/v2/documents/999999/",
    "/api/v2/contact/999999/",
    "/api/v2/partners/999999/",
    f"/api/v2/partners/{HUGE}/",
    f"/api/v2/contact/{HUGE}/",
    "/api/v2/pages/find/?id=999999",
    "/api/v2/pages/find/?html_path=/en/nothing/",
    "/api/v2/nothing/",
    "/api/v2/pages/1/2/",
]


@pytest.mark.parametrize("url", NOT_FOUND)
def test_unknown_ids_and_addresses_answer_404_json(client, url):
    response = client.get(url)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"]


def test_write_methods_answer_405_json_in_the_one_error_shape(client):
    response = client.post("/api/v2/pages/", {"title": "x"}, HTTP_ACCEPT_LANGUAGE="pl")

    assert response.status_code == 405
    assert response.json()["message"].startswith("POST is not allowed here: this address answers GET")
    assert "GET" in response["Allow"]


def test_a_request_for_anything_but_json_answers_406_in_the_one_error_shape(client):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html", HTTP_ACCEPT_LANGUAGE="pl")

    assert response.status_code == 406
    assert response.json() == {"message": "The API answers application/json only."}


@pytest.mark.parametrize("endpoint", ["images", "documents"])
@pytest.mark.parametrize("text", [" ", "   ", '"', 'raport "roczny'])
def test_blank_text_or_an_unmatched_quote_searches_without_an_error(client, endpoint, text):
    response = client.get(f"/api/v2/{endpoint}/", {"search": text})

    assert response.status_code == 200
    if not text.replace('"', "").strip():
        assert response.json()["items"] == []


def test_find_answers_404_for_a_path_a_page_only_answers_below_itself(client):
    response = client.get("/api/v2/pages/find/", {"html_path": "/pl/partnerzy/nie-ma-takiego/"})

    assert response.status_code == 404
    assert response.json()["message"]


def test_find_redirects_without_a_trailing_question_mark(client):
    response = client.get("/api/v2/pages/find/", {"html_path": "/en/about/"})

    assert response.status_code == 302
    assert not response["Location"].endswith("?")
    assert client.get("/api/v2/pages/find/", {"html_path": "/en/about/", "fields": "*"})["Location"].endswith(
        "?fields=%2A"
    )
