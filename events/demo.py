"""Demo content: the real programme of past convenings (2021–2025) and two upcoming ones.

The past programme, its series and its guests are data, in demo/convenings.json: titles, dates,
places and guests come from the organisation's own record of its convenings; where the record
gives no time of day or year, a plausible one is used.
"""

import datetime
import json
import zoneinfo
from pathlib import Path

from django.utils import timezone

from home.demo import paragraphs

from .models import EventFormat, EventIndexPage, EventPage, EventPagePartner, EventPageSpeaker, EventSeries

LONDON = zoneinfo.ZoneInfo("Europe/London")

# The series, the people who spoke and the past programme; the two upcoming convenings below are
# dated from today, so they stay in code.
DATA = json.loads((Path(__file__).parent / "demo" / "convenings.json").read_text())
PEOPLE = DATA["people"]


def _at(day, clock):
    """A moment in London from the data file's "2021-06-09" and "12:30"."""
    return datetime.datetime.combine(
        datetime.date.fromisoformat(day), datetime.time.fromisoformat(clock), LONDON
    )


def _weekday_from(day):
    """The same day, or the Monday after if it falls at a weekend."""
    return day + datetime.timedelta(days=7 - day.weekday() if day.weekday() >= 5 else 0)


def _upcoming():
    """Two convenings dated from today, so the demo always has something ahead."""
    today = timezone.localdate()
    soon = _weekday_from(today + datetime.timedelta(weeks=3))
    later = _weekday_from(today + datetime.timedelta(days=61))
    return [
        {
            "slug": "relational-readiness",
            "title": "Relational readiness: a Zoom conversation",
            "start": datetime.datetime.combine(soon, datetime.time(12, 30), LONDON),
            "end": datetime.datetime.combine(soon, datetime.time(13, 45), LONDON),
            "format": EventFormat.ONLINE,
            "in_brief": "What tells us a place is ready to embrace and embed relationship-centred practice? "
            "Help us shape some indicators.",
            "registration_url": "https://relationshipsproject.org/connect/",
            "joining_link": "https://zoom.us/j/00000000000",
            "attendance": "40 places",
            "body": paragraphs(
                "Some places are more ready than others to put relationships first. We have been thinking about "
                "'relational readiness': how receptive a person, organisation or community is to relational "
                "practice, and how able it is to make that practice part of everyday work.",
                "Bring your experience of what helped, and what got in the way. The joining link is emailed to "
                "everyone who signs up.",
            ),
        },
        {
            "slug": "relational-neighbourhoods-gathering",
            "title": "Relational Neighbourhoods: a day together in Birmingham",
            "start": datetime.datetime.combine(later, datetime.time(10, 0), LONDON),
            "end": datetime.datetime.combine(later, datetime.time(16, 0), LONDON),
            "format": EventFormat.IN_PERSON,
            "venue_name": "The Yard at the Button Factory",
            "venue_address": "Birmingham",
            "in_brief": "A day for practitioners building neighbourhoods where connections matter as much as "
            "geography.",
            "registration_url": "https://relationshipsproject.org/connect/",
            "attendance": "100 places",
            "body": paragraphs(
                "New policy gives neighbourhoods a bigger part to play. We will spend a day together asking what a "
                "relational neighbourhood looks like and how we get there.",
                "Expect Kitchen Table conversations, practical breakouts and plenty of time to meet one another. "
                "Lunch is included.",
            ),
        },
    ]


def load(demo):
    """The convenings page, its series and the programme; returns the index page for the menu."""
    index = demo.page(
        demo.home,
        EventIndexPage,
        "convenings",
        title="Convenings",
        intro="Online conversations and in-person gatherings where relationship-centred practitioners learn "
        "from one another, explore shared challenges and swap ideas.",
    )
    series = {}
    for slug, fields in DATA["series"].items():
        series[slug], created = EventSeries.objects.get_or_create(slug=slug, defaults=fields)
        demo.created += created

    for number, row in enumerate(DATA["past"]):
        fields = dict(row)
        slug, day = fields.pop("slug"), fields.pop("date")
        demo.page(
            index,
            EventPage,
            slug,
            start=_at(day, fields.pop("start")),
            end=_at(day, fields.pop("end")),
            series=series.get(fields.pop("series")),
            reflections=paragraphs(*fields.pop("reflections")),
            listing_image=demo.image(f"event-{slug}", f"Convening: {row['title']}", number),
            speakers=[
                EventPageSpeaker(
                    person=demo.person(item["name"], PEOPLE[item["name"]]),
                    role=item["role"],
                    sort_order=order,
                )
                for order, item in enumerate(fields.pop("speakers"))
            ],
            partners=[
                EventPagePartner(sort_order=order, **item)
                for order, item in enumerate(fields.pop("partners"))
            ],
            **fields,
        )

    for number, fields in enumerate(_upcoming()):
        slug = fields.pop("slug")
        demo.page(
            index,
            EventPage,
            slug,
            listing_image=demo.image(f"event-{slug}", f"Convening: {fields['title']}", number + 2),
            speakers=[
                EventPageSpeaker(person=demo.person("David Robinson", PEOPLE["David Robinson"]), role="Host")
            ],
            **fields,
        )
    return index
