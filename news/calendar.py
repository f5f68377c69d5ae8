"""iCalendar (RFC 5545) files of events, with times in Europe/Warsaw (a VTIMEZONE block and TZID parameters)."""

from zoneinfo import ZoneInfo

import icalendar

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

# The partnership's time: events are shown, fed and exported in it whatever the server's time zone.
CALENDAR_TIME_ZONE = ZoneInfo("Europe/Warsaw")


def event_uid(event, request=None):
    # One UID per event whatever its language: subscribing to both calendars does not show it twice.
    host = request.get_host() if request else "lubelskie-partnerstwo"
    return f"event-{event.translation_key}@{host}"


def build_calendar(events, request=None):
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{settings.WAGTAIL_SITE_NAME}//Wagtail//PL")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-timezone", CALENDAR_TIME_ZONE.key)
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", event_uid(event, request))
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
        entry.add("url", event.get_full_url(request))
        if event.last_published_at:
            entry.add("last-modified", event.last_published_at)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar


def calendar_response(events, filename, request=None):
    response = HttpResponse(build_calendar(events, request).to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
