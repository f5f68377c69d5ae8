import pytest

from django.core.management import call_command

from partners.models import PartnerIndexPage

from ..factories.news import NewsPageFactory
from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db


def result_links(client, url, query):
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_live_partners_are_found_in_their_language_in_any_word_form(client, locale_pl):
    index = PartnerIndexPage.objects.get(locale=locale_pl)
    PartnerFactory(name="Spółdzielnia Socjalna „Przykładowa”", slug="przykladowa", city="Świdnik")

    html = result_links(client, "/pl/szukaj/", "spoldzielni swidnik")

    assert f'href="{index.url}przykladowa/"' in html
    assert "Spółdzielnia Socjalna" in html and "Partner" in html
    assert f'href="{index.url}przykladowa/"' not in result_links(client, "/en/search/", "spoldzielni swidnik")


def test_hidden_and_inactive_partners_are_not_found(client):
    draft = PartnerFactory(name="Fundacja Szkicowa", slug="szkicowa", live=False)
    PartnerFactory(name="Fundacja Nieaktywna", slug="nieaktywna", is_active=False)

    assert "szkicowa/" not in result_links(client, "/pl/szukaj/", "fundacja szkicowa")
    assert "nieaktywna/" not in result_links(client, "/pl/szukaj/", "fundacja nieaktywna")

    draft.live = True
    draft.save()
    assert "szkicowa/" in result_links(client, "/pl/szukaj/", "fundacja szkicowa")

    draft.delete()
    assert "szkicowa/" not in result_links(client, "/pl/szukaj/", "fundacja szkicowa")


def test_rebuild_search_entries_indexes_pages_and_partners(client):
    PartnerFactory(name="Stowarzyszenie Odbudowane", slug="odbudowane")

    call_command("rebuild_search_entries", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert "odbudowane/" in result_links(client, "/pl/szukaj/", "stowarzyszenia odbudowanego")
    assert 'href="/pl/jak-przystapic/"' in result_links(client, "/pl/szukaj/", "deklaracja")


def test_undated_results_come_after_dated_ones_on_every_database(client, news_index_pl):
    """PostgreSQL puts NULLs first in a descending order and SQLite last: the search says where they go."""
    partner_index = PartnerIndexPage.objects.get(locale=news_index_pl.locale)
    PartnerFactory(name="Fundacja Kwiatowa", slug="kwiatowa")
    news = NewsPageFactory(parent=news_index_pl, title="Kwiatowa łąka", lead="Sadzenie kwiatów.")

    html = result_links(client, "/pl/szukaj/", "kwiatowa")

    assert html.index(f'href="{news.url}"') < html.index(f'href="{partner_index.url}kwiatowa/"')
