"""Routing of page URLs is remembered on the content version (cms.caching.routing): a path leads to the page
it led to until the content changes, and every change editors make to where pages are reaches the next
answer. Pages are asked for with a query string, so that the full-page cache is not what answers."""

import pickle

import pytest

from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

from cms.caching import routing
from cms.caching.version import content_version
from home.models import HomePage, StandardPage
from partners.models import PartnerIndexPage

from ..factories.home import StandardPageFactory
from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.fixture
def home_pl(locale_pl):
    return HomePage.objects.get(locale=locale_pl)


def get(client, path):
    return client.get(path + "?routing")


def stored_route(path):
    request = RequestFactory().get(path)
    return cache.get(routing.route_key(request, content_version()))


def test_the_second_answer_finds_the_page_without_routing_or_view_restriction_queries(client):
    first = get(client, "/pl/o-partnerstwie/")
    assert stored_route("/pl/o-partnerstwie/") is not None

    with CaptureQueriesContext(connection) as queries:
        second = get(client, "/pl/o-partnerstwie/")

    assert second.status_code == first.status_code == 200
    assert second.content == first.content
    # No routing, and no view restriction to read: none applied when the route was stored.
    assert not [query["sql"] for query in queries if "wagtailcore_page" in query["sql"]]


def test_each_language_has_its_own_route(client):
    assert "<h1>O Partnerstwie</h1>" in get(client, "/pl/o-partnerstwie/").content.decode()
    assert "<h1>About the Partnership</h1>" in get(client, "/en/about/").content.decode()
    assert "<h1>O Partnerstwie</h1>" in get(client, "/pl/o-partnerstwie/").content.decode()


def test_a_moved_page_answers_at_its_new_address_only(client, home_pl):
    section = StandardPageFactory(parent=home_pl, title="Dział", slug="dzial")
    page = StandardPageFactory(parent=home_pl, title="Wędrowna", slug="wedrowna")
    assert get(client, "/pl/wedrowna/").status_code == 200

    Page.objects.get(pk=page.pk).move(Page.objects.get(pk=section.pk), pos="last-child")

    old_address = get(client, "/pl/wedrowna/")
    assert (old_address.status_code, old_address["Location"]) == (301, "/pl/dzial/wedrowna/")  # Wagtail's redirect
    assert get(client, "/pl/dzial/wedrowna/").status_code == 200


def test_a_new_slug_moves_the_page_and_unpublishing_takes_it_away(client, home_pl):
    page = StandardPageFactory(parent=home_pl, title="Przemianowana", slug="stara-nazwa")
    assert get(client, "/pl/stara-nazwa/").status_code == 200

    page = StandardPage.objects.get(pk=page.pk)
    page.slug = "nowa-nazwa"
    page.save_revision().publish()
    assert get(client, "/pl/stara-nazwa/").status_code == 404
    assert get(client, "/pl/nowa-nazwa/").status_code == 200

    page.unpublish()
    assert get(client, "/pl/nowa-nazwa/").status_code == 404


def test_a_page_routed_from_the_cache_still_asks_for_its_password(client, home_pl):
    page = StandardPageFactory(parent=home_pl, title="Za hasłem", slug="za-haslem")
    assert "Za hasłem" in get(client, "/pl/za-haslem/").content.decode()

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    get(client, "/pl/za-haslem/")  # the route is stored again for the new generation
    response = get(client, "/pl/za-haslem/")

    assert response.status_code == 200
    assert "<h1>Za hasłem</h1>" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_restriction_added_to_a_section_reaches_its_pages_routed_from_the_cache(client, home_pl):
    section = StandardPageFactory(parent=home_pl, title="Dział", slug="dzial-prywatny")
    StandardPageFactory(parent=section, title="W dziale", slug="w-dziale")
    for _request in range(2):
        assert "<h1>W dziale</h1>" in get(client, "/pl/dzial-prywatny/w-dziale/").content.decode()

    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")
    response = get(client, "/pl/dzial-prywatny/w-dziale/")

    assert "<h1>W dziale</h1>" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_a_route_stored_for_a_visitor_who_gave_the_password_still_asks_the_next_one(client, home_pl):
    page = StandardPageFactory(parent=home_pl, title="Za hasłem", slug="za-haslem")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    client.post(
        f"/pl/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "s3cret", "return_url": "/pl/za-haslem/"},
    )
    for _request in range(2):
        assert "<h1>Za hasłem</h1>" in get(client, "/pl/za-haslem/").content.decode()
    assert stored_route("/pl/za-haslem/") is not None

    response = get(Client(), "/pl/za-haslem/")

    assert "<h1>Za hasłem</h1>" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_sub_pages_of_a_routable_page_each_show_their_own_content(client, locale_pl):
    index = PartnerIndexPage.objects.get(locale=locale_pl)
    first = PartnerFactory(name="Spółdzielnia Pierwsza", slug="spoldzielnia-pierwsza")
    second = PartnerFactory(name="Fundacja Druga", slug="fundacja-druga")
    for _request in range(2):
        assert "Spółdzielnia Pierwsza" in get(client, f"{index.url}{first.slug}/").content.decode()
        assert "Fundacja Druga" in get(client, f"{index.url}{second.slug}/").content.decode()


def test_addresses_that_lead_nowhere_store_no_route(client, locale_pl):
    index = PartnerIndexPage.objects.get(locale=locale_pl)

    assert get(client, f"{index.url}nikt-taki/").status_code == 404
    assert get(client, "/pl/nie-ma-takiej-strony/").status_code == 404

    assert stored_route(f"{index.url}nikt-taki/") is None
    assert stored_route("/pl/nie-ma-takiej-strony/") is None
    assert stored_route(index.url) is None  # asked for once, with a sub-path only


def test_a_stored_route_that_no_longer_loads_is_routed_again(client):
    get(client, "/pl/o-partnerstwie/")
    request = RequestFactory().get("/pl/o-partnerstwie/")
    # What a deploy that renamed a page class leaves behind: bytes that do not unpickle any more.
    cache.set(routing.route_key(request, content_version()), b"\x80\x04\x95 no longer a page")

    response = get(client, "/pl/o-partnerstwie/")

    assert response.status_code == 200
    assert "<h1>O Partnerstwie</h1>" in response.content.decode()


def test_a_route_stored_in_an_earlier_releases_shape_is_routed_again(client):
    get(client, "/pl/o-partnerstwie/")
    request = RequestFactory().get("/pl/o-partnerstwie/")
    page = Page.objects.get(url_path__endswith="/o-partnerstwie/").specific
    # What the release before stored: the page and the rest of the path, without the view-restriction answer.
    cache.set(routing.route_key(request, content_version()), pickle.dumps((page, [])))

    response = get(client, "/pl/o-partnerstwie/")

    assert response.status_code == 200
    assert "<h1>O Partnerstwie</h1>" in response.content.decode()
