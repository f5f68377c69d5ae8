"""iCalendar (RFC 5545) files of events, with times in Europe/Warsaw (a VTIMEZONE block and TZID parameters).

UIDs are the events' translation keys (UUIDs, as RFC 7986 §5.3 recommends): the same in both languages, under
every host name and after a rebuilt database, so a subscriber never sees an event twice. URLs come from the
site's address (the pages' Wagtail site record), never from the request's ``Host`` header.
"""

from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import icalendar

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

# The partnership's time: events are shown, fed and exported in it whatever the server's time zone.
CALENDAR_TIME_ZONE = ZoneInfo("Europe/Warsaw")


def event_uid(event):
    """One UID per event whatever its language: subscribing to both calendars does not show it twice."""
    return str(event.translation_key)


@lru_cache(maxsize=32)
def zone_transitions(zone, first_date, last_date):
    """``(instant, offset before, offset after, name after, is summer time after)`` for each change of ``zone``'s
    UTC offset from ``first_date`` to ``last_date``, with ``instant`` the exact UTC second of the change."""
    found = []
    moment = datetime(first_date.year, first_date.month, first_date.day, tzinfo=UTC)
    end = datetime(last_date.year, last_date.month, last_date.day, tzinfo=UTC)
    offset = moment.astimezone(zone).utcoffset()
    day = timedelta(days=1)
    while moment < end:
        following = min(moment + day, end)
        if following.astimezone(zone).utcoffset() != offset:
            # Bisect to the second (zoneinfo's transitions fall on whole seconds): low has the old offset.
            low, high = int(moment.timestamp()), int(following.timestamp())
            while high - low > 1:
                middle = (low + high) // 2
                if datetime.fromtimestamp(middle, zone).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            high = datetime.fromtimestamp(high, UTC)
            after = high.astimezone(zone)
            found.append((high, offset, after.utcoffset(), after.tzname(), bool(after.dst())))
            offset = after.utcoffset()
        moment = following
    return tuple(found)


def vtimezone(zone, first_date, last_date):
    """A VTIMEZONE for ``zone`` valid from ``first_date`` to ``last_date``.

    Built from the system's zoneinfo rather than with icalendar's ``Timezone.from_tzinfo()``, which (up to 7.3.2
    at least) writes each start of summer time at the new offset's wall-clock time (03:00 for Warsaw) where
    RFC 5545 §3.6.5 wants the local time of TZOFFSETFROM (02:00): an hour late for every client that reads it.
    """
    observances = {}
    start = datetime(first_date.year, first_date.month, first_date.day, tzinfo=UTC).astimezone(zone)
    # The offset in force when the calendar's time begins, so that no moment of it lacks an observance.
    observances[(start.utcoffset(), start.utcoffset(), start.tzname(), bool(start.dst()))] = [
        start.replace(tzinfo=None)
    ]
    for instant, before, after, name, summer in zone_transitions(zone, first_date, last_date):
        # The onset is written in the local time that was in force before the change (TZOFFSETFROM).
        onset = (instant + before).replace(tzinfo=None)
        observances.setdefault((before, after, name, summer), []).append(onset)
    component = icalendar.Timezone()
    component.add("tzid", zone.key)
    for (before, after, name, summer), onsets in observances.items():
        observance = icalendar.TimezoneDaylight() if summer else icalendar.TimezoneStandard()
        observance.add("dtstart", onsets[0])
        if onsets[1:]:
            observance.add("rdate", onsets[1:])
        observance.add("tzoffsetfrom", before)
        observance.add("tzoffsetto", after)
        observance.add("tzname", name)
        component.add_component(observance)
    return component


def build_calendar(events):
    events = list(events)
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Wagtail//PL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-timezone", CALENDAR_TIME_ZONE.key)
    if events:
        times = [event.local_start for event in events] + [event.local_end for event in events if event.end]
        first = date(min(times).year, 1, 1)
        last = date(max(times).year + 1, 1, 1)
        calendar.add_component(vtimezone(CALENDAR_TIME_ZONE, first, last))
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", event_uid(event))
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", event.local_start)
        if event.end:
            entry.add("dtend", event.local_end)
        entry.add("summary", event.title)
        location = ", ".join(part for part in (event.place, event.address) if part)
        if location:
            entry.add("location", location)
        if event.lead:
            entry.add("description", event.lead)
        entry.add("url", event.get_full_url())
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at)
        calendar.add_component(entry)
    return calendar


def calendar_response(events, filename):
    response = HttpResponse(build_calendar(events).to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
