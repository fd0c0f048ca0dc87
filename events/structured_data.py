"""schema.org Event JSON-LD, so search engines and calendars can read a convening's essentials."""

from django.utils import timezone

from core.models import SiteSettings
from core.site_url import site_root

ATTENDANCE_MODES = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def event_json_ld(event, request, speakers):
    """The schema.org Event data for one event; the joining link is never included."""
    url = event.get_full_url(request)
    root = site_root(request) + "/"
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
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.in_brief,
        "url": url,
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.end).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES[event.format],
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {
            "@type": "Organization",
            "name": SiteSettings.load(request_or_site=request).organisation_name,
            "url": root,
        },
    }
    if speakers:
        data["performer"] = [{"@type": "Person", "name": speaker.person.name} for speaker in speakers]
    if event.registration_url and not event.is_past:
        data["offers"] = {
            "@type": "Offer",
            "url": event.registration_url,
            "availability": "https://schema.org/InStock",
        }
    if event.series_id:
        data["superEvent"] = {"@type": "EventSeries", "name": event.series.name}
    return data
