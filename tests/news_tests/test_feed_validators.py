"""The feeds and calendars as outside tools read them: feedparser (RSS 2.0 and Atom, RFC 4287) and icalendar
(RFC 5545), with the calendar's time zone checked against the system's zoneinfo."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import feedparser
import icalendar
import pytest

from django.utils import timezone

from news.calendar import CALENDAR_TIME_ZONE, vtimezone

from ..factories.news import EventPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

FEEDS = {
    "pl": ("/pl/aktualnosci/rss/", "/pl/aktualnosci/atom/"),
    "en": ("/en/news/rss/", "/en/news/atom/"),
}
PARTNERSHIP = {
    "pl": "Lubelskie Partnerstwo na Rzecz Rozwoju Ekonomii Społecznej",
    "en": "Lublin Partnership for the Development of the Social Economy",
}


@pytest.fixture
def news(news_index_pl, news_index_en):
    for index, language in ((news_index_pl, "pl"), (news_index_en, "en")):
        for number in range(3):
            NewsPageFactory(parent=index, title=f"News {language} {number}", lead=f"Lead {language} {number}.")
    return {"pl": news_index_pl, "en": news_index_en}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content, response_headers={"content-type": response["Content-Type"]})
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return parsed


@pytest.mark.parametrize("language", ["pl", "en"])
def test_rss_parses_cleanly_with_the_index_pages_introduction_as_its_description(client, news, language):
    parsed = parse(client, FEEDS[language][0])

    assert parsed.version == "rss20"
    assert parsed.feed.language == language
    assert parsed.feed.description == news[language].intro
    assert parsed.feed.description  # the content gives every index page an introduction
    assert len(parsed.entries) == 3
    for entry in parsed.entries:
        assert entry.title and entry.link and entry.id and entry.summary and entry.published_parsed
        assert entry.id.startswith("urn:uuid:") and entry.guidislink is False


@pytest.mark.parametrize("language", ["pl", "en"])
def test_atom_parses_cleanly_with_every_element_rfc_4287_requires(client, news, language):
    parsed = parse(client, FEEDS[language][1])

    assert parsed.version == "atom10"
    feed = parsed.feed
    assert feed.id and feed.title and feed.updated_parsed
    assert feed.author_detail.name == PARTNERSHIP[language]
    assert feed.subtitle == news[language].intro
    assert {link.rel for link in feed.links} >= {"alternate", "self"}
    assert len(parsed.entries) == 3
    for entry in parsed.entries:
        assert entry.id and entry.title and entry.updated_parsed and entry.link
    assert len({entry.id for entry in parsed.entries}) == 3


def test_feed_description_follows_the_editors_introduction(client, news):
    index = news["en"]
    index.intro = "What the partnership is doing, as the office writes it."
    index.save_revision().publish()

    assert parse(client, FEEDS["en"][0]).feed.description == index.intro
    assert parse(client, FEEDS["en"][1]).feed.subtitle == index.intro


def observances(component):
    """``(onset in UTC, offset before, offset after)`` of every onset a VTIMEZONE declares, read as RFC 5545
    §3.6.5 says: DTSTART and RDATE are local times in the offset of TZOFFSETFROM."""
    found = []
    for observance in component.walk():
        if observance.name not in ("STANDARD", "DAYLIGHT"):
            continue
        before = observance["TZOFFSETFROM"].td
        after = observance["TZOFFSETTO"].td
        onsets = [observance["DTSTART"].dt]
        rdates = observance.get("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            onsets += [period.dt for period in rdate.dts]
        for onset in onsets:
            found.append(((onset - before).replace(tzinfo=UTC), before, after))
    return sorted(found)


def zoneinfo_transitions(zone, first_year, last_year):
    """The system's own transitions of ``zone``: the UTC minutes where its offset changes."""
    found = []
    moment = datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime(last_year + 1, 1, 1, tzinfo=UTC)
    offset = moment.astimezone(zone).utcoffset()
    while moment < end:
        moment += timedelta(minutes=30)
        new = moment.astimezone(zone).utcoffset()
        if new != offset:
            exact = moment - timedelta(minutes=30)
            while exact.astimezone(zone).utcoffset() == offset:
                exact += timedelta(minutes=1)
            found.append((exact, offset, new))
            offset = new
    return found


def test_the_vtimezone_matches_the_system_zoneinfo_at_every_transition_from_2020_to_2035():
    zone = ZoneInfo("Europe/Warsaw")
    expected = zoneinfo_transitions(zone, 2020, 2035)
    component = icalendar.Timezone.from_ical(vtimezone(zone, date(2020, 1, 1), date(2036, 1, 1)).to_ical())

    declared = [onset for onset in observances(component) if onset[1] != onset[2]]

    assert len(expected) == 32  # two a year
    assert declared == expected
    # The bug this guards against: summer time starting at 03:00 local standard time instead of 02:00.
    spring = [onset for onset in observances(component) if onset[2] == timedelta(hours=2) and onset[1] != onset[2]]
    assert all((onset + before).hour == 2 for onset, before, _after in spring)


def test_the_served_calendar_round_trips_through_icalendar_with_a_correct_time_zone(client, event_index_pl):
    start = datetime(2035, 6, 12, 10, 0, tzinfo=CALENDAR_TIME_ZONE)
    end = start + timedelta(hours=2)
    event = EventPageFactory(parent=event_index_pl, title="Spotkanie w 2035", start=start, end=end)
    EventPageFactory(parent=event_index_pl, title="Wkrótce", start=timezone.now() + timedelta(days=3))

    body = client.get("/pl/wydarzenia/ical/").content
    calendar = icalendar.Calendar.from_ical(body)

    assert icalendar.Calendar.from_ical(calendar.to_ical()).to_ical() == calendar.to_ical()
    (component,) = calendar.walk("VTIMEZONE")
    assert str(component["TZID"]) == "Europe/Warsaw"
    first_year = min(e["DTSTART"].dt.year for e in calendar.walk("VEVENT"))
    declared = [onset for onset in observances(component) if onset[1] != onset[2]]
    assert declared == zoneinfo_transitions(CALENDAR_TIME_ZONE, first_year, 2035)
    (found,) = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Spotkanie w 2035"]
    assert found["DTSTART"].params["TZID"] == "Europe/Warsaw"
    assert found["DTSTART"].dt == start and found["DTEND"].dt == end
    assert str(found["UID"]) == str(event.translation_key)
