import time

import pytest

from django.core.cache import cache
from django.utils.http import http_date

from wagtail.models import PageViewRestriction

from cms.caching.version import KEY, content_version, start_new_version
from home.models import ContactDetails, HomePage
from partners.models import Partner

from ..factories.home import StandardPageFactory

pytestmark = pytest.mark.django_db

URLS = [
    "/api/v2/pages/?locale=en",
    "/api/v2/pages/{about}/",
    "/api/v2/languages/",
    "/api/v2/navigation/?locale=pl",
    "/api/v2/contact/?locale=en",
    "/api/v2/images/",
    "/api/v2/documents/",
    "/api/v2/schema/",
    "/api/v2/partners/?locale=en",
]


@pytest.fixture(autouse=True)
def content_changed_a_while_ago():
    """Start each test as if the last change were 10 s old: earlier tests' changes fall in other seconds."""
    cache.set(KEY, (time.time_ns(), time.time() - 10), timeout=None)


@pytest.fixture
def about(locale_pl):
    return HomePage.objects.get(locale=locale_pl).get_children().get(slug="o-partnerstwie").specific


@pytest.mark.parametrize("url", URLS)
def test_every_endpoint_answers_with_cache_control_etag_and_last_modified(client, settings, about, url):
    settings.API_CACHE_MAX_AGE = 123

    response = client.get(url.format(about=about.pk))

    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=123"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")


@pytest.mark.parametrize("url", URLS)
def test_if_none_match_with_the_current_etag_answers_304(client, about, url):
    url = url.format(about=about.pk)
    etag = client.get(url)["ETag"]

    response = client.get(url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag
    assert response["Cache-Control"].startswith("public, max-age=")


def test_if_modified_since_the_last_change_answers_304(client):
    last_modified = client.get("/api/v2/pages/")["Last-Modified"]

    assert client.get("/api/v2/pages/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get("/api/v2/pages/", HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


def test_head_answers_304_too(client):
    etag = client.get("/api/v2/pages/")["ETag"]

    assert client.head("/api/v2/pages/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_different_queries_have_different_etags(client):
    assert client.get("/api/v2/pages/?locale=pl")["ETag"] != client.get("/api/v2/pages/?locale=en")["ETag"]


def test_errors_are_not_stored(client):
    response = client.get("/api/v2/pages/?limit=x")

    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response


def revalidate(client, url, etag, last_modified):
    by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert by_date.status_code == by_etag.status_code
    return by_etag


def test_publishing_a_change_gives_the_new_content_to_a_revalidating_portal(client, about):
    url = f"/api/v2/pages/{about.pk}/"
    first = client.get(url)

    about.title = "O Partnerstwie – nowy tytuł"
    about.save_revision().publish()

    response = revalidate(client, url, first["ETag"], first["Last-Modified"])
    assert response.status_code == 200
    assert response.json()["title"] == "O Partnerstwie – nowy tytuł"
    assert response["ETag"] != first["ETag"]


def test_saving_a_draft_changes_nothing_for_portals(client, about):
    url = f"/api/v2/pages/{about.pk}/"
    first = client.get(url)

    about.title = "Szkic tytułu"
    about.save_revision()

    assert revalidate(client, url, first["ETag"], first["Last-Modified"]).status_code == 304


def test_unpublishing_invalidates(client, about):
    url = "/api/v2/pages/?locale=pl"
    first = client.get(url)

    about.unpublish()

    response = revalidate(client, url, first["ETag"], first["Last-Modified"])
    assert response.status_code == 200
    assert "O Partnerstwie" not in {item["title"] for item in response.json()["items"]}


def test_moving_invalidates(client, about, locale_pl):
    home = HomePage.objects.get(locale=locale_pl)
    new_parent = StandardPageFactory(parent=home, title="Nowy rodzic", slug="nowy-rodzic")
    url = f"/api/v2/pages/{about.pk}/"
    first = client.get(url)

    about.move(new_parent, pos="last-child")

    response = revalidate(client, url, first["ETag"], first["Last-Modified"])
    assert response.status_code == 200
    assert response.json()["meta"]["html_url"] == "http://testserver/pl/nowy-rodzic/o-partnerstwie/"


def test_deleting_invalidates(client, locale_pl):
    page = StandardPageFactory(parent=HomePage.objects.get(locale=locale_pl), title="Do usunięcia", slug="usun")
    url = f"/api/v2/pages/{page.pk}/"
    first = client.get(url)

    page.delete()

    response = revalidate(client, url, first["ETag"], first["Last-Modified"])
    assert response.status_code == 404


def test_restricting_a_page_invalidates(client, about):
    url = f"/api/v2/pages/{about.pk}/"
    first = client.get(url)

    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)

    assert revalidate(client, url, first["ETag"], first["Last-Modified"]).status_code == 404


def test_saving_a_snippet_invalidates(client, locale_en):
    url = "/api/v2/contact/?locale=en&fields=phone"
    first = client.get(url)

    contact = ContactDetails.objects.get(locale=locale_en)
    contact.phone = "81 000 00 00"
    contact.save()

    response = revalidate(client, url, first["ETag"], first["Last-Modified"])
    assert response.status_code == 200
    assert response.json()["items"][0]["phone"] == "81 000 00 00"


def test_two_changes_within_one_second_give_two_versions():
    start_new_version()
    first = content_version().number
    start_new_version()

    assert content_version().number > first


def test_a_change_later_in_the_same_second_is_still_modified_since(client):
    last_modified = client.get("/api/v2/pages/")["Last-Modified"]

    start_new_version()

    assert client.get("/api/v2/pages/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 200


def test_a_visitors_session_never_reaches_public_answers(client, about):
    """A password a visitor passed on the site must not show the page in a publicly cached answer."""
    restriction = PageViewRestriction.objects.create(
        page=about,
        restriction_type=PageViewRestriction.PASSWORD,
        password="tajne",  # noqa: S106
    )
    session = client.session
    session[restriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()

    response = client.get(f"/api/v2/pages/{about.pk}/")

    assert response.status_code == 404
    assert "Cookie" not in response.get("Vary", "")


def test_publishing_a_partner_invalidates(client, locale_pl):
    url = "/api/v2/partners/?locale=pl&fields=name"
    first = client.get(url)
    partner = Partner.objects.get(locale=locale_pl, slug="koziolek")

    partner.name = "Lubelska Spółdzielnia Socjalna „KOZIOŁEK” (nowa nazwa)"
    partner.save_revision().publish()

    response = revalidate(client, url, first["ETag"], first["Last-Modified"])
    assert response.status_code == 200
    assert partner.name in {item["name"] for item in response.json()["items"]}
