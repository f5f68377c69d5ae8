import pytest

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from home.models import HomePage

from ..factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return {item["title"] for item in response.json()["items"]}


def test_listing_filters_by_locale(client):
    english = client.get("/api/v2/pages/?locale=en")
    polish = client.get("/api/v2/pages/?locale=pl")

    assert {"About the Partnership", "How to join", "Contact"} <= titles(english)
    assert not {"O Partnerstwie", "Kontakt"} & titles(english)
    assert {"O Partnerstwie", "Jak przystąpić", "Kontakt"} <= titles(polish)
    assert {item["meta"]["locale"] for item in english.json()["items"]} == {"en"}


def test_translation_of_lists_the_other_languages_versions(client, locale_pl):
    about = HomePage.objects.get(locale=locale_pl).get_children().get(slug="o-partnerstwie")

    response = client.get(f"/api/v2/pages/?translation_of={about.pk}")

    assert response.status_code == 200
    assert titles(response) == {"About the Partnership"}


def test_detail_carries_the_streamfield_body_in_the_pages_language(client, locale_en):
    about = HomePage.objects.get(locale=locale_en).get_children().get(slug="about")

    data = client.get(f"/api/v2/pages/{about.pk}/").json()

    assert data["meta"]["locale"] == "en"
    assert data["body"][0]["type"] == "paragraph"
    assert "LPNRzRES" in data["body"][0]["value"]
    assert data["body"][1]["value"]["attribution"] == "Compiled by A. Biały"


def test_rich_text_links_point_to_the_translation_in_the_pages_own_language(client, locale_pl, locale_en):
    polish_home = HomePage.objects.get(locale=locale_pl)
    english_home = HomePage.objects.get(locale=locale_en)
    polish_about = polish_home.get_children().get(slug="o-partnerstwie")
    english_page = StandardPageFactory(parent=english_home, title="Links", slug="links")
    english_page.body = [("paragraph", RichText(f'<p><a linktype="page" id="{polish_about.pk}">About</a></p>'))]
    english_page.save_revision().publish()

    data = client.get(f"/api/v2/pages/{english_page.pk}/", HTTP_ACCEPT_LANGUAGE="pl").json()

    assert 'href="http://testserver/en/about/"' in data["body"][0]["value"]


def test_listing_runs_the_same_number_of_queries_for_5_and_15_pages(client, locale_pl, django_assert_num_queries):
    home = HomePage.objects.get(locale=locale_pl)
    parent = StandardPageFactory(parent=home, title="Zbiór", slug="zbior")
    for n in range(5):
        StandardPageFactory(parent=parent, title=f"Strona {n}", slug=f"strona-{n}")
    url = f"/api/v2/pages/?child_of={parent.pk}&limit=100"

    client.get(url)  # warm the caches (content types, site root paths, the public pages' scope)
    with django_assert_num_queries(5):
        assert len(client.get(url).json()["items"]) == 5
    for n in range(5, 15):
        StandardPageFactory(parent=parent, title=f"Strona {n}", slug=f"strona-{n}")
    client.get(url)  # the first answer after a change reads the view restrictions and home pages again
    with django_assert_num_queries(5):
        assert len(client.get(url).json()["items"]) == 15


def test_missing_page_is_404_json(client):
    response = client.get("/api/v2/pages/999999/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"message": "There is no such object, or it is not public."}


def test_draft_page_is_404_json_and_absent_from_listing(client, locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    draft = StandardPageFactory(parent=home, title="Szkic", slug="szkic", live=False)

    response = client.get(f"/api/v2/pages/{draft.pk}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "Szkic" not in titles(client.get("/api/v2/pages/?limit=100"))


def test_private_page_is_404_json_and_absent_from_listing(client, locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    private = StandardPageFactory(parent=home, title="Prywatna", slug="prywatna")
    PageViewRestriction.objects.create(
        page=private,
        restriction_type=PageViewRestriction.PASSWORD,
        password="tajne",  # noqa: S106
    )

    response = client.get(f"/api/v2/pages/{private.pk}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "Prywatna" not in titles(client.get("/api/v2/pages/?limit=100"))


def test_restricting_a_listed_page_hides_it_and_its_subpages_from_the_next_answer(client, locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    section = StandardPageFactory(parent=home, title="Dział", slug="dzial")
    StandardPageFactory(parent=section, title="Podstrona działu", slug="podstrona")
    url = "/api/v2/pages/?locale=pl&limit=100"
    assert {"Dział", "Podstrona działu"} <= titles(client.get(url))  # the public pages' scope is now cached

    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)

    assert not {"Dział", "Podstrona działu"} & titles(client.get(url))
    assert client.get(f"/api/v2/pages/{section.pk}/").status_code == 404

    restriction.delete()

    assert {"Dział", "Podstrona działu"} <= titles(client.get(url))


def test_contact_details_are_served_per_language(client):
    data = client.get("/api/v2/contact/?locale=en&fields=*").json()

    [contact] = data["items"]
    assert contact["secretary_name"] == "Ewelina Jocek"
    assert contact["office_name"] == "FLOP Office"
    assert contact["email"] == "partnerstwoeslublin@gmail.com"


def test_contact_details_with_unknown_locale_is_400_json(client):
    response = client.get("/api/v2/contact/?locale=xx")

    assert response.status_code == 400
    assert "locale" in response.json()["message"]


def test_cors_allows_configured_origin_without_credentials(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://portal.example.org")

    assert response["Access-Control-Allow-Origin"] == "https://portal.example.org"
    assert "Access-Control-Allow-Credentials" not in response


def test_cors_refuses_other_origins(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")

    assert "Access-Control-Allow-Origin" not in response


def test_cors_headers_only_under_api(client):
    response = client.get("/pl/", HTTP_ORIGIN="https://portal.example.org")

    assert "Access-Control-Allow-Origin" not in response


def test_cors_preflight_is_answered_for_configured_origin(client):
    response = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://portal.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "https://portal.example.org"
