"""iCalendar output for one convening or the whole programme, built with the icalendar library.

Each event's UID comes from its own UUID, so an entry survives a change of title or address;
SEQUENCE rises whenever the times move; times are given in Europe/London with a VTIMEZONE.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone

from icalendar import Calendar, Event, vDuration

from core.chrome import site_settings

PRODID = "-//The Relationships Project//Convenings//EN"
REFRESH_INTERVAL = datetime.timedelta(hours=12)


def event_component(event, request):
    """One VEVENT: public details only, never the joining link."""
    local = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    url = event.get_full_url(request)
    component = Event()
    component.add("uid", f"{event.uid}@relationshipsproject.org")
    component.add("dtstamp", event.last_published_at or timezone.now())
    if event.first_published_at:
        component.add("created", event.first_published_at)
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    component.add("sequence", event.sequence)
    component.add("summary", event.title)
    component.add("dtstart", timezone.localtime(event.start, local))
    component.add("dtend", timezone.localtime(event.end, local))
    component.add("location", event.location_text)
    component.add("url", url)
    component.add("description", f"{event.in_brief}\n\n{url}")
    component.add("status", "CONFIRMED")
    component.add("transp", "OPAQUE")
    return component


def build_calendar(events, request, name):
    """A VCALENDAR holding every given event, with the Europe/London VTIMEZONE they refer to."""
    events = list(events)
    organisation = site_settings().organisation_name
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", f"{organisation}: {name}")
    calendar.add("x-wr-calname", f"{organisation}: {name}")
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", vDuration(REFRESH_INTERVAL), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    for event in events:
        calendar.add_component(event_component(event, request))
    if events:
        first = min(event.start for event in events).date() - datetime.timedelta(days=1)
        last = max(event.end for event in events).date() + datetime.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first, last_date=last)
    return calendar


def calendar_response(request, events, name, filename=None):
    """The calendar as text/calendar; a filename makes browsers offer it as a download."""
    response = HttpResponse(
        build_calendar(events, request, name).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
