"""Values kept per content version (or per search index generation) for speed: each answer repeated runs the
asserted number of queries at most, shows exactly what it showed when computed, and shows the change at once
after a publish. The page cache is on, as in production; page URLs carry a query string, so they are rendered
for each request (the full-page cache never answers them) and what is measured is the kept values."""

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import HomePage, StandardPage
from news.models import EventIndexPage, NewsIndexPage
from partners.models import Partner, PartnerIndexPage

from ..factories.news import EventPageFactory, NewsPageFactory
from ..factories.partners import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def rendered(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def repeated(client, url, max_queries, django_assert_max_num_queries):
    """The answer at ``url`` computed once, then repeated within ``max_queries``: both must be the same."""
    first = rendered(client, url)
    with django_assert_max_num_queries(max_queries):
        again = rendered(client, url)
    assert again == first
    return again


@pytest.fixture
def partner(locale_pl):
    partner = PartnerFactory(name="Spółdzielnia Socjalna Zorza", slug="zorza")
    partner.save_revision().publish()
    return Partner.objects.get(pk=partner.pk)


def test_partner_page_repeated_runs_no_query_and_shows_a_published_name_at_once(
    partner, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client = Client()
    url = PartnerIndexPage.objects.get(locale=partner.locale).url + "zorza/?kept"
    # The partner, its translations and the whole article are kept; so is the answer of Wagtail's view-restriction
    # check (none applies), with the page's route.
    assert "Spółdzielnia Socjalna Zorza" in repeated(client, url, 0, django_assert_max_num_queries)

    partner.name = "Spółdzielnia Socjalna Jutrzenka"
    with django_capture_on_commit_callbacks(execute=True):
        partner.save_revision().publish()

    html = rendered(client, url)
    assert "Spółdzielnia Socjalna Jutrzenka" in html and "Zorza" not in html


def test_partners_index_repeated_runs_no_query_and_counts_a_published_partner_at_once(
    locale_pl, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client = Client()
    url = PartnerIndexPage.objects.get(locale=locale_pl).url + "?kept"
    before = Partner.objects.visible().filter(locale=locale_pl).count()
    assert f"({before})" in repeated(client, url, 0, django_assert_max_num_queries)

    with django_capture_on_commit_callbacks(execute=True):
        PartnerFactory(name="Fundacja Nowa", slug="fundacja-nowa", live=False).save_revision().publish()

    html = rendered(client, url)
    assert f"({before + 1})" in html and "Fundacja Nowa" in html


def test_news_index_repeated_runs_no_query_and_lists_a_published_item_at_once(
    news_index_pl, django_assert_max_num_queries
):
    NewsPageFactory.create_batch(11, parent=news_index_pl)
    client = Client()
    url = NewsIndexPage.objects.get(pk=news_index_pl.pk).url + "?kept"
    html = repeated(client, url, 0, django_assert_max_num_queries)
    pages = NewsIndexPage.objects.get(pk=news_index_pl.pk).news().count() // 10 + 1
    assert f"Strona 1 z {pages}" in html
    # ?page= past the end gives the last page, as before the count was kept.
    assert f"Strona {pages} z {pages}" in repeated(client, url + "&page=999", 0, django_assert_max_num_queries)

    NewsPageFactory(parent=news_index_pl, title="Nowa aktualność o zorzy")

    assert "Nowa aktualność o zorzy" in rendered(client, url)


def test_event_index_repeated_runs_no_query_and_lists_a_published_event_at_once(
    event_index_pl, django_assert_max_num_queries, time_machine
):
    # The upcoming events' count is kept for the clock's minute (which events are upcoming changes with it): the
    # clock stands still, so that a minute starting between the two answers cannot recount them.
    time_machine.move_to(timezone.now(), tick=False)
    EventPageFactory(parent=event_index_pl, title="Spotkanie sieci")
    client = Client()
    url = EventIndexPage.objects.get(pk=event_index_pl.pk).url + "?kept"
    assert "Spotkanie sieci" in repeated(client, url, 0, django_assert_max_num_queries)

    EventPageFactory(parent=event_index_pl, title="Warsztaty o zorzy")

    assert "Warsztaty o zorzy" in rendered(client, url)


def test_search_results_repeated_run_no_query_and_find_a_published_page_at_once(
    locale_pl, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client = Client()
    url = "/pl/szukaj/?q=zorza+bystrzyca"
    assert "0 wyników" in repeated(client, url, 0, django_assert_max_num_queries)
    repeated(client, "/pl/szukaj/?q=partnerstwo", 0, django_assert_max_num_queries)

    home = HomePage.objects.get(locale=locale_pl)
    page = home.add_child(instance=StandardPage(title="Zorza nad Bystrzycą", slug="zorza", live=False))
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    html = rendered(client, url)
    assert "1 wynik" in html and "/pl/zorza/" in html


API_URLS = ["/api/v2/pages/?limit=20&fields=*", "/api/v2/pages/?type=home.StandardPage&fields=*", "/api/v2/partners/"]


@pytest.mark.parametrize("url", API_URLS)
def test_an_api_answer_repeated_runs_no_query_and_changes_with_a_publish(
    url, locale_pl, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    client = Client()
    first = client.get(url)
    with django_assert_max_num_queries(0):
        again = client.get(url)
    assert again.status_code == 200 and again.content == first.content
    assert again["Content-Type"] == first["Content-Type"] and again["ETag"] == first["ETag"]

    with django_capture_on_commit_callbacks(execute=True):
        PartnerFactory(name="Aaa Fundacja Pierwsza", slug="aaa", live=False).save_revision().publish()
        page = HomePage.objects.get(locale=locale_pl).add_child(
            instance=StandardPage(title="Strona nowa", slug="strona-nowa", live=False)
        )
        page.save_revision().publish()

    changed = client.get(url)
    assert changed["ETag"] != first["ETag"]
    assert changed.json()["meta"]["total_count"] == first.json()["meta"]["total_count"] + 1


@pytest.mark.parametrize(
    ("first_url", "other_url"),
    [
        ("/api/v2/pages/?type=home.StandardPage&limit=1", "/api/v2/pages/?type=home.StandardPage&limit=2&offset=1"),
        ("/api/v2/partners/?limit=1", "/api/v2/partners/?limit=1&offset=1&fields=name"),
    ],
)
def test_an_api_listing_count_is_kept_for_other_pages_of_it_and_follows_a_publish(
    first_url, other_url, locale_pl, django_capture_on_commit_callbacks
):
    client = Client()
    total = client.get(first_url).json()["meta"]["total_count"]
    with CaptureQueriesContext(connection) as queries:
        other = client.get(other_url)  # another page of the same listing: its answer is not kept, its count is
    assert other.json()["meta"]["total_count"] == total
    assert not [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]

    with django_capture_on_commit_callbacks(execute=True):
        PartnerFactory(name="Aaa Fundacja Pierwsza", slug="aaa", live=False).save_revision().publish()
        page = HomePage.objects.get(locale=locale_pl).add_child(
            instance=StandardPage(title="Strona nowa", slug="strona-nowa", live=False)
        )
        page.save_revision().publish()

    assert client.get(other_url).json()["meta"]["total_count"] == total + 1


def test_a_listing_of_upcoming_events_counts_them_every_time(event_index_pl):
    client = Client()
    EventPageFactory(parent=event_index_pl, title="Spotkanie sieci")
    client.get("/api/v2/pages/?type=news.EventPage&when=upcoming&limit=1")
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/v2/pages/?type=news.EventPage&when=upcoming&limit=1&offset=1")
    assert [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]


@pytest.mark.parametrize("url", ["/api/v2/pages/?order=random", "/api/v2/pages/?search=partnerstwo"])
def test_random_orders_and_searches_in_the_api_are_computed_every_time(url):
    client = Client()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) > 0
