"""One index, one event: what the public search shows follows public_content_changed alone (drafts never), and the
API's and the admin's searches use the same index and analysis through Wagtail's search API."""

import re
from urllib.parse import urlsplit

import pytest
from wagtail_factories import ImageFactory

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.documents import get_document_model
from wagtail.models import Page

from home import content_events
from home.models import HomePage, StandardPage
from partners.models import Partner
from search.indexing import index_changed
from search.models import SearchEntry
from tests.factories.editorial import EditorFactory
from tests.factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db


def site_results(client, query, language="pl"):
    path = "/pl/szukaj/" if language == "pl" else "/en/search/"
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return re.findall(r'class="search-result__title"><a href="([^"]+)">([^<]*)<', response.content.decode())


def api_pages(client, query, **params):
    response = client.get("/api/v2/pages/", {"search": query, **params})
    assert response.status_code == 200
    return [urlsplit(item["meta"]["html_url"]).path for item in response.json()["items"]]


def api_partner_names(client, query):
    response = client.get("/api/v2/partners/", {"search": query, "locale": "pl"})
    assert response.status_code == 200
    return [item["name"] for item in response.json()["items"]]


@pytest.fixture
def home_pl(locale_pl):
    return HomePage.objects.get(locale=locale_pl)


@pytest.fixture
def published_page(home_pl):
    page = home_pl.add_child(instance=StandardPage(title="Zorza nad Bystrzycą", slug="zorza", live=False))
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def editor_client(client):
    client.force_login(EditorFactory())
    return client


def test_a_published_page_is_found_in_the_site_search_and_the_api_by_another_form(client, published_page):
    assert ("/pl/zorza/", "Zorza nad Bystrzycą") in site_results(client, "zorzy bystrzycy")
    assert api_pages(client, "zorze", locale="pl") == ["/pl/zorza/"]


def test_a_draft_of_a_published_page_changes_nothing_public_and_the_live_title_is_still_found(client, published_page):
    published_page.title = "Kometa nad Wieprzem"
    published_page.save_revision()

    assert site_results(client, "kometa") == []
    assert api_pages(client, "kometa") == []
    assert ("/pl/zorza/", "Zorza nad Bystrzycą") in site_results(client, "zorza")
    assert api_pages(client, "zorza") == ["/pl/zorza/"]


def test_a_draft_of_a_translation_changes_nothing_public(client, locale_en):
    english = StandardPage.objects.get(locale=locale_en, slug="about")
    english.title = "Nebula over the river"
    english.save_revision()

    assert site_results(client, "nebula", "en") == []
    assert api_pages(client, "nebula") == []
    assert "/en/about/" in [url for url, _title in site_results(client, "partnership", "en")]


def test_a_draft_of_a_published_partner_changes_nothing_public_and_its_live_name_is_still_found(client):
    partner = Partner.objects.get(slug="koziolek", locale__language_code="pl")
    live_name = partner.name
    partner.name = "Fundacja Zielony Kasztan"
    partner.city = "Zamość"
    partner.save_revision()

    assert site_results(client, "kasztanem") == []
    assert site_results(client, "zamość") == []
    assert api_partner_names(client, "kasztan") == []
    assert ("/pl/partnerzy/koziolek/", live_name) in site_results(client, "koziołka")
    assert api_partner_names(client, "koziołka") == [live_name]


def test_publishing_the_draft_of_a_partner_puts_its_new_name_in_the_search(client):
    partner = Partner.objects.get(slug="koziolek", locale__language_code="pl")
    partner.name = "Fundacja Zielony Kasztan"
    partner.save_revision().publish()

    assert [title for _url, title in site_results(client, "kasztanem")] == ["Fundacja Zielony Kasztan"]
    assert api_partner_names(client, "kasztany") == ["Fundacja Zielony Kasztan"]


def test_an_unpublished_page_is_gone_from_the_site_search_and_the_api(client, published_page):
    published_page.unpublish()

    assert site_results(client, "zorza") == []
    assert api_pages(client, "zorza") == []


def test_indexing_follows_the_one_event_not_saves(client, home_pl):
    """A page saved live by code without publishing (and so without the event) is not in the public index."""
    with pytest.MonkeyPatch.context() as patch:
        received = []
        patch.setattr(content_events.public_content_changed, "send", lambda **kwargs: received.append(kwargs))
        home_pl.add_child(instance=StandardPage(title="Meteoryt", slug="meteoryt", live=True))

    assert received  # the receiver announced it …
    assert site_results(client, "meteoryt") == []  # … and nothing but the event indexes


# --- the admin: the same index, drafts included ----------------------------------------------------------------
def admin_page_titles(client, query):
    response = client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    return re.findall(r"data-page-title[^>]*>\s*([^<]+?)\s*<", response.content.decode()) or response.content.decode()


@pytest.mark.parametrize("query", ["partnerstwa", "partnerstwie", "deklaracji", "spoldzielnia", "koziołka"])
def test_the_admin_page_search_finds_pages_by_polish_forms_and_without_diacritics(editor_client, query):
    html = editor_client.get("/admin/pages/search/", {"q": query}).content.decode()

    assert "O Partnerstwie" in html or "Jak przystąpić" in html or "Lubelskie Partnerstwo" in html


@pytest.mark.parametrize("query", ["koziołka", "koziolkiem", "spoldzielni socjalnej", "spółdzielnią"])
def test_the_admin_partner_search_finds_partners_by_polish_forms_and_without_diacritics(editor_client, query):
    html = editor_client.get("/admin/snippets/partners/partner/", {"q": query}).content.decode()

    assert "KOZIOŁEK" in html


def test_the_admin_finds_an_unpublished_page_and_a_draft_partner_the_public_never_sees(client, home_pl):
    page = home_pl.add_child(instance=StandardPage(title="Szkic Planu Działań", slug="szkic", live=False))
    page.save_revision()
    PartnerFactory(name="Stowarzyszenie Niewidzialnych Mostów", slug="mosty", live=False)
    public = site_results(client, "mostami") + site_results(client, "planów")
    assert public == []
    assert api_partner_names(client, "mosty") == []

    client.force_login(EditorFactory())
    assert "Szkic Planu Działań" in client.get("/admin/pages/search/", {"q": "planów"}).content.decode()
    assert "Niewidzialnych Mostów" in client.get("/admin/snippets/partners/partner/", {"q": "mostami"}).content.decode()
    assert SearchEntry.objects.filter(public=False, title="Szkic Planu Działań").exists()


def test_the_admin_page_search_as_you_type_matches_an_unfinished_word(editor_client):
    assert "O Partnerstwie" in editor_client.get("/admin/pages/search/", {"q": "partnerst"}).content.decode()


# --- images and documents through the same backend ---------------------------------------------------------------
def test_the_documents_api_and_admin_find_a_file_by_a_polish_form(client, editor_client):
    document = get_document_model().objects.first()
    document.title = "Sprawozdanie finansowe za rok 2025"
    document.save()

    assert [item["title"] for item in client.get("/api/v2/documents/", {"search": "sprawozdania"}).json()["items"]] == [
        document.title
    ]
    assert document.title in editor_client.get("/admin/documents/", {"q": "sprawozdaniem"}).content.decode()


# --- hostile queries ----------------------------------------------------------------------------------------------
HOSTILE = ["   ", '"', "\x00", "a" * 10_000, "ż" * 10_000, "😀🎉", "\u200f\u202e", "((", "*", "-"]

ENTRY_POINTS = [
    "/pl/szukaj/?q=",
    "/en/search/?q=",
    "/api/v2/pages/?search=",
    "/api/v2/partners/?search=",
    "/api/v2/documents/?search=",
    "/api/v2/images/?search=",
]


@pytest.mark.parametrize("query", HOSTILE, ids=lambda query: repr(query[:12]))
def test_hostile_queries_answer_empty_or_400_in_every_entry_point(client, query):
    for entry_point in ENTRY_POINTS:
        path, parameter = entry_point.split("?")
        response = client.get(path, {parameter.rstrip("="): query})

        assert response.status_code in (200, 400), (entry_point, response.status_code)
        if response.status_code == 400:
            assert response.json()["message"]
        elif path.startswith("/api/"):
            assert response.json()["items"] == []


@pytest.mark.parametrize("query", HOSTILE, ids=lambda query: repr(query[:12]))
def test_hostile_queries_never_fail_in_the_admin_searches(editor_client, query):
    for path in ["/admin/pages/search/", "/admin/snippets/partners/partner/", "/admin/documents/", "/admin/images/"]:
        assert editor_client.get(path, {"q": query[:1000]}).status_code == 200, path


def test_an_unmatched_quote_searches_the_words_it_holds(client):
    assert api_pages(client, '"koziołka', locale="pl")[:1] == ["/pl/"]
    assert "/pl/" in [url for url, _title in site_results(client, 'koziołka"')]


def test_an_image_is_found_in_the_images_api_by_a_polish_form(client):
    image = ImageFactory(title="Zebranie członków partnerstwa")

    titles = [item["title"] for item in client.get("/api/v2/images/", {"search": "zebrania"}).json()["items"]]
    assert titles == [image.title]


# --- ranking and query counts ------------------------------------------------------------------------------------
def test_title_matches_rank_before_body_matches_and_all_words_before_some(client, home_pl):
    body_only = home_pl.add_child(
        instance=StandardPage(title="Sprawy bieżące", slug="biezace", live=False, search_description="Tęcza i burza")
    )
    body_only.save_revision().publish()
    in_title = home_pl.add_child(instance=StandardPage(title="Tęcza", slug="tecza", live=False))
    in_title.save_revision().publish()

    assert [url for url, _title in site_results(client, "tęczy")][:2] == ["/pl/tecza/", "/pl/biezace/"]
    assert api_pages(client, "tęcza burza", search_operator="or") == ["/pl/biezace/", "/pl/tecza/"]
    assert api_pages(client, "tęcza burza") == ["/pl/biezace/"]


def test_the_exact_form_ranks_before_another_form_of_the_same_word(client, home_pl):
    for title, slug in [("Spotkanie w szkole", "szkole"), ("Szkoła otwarta", "szkola")]:
        page = home_pl.add_child(instance=StandardPage(title=title, slug=slug, live=False))
        page.save_revision().publish()

    assert api_pages(client, "szkoła")[:2] == ["/pl/szkola/", "/pl/szkole/"]
    assert api_pages(client, "szkole")[:2] == ["/pl/szkole/", "/pl/szkola/"]


def index_queries(client, path, query):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, {"search": query}).status_code == 200
    return len([query for query in queries if "search_searchkey" in query["sql"]])


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/v2/partners/"])
def test_an_api_search_reads_the_index_once_then_answers_repeats_from_the_cache_until_the_index_changes(client, path):
    assert index_queries(client, path, "partnerstwa koziołka") == 1
    assert index_queries(client, path, "partnerstwa koziołka") == 0

    index_changed()

    assert index_queries(client, path, "partnerstwa koziołka") == 1


def test_publishing_a_page_is_seen_by_a_search_cached_before(client, home_pl):
    assert api_pages(client, "komety") == []
    page = home_pl.add_child(instance=StandardPage(title="Kometa", slug="kometa", live=False))
    page.save_revision().publish()

    assert api_pages(client, "komety") == ["/pl/kometa/"]


def test_an_ordered_api_search_keeps_the_matches_in_the_requested_order(client):
    titles = [
        item["title"]
        for item in client.get("/api/v2/pages/", {"search": "partnerstwa", "order": "title", "locale": "pl"}).json()[
            "items"
        ]
    ]

    assert len(titles) > 2
    assert titles == sorted(titles)
    assert "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej" in titles
