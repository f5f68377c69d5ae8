import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from apidocs.models import ApiDocsPage
from home.models import HomePage

from ..factories.apidocs import ApiDocsPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "language", "heading", "footer_link"),
    [
        ("/pl/api-dla-portali/", "pl", "Punkty końcowe", "API dla portali partnerskich"),
        ("/en/api-for-portals/", "en", "Endpoints", "API for partner portals"),
    ],
)
def test_api_page_gives_portal_developers_the_address_examples_and_widget_in_their_language(
    client, url, language, heading, footer_link
):
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert "<code>http://testserver/api/v2/</code>" in html
    assert 'href="http://testserver/api/v2/schema/"' in html
    assert f"curl &#x27;http://testserver/api/v2/pages/?locale={language}" in html or (
        f"curl 'http://testserver/api/v2/pages/?locale={language}" in html
    )
    assert f'data-lp-widget="partners" data-lp-limit="5" data-lp-lang="{language}"' in html
    assert "http://testserver/static/js/partnership-widget.js" in html
    assert f'<li class="site-footer__api"><a href="{url}">{footer_link}</a></li>' in html


def test_every_page_links_to_the_api_page_of_its_language_from_the_footer(client):
    polish = client.get("/pl/").content.decode()
    english = client.get("/en/").content.decode()

    assert '<a href="/pl/api-dla-portali/">API dla portali partnerskich</a>' in polish
    assert '<a href="/en/api-for-portals/">API for partner portals</a>' in english


def test_api_page_is_a_translation_and_stays_out_of_the_menu(locale_pl, locale_en):
    polish = ApiDocsPage.objects.get(locale=locale_pl)
    english = ApiDocsPage.objects.get(locale=locale_en)

    assert english.translation_key == polish.translation_key
    assert not polish.show_in_menus and not english.show_in_menus
    assert english.live


def test_footer_link_disappears_when_the_api_page_is_unpublished(client, locale_en):
    ApiDocsPage.objects.get(locale=locale_en).unpublish()

    assert "site-footer__api" not in client.get("/en/").content.decode()


def test_api_page_sits_only_under_a_home_page_and_once_per_language(locale_en):
    english_home = HomePage.objects.get(locale=locale_en)
    about = english_home.get_children().get(slug="about")

    assert not ApiDocsPage.can_create_at(english_home)  # the loader's page is there already
    assert not ApiDocsPage.can_create_at(about)


def test_editors_introduction_comes_before_the_generated_reference(client, locale_en):
    english_home = HomePage.objects.get(locale=locale_en)
    ApiDocsPage.objects.get(locale=locale_en).delete()
    ApiDocsPageFactory(parent=english_home, title="Data for portals", slug="data", intro="Ask the office for access.")

    html = client.get("/en/data/").content.decode()

    assert html.index("Ask the office for access.") < html.index("Address and format")


def test_footer_link_costs_no_query_once_the_footer_fragment_is_stored(client, settings):
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/en/?fragments")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/en/?fragments").content.decode()

    assert '<a href="/en/api-for-portals/">API for partner portals</a>' in html
    assert not [query for query in queries if "apidocs_apidocspage" in query["sql"]]
