import pytest

from django.contrib.auth import get_user_model
from django.middleware.csrf import get_token
from django.test import Client, override_settings

from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from home.content_events import CHANGED, public_content_changed
from home.models import ContactDetails, HomePage, StandardPage
from tests.newsletter_tests.conftest import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def cache_state(response):
    return response.get("X-Page-Cache")


@pytest.mark.parametrize("language", ["pl", "en"])
def test_anonymous_page_views_are_served_from_the_cache_in_each_language(client, language):
    first = client.get(f"/{language}/")
    second = client.get(f"/{language}/")

    assert (cache_state(first), cache_state(second)) == ("miss", "hit")
    assert second.status_code == 200
    assert second.content == first.content
    assert f'<html lang="{language}">' in second.content.decode()


def test_pages_with_the_footer_newsletter_form_are_cached_and_the_form_works_from_a_cached_copy(client):
    client.get("/pl/")
    cached = client.get("/pl/")

    assert cache_state(cached) == "hit"
    assert 'name="email"' in cached.content.decode()
    assert "csrftoken" not in cached.cookies
    visitor = Client(enforce_csrf_checks=True)
    response = visitor.post("/pl/newsletter/subscribe/", form_data("czytelnik@example.org", "pl"))
    assert response.status_code == 302
    assert response["Location"] == "/pl/newsletter/subscribe/thanks/"


def test_cached_pages_still_get_the_security_headers(client):
    client.get("/pl/")
    hit = client.get("/pl/")

    assert cache_state(hit) == "hit"
    assert "Content-Security-Policy" in hit
    assert hit["X-Frame-Options"] == "DENY"
    assert hit["Content-Type"].startswith("text/html")


def test_logged_in_editors_never_get_or_fill_the_cache(client):
    client.get("/pl/")
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))

    response = client.get("/pl/")

    assert response.status_code == 200
    assert cache_state(response) is None


def test_requests_with_a_query_string_are_not_cached(client):
    client.get("/pl/?utm_source=newsletter")
    response = client.get("/pl/?utm_source=newsletter")

    assert cache_state(response) is None


def test_not_found_answers_are_not_cached(client):
    client.get("/pl/no-such-page/")
    response = client.get("/pl/no-such-page/")

    assert response.status_code == 404
    assert cache_state(response) is None


def test_a_page_that_renders_a_csrf_token_is_never_stored(client):
    """A form page sets the CSRF cookie on every answer; a stored copy would carry someone else's token."""

    def render_a_form(page, request, serve_args, serve_kwargs):
        get_token(request)

    with hooks.register_temporarily("before_serve_page", render_a_form):
        first = client.get("/pl/")
        second = client.get("/pl/")

    assert "csrftoken" in first.cookies
    assert cache_state(first) is None
    assert cache_state(second) is None


def test_page_types_can_opt_out(client, monkeypatch):
    monkeypatch.setattr(HomePage, "page_cache", False, raising=False)

    client.get("/pl/")
    response = client.get("/pl/")

    assert cache_state(response) is None


def test_pages_with_view_restrictions_are_not_cached(client, locale_pl):
    page = StandardPage.objects.filter(locale=locale_pl).live().first()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")

    client.get(page.url)
    response = client.get(page.url)

    assert response.status_code == 200
    assert cache_state(response) is None


def test_publishing_a_page_empties_the_cache(client, locale_pl):
    client.get("/pl/")
    home = HomePage.objects.get(locale=locale_pl)
    home.title = "Strona główna po zmianie"
    home.save_revision().publish()

    response = client.get("/pl/")

    assert cache_state(response) == "miss"
    assert "Strona główna po zmianie" in response.content.decode()


def test_unpublishing_a_listed_page_removes_it_from_cached_menus(client, locale_pl):
    page = StandardPage.objects.filter(locale=locale_pl, show_in_menus=True).live().first()
    assert page.title in client.get("/pl/").content.decode()

    page.unpublish()
    response = client.get("/pl/")

    assert cache_state(response) == "miss"
    assert f">{page.title}<" not in response.content.decode()


def test_moving_and_deleting_pages_empty_the_cache(client, locale_pl):
    pages = list(StandardPage.objects.filter(locale=locale_pl).live()[:2])
    client.get("/pl/")

    pages[0].move(pages[1], pos="last-child")
    assert cache_state(client.get("/pl/")) == "miss"

    Page.objects.get(pk=pages[1].pk).delete()
    assert cache_state(client.get("/pl/")) == "miss"


def test_changing_content_a_page_shows_empties_the_cache(client, locale_pl):
    client.get("/pl/")
    details = ContactDetails.objects.get(locale=locale_pl)
    details.phone = "81 000 00 00"
    details.save()

    response = client.get("/pl/")

    assert cache_state(response) == "miss"
    assert "81 000 00 00" in response.content.decode()


def announce_a_change():
    details = ContactDetails.objects.first()
    public_content_changed.send(sender=ContactDetails, instance=details, action=CHANGED)


def test_the_content_event_empties_the_cache_whoever_sends_it(client):
    client.get("/en/")
    announce_a_change()

    assert cache_state(client.get("/en/")) == "miss"


def test_pages_still_answer_when_the_cache_server_is_down(client, redis_down_caches):
    with override_settings(CACHES=redis_down_caches):
        responses = [client.get(url) for url in ("/pl/", "/pl/", "/en/")]

    assert [r.status_code for r in responses] == [200, 200, 200]


def test_the_api_answers_with_fresh_validators_and_no_304_when_the_cache_server_is_down(client, redis_down_caches):
    with override_settings(CACHES=redis_down_caches):
        first = client.get("/api/v2/pages/")
        second = client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH=first["ETag"])

    # Without the shared content version every answer counts as new: never a stale 304, never an error.
    assert (first.status_code, second.status_code) == (200, 200)
    assert first["ETag"] != second["ETag"]


def test_a_shared_max_age_is_offered_to_a_cdn_only_when_configured(client, settings):
    assert "s-maxage" not in client.get("/pl/").get("Cache-Control", "")
    announce_a_change()
    settings.PAGE_CACHE_SHARED_MAX_AGE = 120

    assert "s-maxage=120" in client.get("/pl/")["Cache-Control"]


@override_settings(PAGE_CACHE_SECONDS=0)
def test_the_page_cache_can_be_turned_off(client):
    client.get("/pl/")

    assert cache_state(client.get("/pl/")) is None
