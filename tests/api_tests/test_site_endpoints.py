import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage

from ..factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_languages_lists_polish_first_then_english_with_their_home_pages(client):
    data = client.get("/api/v2/languages/").json()

    assert data["meta"] == {"total_count": 2, "default": "pl"}
    assert [(item["code"], item["name_local"], item["is_default"]) for item in data["items"]] == [
        ("pl", "polski", True),
        ("en", "English", False),
    ]
    assert data["items"][1]["home"]["html_url"] == "http://testserver/en/"


def test_navigation_gives_the_main_menu_in_the_requested_language(client):
    english = client.get("/api/v2/navigation/?locale=en").json()
    polish = client.get("/api/v2/navigation/").json()

    assert english["meta"]["locale"] == "en"
    assert english["home"]["html_url"] == "http://testserver/en/"
    assert {"About the Partnership", "Contact"} <= {item["title"] for item in english["items"]}
    assert polish["meta"]["locale"] == "pl"
    assert {"O Partnerstwie", "Kontakt"} <= {item["title"] for item in polish["items"]}


def test_navigation_leaves_out_pages_hidden_from_menus_and_drafts(client, locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    StandardPageFactory(parent=home, title="Ukryta", slug="ukryta", show_in_menus=False)
    StandardPageFactory(parent=home, title="Szkic w menu", slug="szkic-w-menu", show_in_menus=True, live=False)
    StandardPageFactory(parent=home, title="Nowa w menu", slug="nowa-w-menu", show_in_menus=True)

    titles = {item["title"] for item in client.get("/api/v2/navigation/?locale=pl").json()["items"]}

    assert "Nowa w menu" in titles
    assert not {"Ukryta", "Szkic w menu"} & titles


def test_navigation_queries_do_not_grow_with_the_menu(client, locale_pl, django_assert_max_num_queries):
    home = HomePage.objects.get(locale=locale_pl)
    client.get("/api/v2/navigation/")
    with CaptureQueriesContext(connection) as few:
        client.get("/api/v2/navigation/?locale=pl")
    few_queries = len(few.captured_queries)
    for n in range(8):
        StandardPageFactory(parent=home, title=f"Menu {n}", slug=f"menu-{n}", show_in_menus=True)
    with django_assert_max_num_queries(few_queries):
        client.get("/api/v2/navigation/?locale=pl")
