import pytest

from home.content import FORMATION, INTRODUCTION, MISSION, PULL_QUOTE, QUOTE_ATTRIBUTION, QUOTE_SOURCE

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["pl", "en"])
def test_home_page_shows_the_partnership_text_in_its_language(client, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    html = response.content.decode()
    for text in (MISSION, INTRODUCTION, PULL_QUOTE, FORMATION):
        assert getattr(text, language) in html
    assert f'<html lang="{language}">' in html


@pytest.mark.parametrize(
    ("language", "skip_link", "menu_label"),
    [("pl", "Przejdź do treści głównej", "Menu główne"), ("en", "Skip to main content", "Main menu")],
)
def test_interface_strings_are_in_the_pages_language(client, language, skip_link, menu_label):
    html = client.get(f"/{language}/").content.decode()

    assert skip_link in html
    assert f'aria-label="{menu_label}"' in html


def test_home_page_quote_carries_its_attribution_and_source(client):
    html = client.get("/pl/").content.decode()

    assert f"({QUOTE_ATTRIBUTION.pl}, <cite>{QUOTE_SOURCE.pl}</cite>)" in html


def test_navigation_lists_the_languages_own_pages(client):
    polish = client.get("/pl/").content.decode()
    english = client.get("/en/").content.decode()

    for path in ("/pl/o-partnerstwie/", "/pl/jak-przystapic/", "/pl/kontakt/"):
        assert f'href="{path}"' in polish
    for path in ("/en/about/", "/en/how-to-join/", "/en/contact/"):
        assert f'href="{path}"' in english
    assert 'href="/en/about/"' not in polish.split('class="main-nav"')[1]


def test_contact_page_shows_the_contact_details(client):
    html = client.get("/pl/kontakt/").content.decode()

    assert "Biuro FLOP" in html
    assert "ul. 3 Maja 10/6" in html
    assert "w budynku Szkoły Języków Europejskich UNIVERSUS" in html


@pytest.mark.parametrize(
    "language, join_path, accession_path",
    [
        ("pl", "/pl/jak-przystapic/", "/pl/jak-przystapic/deklaracja-online/"),
        ("en", "/en/how-to-join/", "/en/how-to-join/online-declaration/"),
    ],
)
def test_how_to_join_leads_on_to_the_online_accession_declaration(client, language, join_path, accession_path):
    html = client.get(join_path).content.decode()

    assert f'href="{accession_path}"' in html
    assert client.get(accession_path).status_code == 200


def test_a_text_page_lists_no_draft_or_private_subpage(client):
    from wagtail.models import PageViewRestriction

    from membership.models import AccessionPage

    accession = AccessionPage.objects.get(locale__language_code="pl")
    PageViewRestriction.objects.create(page=accession, restriction_type=PageViewRestriction.LOGIN)
    assert f'href="{accession.url}"' not in client.get("/pl/jak-przystapic/").content.decode()

    PageViewRestriction.objects.filter(page=accession).delete()
    accession.unpublish()
    assert f'href="{accession.url}"' not in client.get("/pl/jak-przystapic/").content.decode()
