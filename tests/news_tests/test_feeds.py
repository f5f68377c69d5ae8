from datetime import UTC, date, datetime, timedelta
from xml.etree import ElementTree

import icalendar
import pytest

from django.utils import timezone

from ..factories.news import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_is_rss_2_with_the_news_of_its_language(client, news_index_pl, news_index_en):
    NewsPageFactory(parent=news_index_pl, title="Spotkanie partnerów", lead="Zaproszenie.", date=date(2026, 4, 2))
    NewsPageFactory(parent=news_index_en, title="Partners' meeting")

    response = client.get("/pl/aktualnosci/rss/")

    assert response["Content-Type"].startswith("application/rss+xml")
    rss = ElementTree.fromstring(response.content)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("language") == "pl"
    assert channel.findtext("link") == "http://testserver/pl/aktualnosci/"
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Spotkanie partnerów"]
    assert (
        items[0].findtext("link")
        == "http://testserver/pl/aktualnosci/aktualnosc-" + items[0].findtext("link").rsplit("aktualnosc-", 1)[1]
    )
    assert items[0].findtext("description") == "Zaproszenie."
    assert "02 Apr 2026" in items[0].findtext("pubDate")


def test_atom_feed_is_atom_with_the_news_of_its_language(client, news_index_pl, news_index_en):
    NewsPageFactory(parent=news_index_en, title="Partners' meeting", lead="An invitation.")
    NewsPageFactory(parent=news_index_pl, title="Spotkanie partnerów")

    response = client.get("/en/news/atom/")

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ElementTree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Partners' meeting"]
    assert entries[0].find(f"{ATOM}link").get("href").startswith("http://testserver/en/news/")
    assert entries[0].findtext(f"{ATOM}id") and entries[0].findtext(f"{ATOM}updated")


@pytest.mark.parametrize("url", ["/pl/", "/pl/aktualnosci/"])
def test_feeds_are_linked_from_the_pages(client, url, news_index_pl):
    html = client.get(url).content.decode()

    assert 'type="application/rss+xml"' in html and 'href="/pl/aktualnosci/rss/"' in html
    assert 'type="application/atom+xml"' in html and 'href="/pl/aktualnosci/atom/"' in html


def test_news_page_links_its_language_feeds(client, news_index_en):
    item = NewsPageFactory(parent=news_index_en, title="Partners' meeting")

    html = client.get(item.url).content.decode()

    assert 'rel="alternate" type="application/rss+xml"' in html and 'href="/en/news/rss/"' in html


def test_event_calendar_gives_times_in_europe_warsaw(client, event_index_pl):
    winter = EventPageFactory(
        parent=event_index_pl,
        title="Zimowe spotkanie",
        start=datetime(2031, 1, 15, 9, 0, tzinfo=UTC),
        end=datetime(2031, 1, 15, 11, 0, tzinfo=UTC),
    )

    response = client.get(winter.url + "ical/")

    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    timezones = calendar.walk("VTIMEZONE")
    assert [tz["TZID"] for tz in timezones] == ["Europe/Warsaw"]
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert event.decoded("DTSTART").replace(tzinfo=None) == datetime(2031, 1, 15, 10, 0)
    assert event.decoded("DTEND").replace(tzinfo=None) == datetime(2031, 1, 15, 12, 0)
    assert event.decoded("DTSTART").astimezone(UTC) == winter.start
    assert str(event["SUMMARY"]) == "Zimowe spotkanie"
    assert str(event["LOCATION"]) == "Biuro FLOP, ul. 3 Maja 10/6, 20-078 Lublin"
    assert b"TZID=Europe/Warsaw:20310115T100000" in response.content


def test_summer_event_uses_warsaw_summer_time(client, event_index_pl):
    summer = EventPageFactory(parent=event_index_pl, start=datetime(2031, 7, 1, 8, 0, tzinfo=UTC), end=None)

    calendar = icalendar.Calendar.from_ical(client.get(summer.url + "ical/").content)

    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART").replace(tzinfo=None) == datetime(2031, 7, 1, 10, 0)
    assert "DTEND" not in event


def test_upcoming_calendar_lists_only_the_upcoming_events_of_its_language(client, event_index_pl, event_index_en):
    now = timezone.now()
    EventPageFactory(parent=event_index_pl, title="Nadchodzące", start=now + timedelta(days=3))
    EventPageFactory(parent=event_index_pl, title="Minione", start=now - timedelta(days=3))
    EventPageFactory(parent=event_index_en, title="Upcoming in English", start=now + timedelta(days=3))

    calendar = icalendar.Calendar.from_ical(client.get("/pl/wydarzenia/ical/").content)

    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Nadchodzące"]


def test_translations_of_an_event_share_one_calendar_uid(client, event_index_pl, locale_en):
    event = EventPageFactory(parent=event_index_pl, title="Spotkanie")
    english = event.copy_for_translation(locale_en)
    english.title = "Meeting"
    english.save_revision().publish()
    english.refresh_from_db()

    polish_uid = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content).walk("VEVENT")[0]["UID"]
    english_uid = icalendar.Calendar.from_ical(client.get(english.url + "ical/").content).walk("VEVENT")[0]["UID"]

    assert polish_uid == english_uid


def test_calendars_are_linked_from_event_pages(client, event_index_pl):
    event = EventPageFactory(parent=event_index_pl)

    index_html = client.get("/pl/wydarzenia/").content.decode()
    event_html = client.get(event.url).content.decode()

    assert 'type="text/calendar"' in index_html and 'href="/pl/wydarzenia/ical/"' in index_html
    assert 'type="text/calendar"' in event_html and f'href="{event.url}ical/"' in event_html
