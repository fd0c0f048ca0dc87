"""schema.org Event JSON-LD, so search engines and calendars can read a convening's essentials."""

from django.utils import timezone

from core.site_url import site_root
from core.structured_data import SCHEMA_ORG, document, organisation

ATTENDANCE_MODES = {
    "online": f"{SCHEMA_ORG}/OnlineEventAttendanceMode",
    "in_person": f"{SCHEMA_ORG}/OfflineEventAttendanceMode",
    "hybrid": f"{SCHEMA_ORG}/MixedEventAttendanceMode",
}


def event_json_ld(event, request, speakers):
    """The schema.org Event data for one event; the joining link is never included."""
    url = event.get_full_url(request)
    locations = []
    if event.is_in_person:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name,
                "address": ", ".join(event.venue_address.splitlines()) or event.venue_name,
            }
        )
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": event.registration_url or url})
    offer = {"@type": "Offer", "url": event.registration_url, "availability": f"{SCHEMA_ORG}/InStock"}
    return document(
        {
            "@type": "Event",
            "name": event.title,
            "description": event.in_brief,
            "url": url,
            "startDate": timezone.localtime(event.start).isoformat(),
            "endDate": timezone.localtime(event.end).isoformat(),
            "eventStatus": f"{SCHEMA_ORG}/EventScheduled",
            "eventAttendanceMode": ATTENDANCE_MODES[event.format],
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": organisation(request, url=site_root(request) + "/"),
            "performer": [{"@type": "Person", "name": speaker.person.name} for speaker in speakers],
            "offers": offer if event.registration_url and not event.is_past else None,
            "superEvent": {"@type": "EventSeries", "name": event.series.name} if event.series_id else None,
        }
    )
