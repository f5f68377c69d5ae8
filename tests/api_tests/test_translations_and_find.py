import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from home.models import HomePage

from ..factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def homes(locale_pl, locale_en):
    return HomePage.objects.get(locale=locale_pl), HomePage.objects.get(locale=locale_en)


def translate(page, locale):
    """A published translation of ``page`` (its parent must already have one)."""
    translation = page.copy_for_translation(locale)
    translation.save_revision().publish()
    return translation


def test_every_listed_page_carries_its_live_translations(client):
    items = client.get("/api/v2/pages/?locale=en&limit=100").json()["items"]

    about = next(item for item in items if item["meta"]["slug"] == "about")
    [polish] = about["meta"]["translations"]
    assert polish["locale"] == "pl"
    assert polish["title"] == "O Partnerstwie"
    assert polish["html_url"] == "http://testserver/pl/o-partnerstwie/"
    assert polish["detail_url"] == f"http://testserver/api/v2/pages/{polish['id']}/"
    assert all(item["meta"]["translations"] for item in items)


def test_detail_lists_translations_but_not_the_page_itself(client, homes):
    polish_home, english_home = homes

    data = client.get(f"/api/v2/pages/{english_home.pk}/").json()

    assert [(t["id"], t["locale"]) for t in data["meta"]["translations"]] == [(polish_home.pk, "pl")]


def test_translations_leave_out_drafts_and_private_pages(client, homes, locale_en):
    polish_home, _english_home = homes
    draft_source = StandardPageFactory(parent=polish_home, title="Tylko po polsku", slug="tylko-po-polsku")
    draft = draft_source.copy_for_translation(locale_en)  # created, never published
    private_source = StandardPageFactory(parent=polish_home, title="Z tłumaczeniem prywatnym", slug="prywatne-tl")
    private = translate(private_source, locale_en)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    for source in (draft_source, private_source):
        data = client.get(f"/api/v2/pages/{source.pk}/").json()
        assert data["meta"]["translations"] == []
    assert not draft.live


def test_listing_translations_cost_the_same_queries_for_3_and_10_pages(
    client, homes, locale_en, django_assert_num_queries
):
    polish_home, _english_home = homes
    parent = StandardPageFactory(parent=polish_home, title="Zbiór", slug="zbior")
    translate(parent, locale_en)
    for n in range(3):
        translate(StandardPageFactory(parent=parent, title=f"Strona {n}", slug=f"strona-{n}"), locale_en)
    url = f"/api/v2/pages/?child_of={parent.pk}&limit=100"
    client.get(url)

    with CaptureQueriesContext(connection) as few:
        assert len(client.get(url).json()["items"]) == 3
    few_queries = len(few.captured_queries)  # read now: the next request empties the query log
    for n in range(3, 10):
        translate(StandardPageFactory(parent=parent, title=f"Strona {n}", slug=f"strona-{n}"), locale_en)
    client.get(url)  # the first answer after a change reads the view restrictions and home pages again
    with django_assert_num_queries(few_queries):
        items = client.get(url).json()["items"]
    assert len(items) == 10
    assert all(len(item["meta"]["translations"]) == 1 for item in items)


@pytest.mark.parametrize(
    ("html_path", "title"),
    [
        ("/en/about/", "About the Partnership"),
        ("/en/about", "About the Partnership"),
        ("/pl/o-partnerstwie/", "O Partnerstwie"),
        ("/o-partnerstwie/", "O Partnerstwie"),
        ("http://testserver/en/about/", "About the Partnership"),
        ("/en/", "Lublin Partnership for the Development of the Social Economy"),
        ("/pl/", "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej"),
    ],
)
def test_find_routes_language_prefixed_paths_to_that_languages_page(client, html_path, title):
    response = client.get("/api/v2/pages/find/", {"html_path": html_path})

    assert response.status_code == 302
    page = client.get(response["Location"]).json()
    assert page["title"] == title


def test_find_keeps_other_parameters_in_its_redirect(client):
    response = client.get("/api/v2/pages/find/?html_path=/en/about/&fields=title")

    assert response.status_code == 302
    assert "fields=title" in response["Location"]
    assert "html_path" not in response["Location"]


@pytest.mark.parametrize("html_path", ["/en/o-partnerstwie/", "/pl/about/", "/de/about/", "/en/nothing-here/"])
def test_find_answers_404_json_for_paths_that_are_not_pages(client, html_path):
    response = client.get("/api/v2/pages/find/", {"html_path": html_path})

    assert response.status_code == 404
    assert response.json()["message"]


def test_find_does_not_find_drafts(client, homes):
    _polish_home, english_home = homes
    StandardPageFactory(parent=english_home, title="Draft", slug="draft", live=False)

    assert client.get("/api/v2/pages/find/?html_path=/en/draft/").status_code == 404
