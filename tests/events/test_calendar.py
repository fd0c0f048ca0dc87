"""Calendar files and the RSS feed, read back with real parsers."""

import datetime
import zoneinfo

from wagtail.models import PageViewRestriction

import feedparser
import icalendar
import recurring_ical_events
import time_machine
from bs4 import BeautifulSoup

from events.models import EventFormat
from tests.base import SiteTestCase
from tests.factories import ImageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory

UTC = datetime.UTC
LONDON = zoneinfo.ZoneInfo("Europe/London")
NOW = datetime.datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


class CalendarTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = EventIndexPageFactory(parent=cls.home)
        cls.winter = EventPageFactory(
            parent=cls.index,
            slug="relational-offsetting",
            title="Relational offsetting",
            in_brief="Could relationships be taken out of one part of a service?",
            start=london(2025, 2, 24, 13),
            end=london(2025, 2, 24, 14, 15),
            joining_link="https://zoom.example/j/secret-joining-123",
        )
        cls.clock_change = EventPageFactory(
            parent=cls.index,
            slug="night-watch",
            title="Across the clock change",
            start=london(2025, 10, 26, 0, 30),
            end=london(2025, 10, 26, 2, 30),
        )
        cls.in_person = EventPageFactory(
            parent=cls.index,
            slug="birmingham",
            title="Changing Our Permissions",
            start=london(2025, 7, 11, 10),
            end=london(2025, 7, 11, 16),
            format=EventFormat.IN_PERSON,
            venue_name="The Yard at the Button Factory",
            venue_address="Birmingham",
        )
        cls.long_ago = EventPageFactory(parent=cls.index, slug="long-ago", start=london(2024, 3, 1, 13))
        cls.draft = EventPageFactory(parent=cls.index, slug="draft", start=london(2025, 4, 1, 13), live=False)
        cls.private = EventPageFactory(parent=cls.index, slug="private", start=london(2025, 4, 2, 13))
        PageViewRestriction.objects.create(page=cls.private, restriction_type="password", password="x")

    def get(self, path, **headers):
        with time_machine.travel(NOW, tick=False):
            return self.client.get(path, headers=headers)

    def calendar(self, path):
        response = self.get(path)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/calendar; charset=utf-8")
        return icalendar.Calendar.from_ical(response.content), response


class EventCalendarTests(CalendarTestCase):
    def test_one_event_file(self):
        calendar, response = self.calendar("/convenings/relational-offsetting/calendar.ics")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="relational-offsetting.ics"')
        [event] = calendar.walk("VEVENT")
        self.assertEqual(str(event["summary"]), "Relational offsetting")
        self.assertEqual(event.decoded("dtstart"), datetime.datetime(2025, 2, 24, 13, tzinfo=UTC))
        self.assertEqual(event.decoded("dtend"), datetime.datetime(2025, 2, 24, 14, 15, tzinfo=UTC))
        self.assertEqual(event["dtstart"].params["TZID"], "Europe/London")
        self.assertEqual(str(event["uid"]), f"{self.winter.uid}@relationshipsproject.org")
        self.assertEqual(str(event["url"]), "http://localhost/convenings/relational-offsetting/")
        self.assertEqual(str(event["location"]), "Online")
        self.assertIn("Could relationships be taken out", str(event["description"]))
        self.assertEqual(event["sequence"], 0)
        self.assertIn("dtstamp", event)
        self.assertEqual([tz["tzid"] for tz in calendar.walk("VTIMEZONE")], ["Europe/London"])
        self.assertNotIn(b"secret-joining", response.content)

    def test_second_parser_agrees_on_the_instant_across_the_clock_change(self):
        calendar, _ = self.calendar("/convenings/night-watch/calendar.ics")
        [event] = recurring_ical_events.of(calendar).between(
            datetime.datetime(2025, 10, 25, tzinfo=UTC), datetime.datetime(2025, 10, 27, tzinfo=UTC)
        )
        self.assertEqual(event["DTSTART"].dt, datetime.datetime(2025, 10, 25, 23, 30, tzinfo=UTC))
        self.assertEqual(event["DTEND"].dt, datetime.datetime(2025, 10, 26, 2, 30, tzinfo=UTC))
        duration = event["DTEND"].dt.astimezone(UTC) - event["DTSTART"].dt.astimezone(UTC)
        self.assertEqual(duration, datetime.timedelta(hours=3))

    def test_in_person_location(self):
        calendar, _ = self.calendar("/convenings/birmingham/calendar.ics")
        [event] = calendar.walk("VEVENT")
        self.assertEqual(str(event["location"]), "The Yard at the Button Factory, Birmingham")
        self.assertEqual(event.decoded("dtstart"), datetime.datetime(2025, 7, 11, 9, tzinfo=UTC))

    def test_uid_survives_a_title_and_slug_change(self):
        calendar, _ = self.calendar("/convenings/relational-offsetting/calendar.ics")
        before = str(calendar.walk("VEVENT")[0]["uid"])
        self.winter.title, self.winter.slug = "Relational offsetting (renamed)", "offsetting"
        self.winter.save_revision().publish()
        calendar, _ = self.calendar("/convenings/offsetting/calendar.ics")
        [event] = calendar.walk("VEVENT")
        self.assertEqual(str(event["uid"]), before)
        self.assertEqual(str(event["summary"]), "Relational offsetting (renamed)")
        self.assertEqual(event["sequence"], 0)

    def test_sequence_rises_after_a_time_change(self):
        self.winter.start, self.winter.end = london(2025, 2, 24, 14), london(2025, 2, 24, 15, 15)
        self.winter.save_revision().publish()
        calendar, _ = self.calendar("/convenings/relational-offsetting/calendar.ics")
        [event] = calendar.walk("VEVENT")
        self.assertEqual(event["sequence"], 1)
        self.assertEqual(event.decoded("dtstart"), datetime.datetime(2025, 2, 24, 14, tzinfo=UTC))

    def test_draft_and_private_events_have_no_calendar(self):
        self.assertEqual(self.get("/convenings/draft/calendar.ics").status_code, 404)
        response = self.get("/convenings/private/calendar.ics")
        self.assertNotIn(b"BEGIN:VCALENDAR", response.content)


class ProgrammeCalendarTests(CalendarTestCase):
    def test_upcoming_and_last_twelve_months(self):
        calendar, response = self.calendar("/convenings/calendar.ics")
        self.assertNotIn("Content-Disposition", response)
        uids = {str(event["uid"]).split("@")[0] for event in calendar.walk("VEVENT")}
        expected = {self.winter.uid, self.clock_change.uid, self.in_person.uid}
        self.assertEqual(uids, {str(uid) for uid in expected})
        self.assertIn("X-WR-CALNAME", calendar)

    def test_second_parser_counts_the_same_events(self):
        calendar, _ = self.calendar("/convenings/calendar.ics")
        events = recurring_ical_events.of(calendar).between(
            datetime.datetime(2024, 1, 1, tzinfo=UTC), datetime.datetime(2026, 1, 1, tzinfo=UTC)
        )
        self.assertEqual(len(events), 3)
        starts = sorted(event["DTSTART"].dt for event in events)
        self.assertEqual(starts[0], datetime.datetime(2025, 2, 24, 13, tzinfo=UTC))

    def test_conditional_get(self):
        first = self.get("/convenings/calendar.ics")
        again = self.get("/convenings/calendar.ics", if_none_match=first["ETag"])
        self.assertEqual(again.status_code, 304)


class FeedTests(CalendarTestCase):
    def feed(self):
        response = self.get("/convenings/feed/")
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        return feed, response

    def test_upcoming_convenings_newest_announcement_first(self):
        announced_last = EventPageFactory(
            parent=self.index,
            title="Announced last",
            start=london(2025, 12, 1, 13),
            listing_image=ImageFactory(),
        )
        feed, response = self.feed()
        titles = [entry.title for entry in feed.entries]
        self.assertEqual(titles, ["Announced last", "Changing Our Permissions", "Across the clock change"])
        entry = feed.entries[0]
        self.assertEqual(entry.link, f"http://localhost{announced_last.url}")
        lead_image, details = BeautifulSoup(entry.content[0].value, "html.parser").find_all("p")[:2]
        self.assertIsNotNone(lead_image.img)
        details = " ".join(details.get_text().split())
        self.assertEqual(details, "When: Monday 1 December 2025, 13:00–14:30 GMT Where: Online")
        self.assertTrue(entry.media_content[0]["url"].startswith("http://localhost/media/"))
        self.assertEqual(feed.feed.link, "http://localhost/convenings/")
        self.assertNotIn(b"secret-joining", response.content)

    def test_conditional_get(self):
        _, first = self.feed()
        again = self.get("/convenings/feed/", if_none_match=first["ETag"])
        self.assertEqual(again.status_code, 304)
        since = self.get("/convenings/feed/", if_modified_since=first["Last-Modified"])
        self.assertEqual(since.status_code, 304)
