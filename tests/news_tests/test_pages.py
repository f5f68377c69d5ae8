from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from news.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage

from ..factories.news import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def query_count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_load_content_adds_news_and_event_index_pages_to_both_trees(locale_pl, locale_en):
    news_pl = NewsIndexPage.objects.get(locale=locale_pl)
    events_pl = EventIndexPage.objects.get(locale=locale_pl)

    assert (news_pl.title, news_pl.url) == ("Aktualności", "/pl/aktualnosci/")
    assert (events_pl.title, events_pl.url) == ("Wydarzenia", "/pl/wydarzenia/")
    news_en = news_pl.get_translation(locale_en)
    events_en = events_pl.get_translation(locale_en)
    assert (news_en.title, news_en.url, news_en.live) == ("News", "/en/news/", True)
    assert (events_en.title, events_en.url, events_en.live) == ("Events", "/en/events/", True)
    assert not NewsPage.objects.exists()
    assert not EventPage.objects.exists()


def test_news_index_lists_its_language_news_newest_first(client, news_index_pl, news_index_en):
    older = NewsPageFactory(parent=news_index_pl, title="Starsza wiadomość", date=date(2026, 1, 10))
    newer = NewsPageFactory(parent=news_index_pl, title="Nowsza wiadomość", date=date(2026, 3, 5))
    NewsPageFactory(parent=news_index_en, title="English news item")

    html = client.get("/pl/aktualnosci/").content.decode()

    assert html.index(newer.title) < html.index(older.title)
    assert "English news item" not in html


def test_news_index_paginates_and_tolerates_bad_page_numbers(client, news_index_pl):
    for day in range(1, 13):
        NewsPageFactory(parent=news_index_pl, title=f"Wiadomość z dnia {day}", date=date(2026, 5, day))

    first = client.get("/pl/aktualnosci/").content.decode()
    second = client.get("/pl/aktualnosci/?page=2").content.decode()

    assert "Wiadomość z dnia 12" in first and "Wiadomość z dnia 2<" not in first
    assert "Wiadomość z dnia 2<" in second and "Strona 2 z 2" in second
    for bad in ("abc", "0", "-1", "999999", "1%00"):
        assert client.get(f"/pl/aktualnosci/?page={bad}").status_code == 200


def test_news_index_query_count_does_not_grow_with_the_number_of_items(client, news_index_pl):
    NewsPageFactory(parent=news_index_pl)
    few = query_count(client, "/pl/aktualnosci/")
    NewsPageFactory.create_batch(8, parent=news_index_pl)
    many = query_count(client, "/pl/aktualnosci/")

    assert many == few


def test_event_index_shows_upcoming_events_soonest_first_and_archives_past_ones(client, event_index_pl):
    now = timezone.now()
    later = EventPageFactory(parent=event_index_pl, title="Później", start=now + timedelta(days=30))
    sooner = EventPageFactory(parent=event_index_pl, title="Wkrótce", start=now + timedelta(days=2))
    running = EventPageFactory(
        parent=event_index_pl, title="Trwające", start=now - timedelta(hours=1), end=now + timedelta(hours=1)
    )
    past = EventPageFactory(parent=event_index_pl, title="Zakończone spotkanie", start=now - timedelta(days=3))

    upcoming = client.get("/pl/wydarzenia/").content.decode()
    archive = client.get("/pl/wydarzenia/archive/").content.decode()

    assert upcoming.index(running.title) < upcoming.index(sooner.title) < upcoming.index(later.title)
    assert past.title not in upcoming
    assert past.title in archive and sooner.title not in archive
    assert "Minione wydarzenia" in archive


def test_event_index_query_count_does_not_grow_with_the_number_of_events(client, event_index_pl):
    # The clock stands still: the upcoming events' count is kept for the current minute (news/models.py), and a
    # minute turning between the warm-up and the measured request would add a query that has nothing to do with
    # the number of events.
    with time_machine.travel(timezone.now(), tick=False):
        EventPageFactory(parent=event_index_pl)
        few = query_count(client, "/pl/wydarzenia/")
        EventPageFactory.create_batch(8, parent=event_index_pl)
        many = query_count(client, "/pl/wydarzenia/")

    assert many == few


def test_an_event_cannot_end_before_it_starts(event_index_pl):
    start = timezone.now()
    event = EventPage(title="Błąd", slug="blad", start=start, end=start - timedelta(hours=1))

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert "end" in error.value.message_dict


def test_event_page_shows_time_place_and_links_in_warsaw_time(client, event_index_pl):
    event = EventPageFactory(
        parent=event_index_pl,
        title="Spotkanie Partnerstwa",
        start=datetime(2031, 7, 1, 8, 0, tzinfo=UTC),
        end=datetime(2031, 7, 1, 10, 30, tzinfo=UTC),
        online_url="https://meet.example.org/lpres",
        registration_url="https://forms.example.org/lpres",
    )

    html = client.get(event.url).content.decode()

    assert "1 lipca 2031, 10:00" in html and "12:30" in html
    assert "Biuro FLOP" in html and "ul. 3 Maja 10/6" in html
    assert 'href="https://meet.example.org/lpres"' in html
    assert 'href="https://forms.example.org/lpres"' in html


@pytest.mark.parametrize(
    ("language", "heading", "news_title", "other_title"),
    [("pl", "Najnowsze aktualności", "Wiadomość po polsku", "News in English"),
     ("en", "Latest news", "News in English", "Wiadomość po polsku")],
)  # fmt: skip
def test_home_page_shows_latest_news_and_next_events_of_its_language(
    client, language, heading, news_title, other_title, news_index_pl, news_index_en, event_index_pl, event_index_en
):
    NewsPageFactory(parent=news_index_pl, title="Wiadomość po polsku")
    NewsPageFactory(parent=news_index_en, title="News in English")
    EventPageFactory(parent=event_index_pl, title="Wydarzenie po polsku")
    EventPageFactory(parent=event_index_en, title="Event in English")
    EventPageFactory(parent=event_index_pl, title="Dawne wydarzenie", start=timezone.now() - timedelta(days=9))

    html = client.get(f"/{language}/").content.decode()

    assert heading in html
    assert news_title in html and other_title not in html
    assert ("Wydarzenie po polsku" in html) == (language == "pl")
    assert ("Event in English" in html) == (language == "en")
    assert "Dawne wydarzenie" not in html


def test_home_page_query_count_does_not_grow_with_news_and_events(client, news_index_pl, event_index_pl):
    NewsPageFactory(parent=news_index_pl)
    EventPageFactory(parent=event_index_pl)
    few = query_count(client, "/pl/")
    NewsPageFactory.create_batch(5, parent=news_index_pl)
    EventPageFactory.create_batch(5, parent=event_index_pl)
    many = query_count(client, "/pl/")

    assert many == few


def test_drafts_and_private_items_appear_nowhere_on_the_site(client, news_index_pl, event_index_pl):
    NewsPageFactory(parent=news_index_pl, title="Szkic wiadomości", live=False, publish=False)
    private = NewsPageFactory(parent=news_index_pl, title="Prywatna wiadomość")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    EventPageFactory(parent=event_index_pl, title="Szkic wydarzenia", live=False, publish=False)

    for url in ("/pl/", "/pl/aktualnosci/", "/pl/wydarzenia/", "/pl/aktualnosci/rss/", "/pl/aktualnosci/atom/",
                "/pl/wydarzenia/ical/"):  # fmt: skip
        body = client.get(url).content.decode()
        for title in ("Szkic wiadomości", "Prywatna wiadomość", "Szkic wydarzenia"):
            assert title not in body, (url, title)


def test_api_lists_news_and_events_with_their_fields_per_language(client, news_index_en, event_index_en):
    NewsPageFactory(parent=news_index_en, title="Partners' meeting", lead="An invitation.", date=date(2026, 4, 2))
    EventPageFactory(
        parent=event_index_en,
        title="General meeting",
        start=datetime(2031, 1, 15, 9, 0, tzinfo=UTC),
        end=None,
        online_url="https://meet.example.org/lpres",
    )

    news = client.get(
        "/api/v2/pages/", {"type": "news.NewsPage", "locale": "en", "fields": "date,lead,tag_names,image_rendition"}
    ).json()
    events = client.get(
        "/api/v2/pages/", {"type": "news.EventPage", "locale": "en", "fields": "start,end,place,online_url"}
    ).json()

    (item,) = news["items"]
    assert (item["title"], item["date"], item["lead"], item["image_rendition"]) == (
        "Partners' meeting",
        "2026-04-02",
        "An invitation.",
        None,
    )
    (event,) = events["items"]
    assert event["start"].startswith("2031-01-15T10:00:00+01:00")
    assert (event["end"], event["online_url"]) == (None, "https://meet.example.org/lpres")
