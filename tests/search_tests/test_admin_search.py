"""The admin's searches understand Polish as the public search does: every admin listing and chooser of pages,
partners, documents, news and events reaches the one index through Wagtail's search API (search/backend.py), so
word forms and words typed without diacritics find what an editor looks for."""

import pytest

from django.urls import reverse

from home.models import HomePage
from news.models import EventIndexPage
from partners.models import Partner
from tests.factories.editorial import EditorFactory
from tests.factories.news import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def home_pl(locale_pl):
    return HomePage.objects.get(locale=locale_pl)


def found(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("partnerstwa", "O Partnerstwie"),
        ("deklaracji", "Deklaracja przystąpienia online"),
        ("dostepnosci", "Deklaracja dostępności"),
    ],
)
def test_the_page_explorers_search_finds_pages_by_word_forms_and_without_diacritics(editor, home_pl, query, title):
    assert title in found(editor, f"/admin/pages/{home_pl.pk}/", query)


@pytest.mark.parametrize(("query", "title"), [("partnerstwa", "O Partnerstwie"), ("przystapienia", "Jak przystąpić")])
def test_the_page_chooser_finds_pages_by_word_forms_and_without_diacritics(editor, query, title):
    assert title in found(editor, reverse("wagtailadmin_choose_page_search"), query)


@pytest.mark.parametrize("query", ["spoldzielnia", "koziołka", "spółdzielni socjalnej"])
def test_the_partner_chooser_finds_partners_by_word_forms_and_without_diacritics(editor, query):
    url = reverse(Partner.snippet_viewset.chooser_viewset.get_url_name("choose_results"))
    assert "KOZIOŁEK" in found(editor, url, query)


@pytest.mark.parametrize("url", ["/admin/documents/", "/admin/documents/chooser/results/"])
@pytest.mark.parametrize(
    ("query", "title"), [("deklaracji", "Deklaracja Przystąpienia"), ("powolania", "Deklaracja Powołania")]
)
def test_the_documents_list_and_chooser_find_files_by_word_forms_and_without_diacritics(editor, url, query, title):
    assert title in found(editor, url, query)


def test_news_are_found_in_the_admin_by_word_forms_published_or_draft(editor, news_index_pl):
    NewsPageFactory(parent=news_index_pl, title="Walne zebranie spółdzielni KOZIOŁEK", lead="Zebranie członków.")
    NewsPageFactory(parent=news_index_pl, title="Szkic relacji z konferencji", lead="Relacja.", publish=False)

    for url in ("/admin/pages/search/", f"/admin/pages/{news_index_pl.pk}/"):
        assert "Walne zebranie spółdzielni KOZIOŁEK" in found(editor, url, "spoldzielnia koziolka")
        assert "Szkic relacji z konferencji" in found(editor, url, "konferencje")


def test_events_are_found_in_the_admin_by_word_forms_and_without_diacritics(editor, locale_pl):
    events = EventIndexPage.objects.get(locale=locale_pl)
    EventPageFactory(parent=events, title="Spotkanie Lubelskiego Partnerstwa", lead="Otwarte spotkanie partnerów.")

    for url in ("/admin/pages/search/", f"/admin/pages/{events.pk}/"):
        for query in ("spotkania partnerstwa", "lubelskiemu", "spotkaniu"):
            assert "Spotkanie Lubelskiego Partnerstwa" in found(editor, url, query), (url, query)


def test_a_word_in_no_content_finds_nothing_in_any_admin_search(editor, home_pl):
    """The assertions above could not pass on a search that lists everything."""
    for url in (
        f"/admin/pages/{home_pl.pk}/",
        "/admin/pages/search/",
        "/admin/snippets/partners/partner/",
        "/admin/documents/",
    ):
        html = found(editor, url, "hipopotamami")
        assert "O Partnerstwie" not in html and "KOZIOŁEK" not in html and "Deklaracja Powołania" not in html, url
