"""Convening listings, archive, series pages and event pages, read at fixed instants."""

import datetime
import json
import zoneinfo

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

import time_machine
from bs4 import BeautifulSoup

from events.models import EventFormat, EventPage
from tests.base import SiteTestCase
from tests.factories import ImageFactory
from tests.factories.events import (
    EventIndexPageFactory,
    EventPageFactory,
    EventPagePartnerFactory,
    EventPageSpeakerFactory,
    EventSeriesFactory,
)

LONDON = zoneinfo.ZoneInfo("Europe/London")
NOW = datetime.datetime(2025, 3, 10, 12, 0, tzinfo=LONDON)
JOINING_LINK = "https://zoom.example/j/secret-joining-123"


def london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


class EventViewTestCase(SiteTestCase):
    """Requests made with the clock fixed at NOW."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = EventIndexPageFactory(parent=cls.home)

    def get(self, path, **params):
        with time_machine.travel(NOW, tick=False):
            return self.client.get(path, params)


class IndexTests(EventViewTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.later = EventPageFactory(parent=cls.index, title="Later", start=london(2025, 5, 1, 13))
        cls.sooner = EventPageFactory(parent=cls.index, title="Sooner", start=london(2025, 3, 20, 13))
        cls.now_on = EventPageFactory(parent=cls.index, title="Now on", start=london(2025, 3, 10, 11, 30))
        cls.past = EventPageFactory(parent=cls.index, title="Gone by", start=london(2025, 2, 24, 13))
        EventPageFactory(parent=cls.index, title="Draft gathering", start=london(2025, 3, 25, 13), live=False)
        private = EventPageFactory(parent=cls.index, title="Private gathering", start=london(2025, 3, 26, 13))
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    def test_upcoming_soonest_first_including_happening_now(self):
        page = soup(self.get("/convenings/"))
        upcoming = [a.get_text() for a in page.select("#upcoming-heading + .card-grid .card__title a")]
        self.assertEqual(upcoming, ["Now on", "Sooner", "Later"])
        self.assertIn("Happening now", page.select_one("#upcoming-heading + .card-grid .card").get_text())
        self.assertEqual(len(page.find_all("h1")), 1)

    def test_past_events_are_linked_not_listed_as_upcoming(self):
        page = soup(self.get("/convenings/"))
        recent = [a.get_text() for a in page.select("#past-heading ~ .card-grid .card__title a")]
        self.assertEqual(recent, ["Gone by"])
        self.assertTrue(page.find("a", href="/convenings/past/"))

    def test_drafts_and_private_events_are_absent(self):
        for path in ("/convenings/", "/convenings/past/", "/"):
            with self.subTest(path=path):
                content = self.get(path).content.decode()
                self.assertNotIn("Draft gathering", content)
                self.assertNotIn("Private gathering", content)

    def test_subscribe_links(self):
        page = soup(self.get("/convenings/"))
        self.assertTrue(page.find("a", href="webcal://localhost/convenings/calendar.ics"))
        self.assertTrue(page.find("a", href="/convenings/calendar.ics"))
        self.assertTrue(page.find("a", href="/convenings/feed/"))
        alternate = page.find("link", rel="alternate", type="application/rss+xml", href="/convenings/feed/")
        self.assertIsNotNone(alternate)


class ArchiveTests(EventViewTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.councils = EventSeriesFactory(name="Relational Councils", slug="relational-councils")
        cls.book_club = EventSeriesFactory(name="Book Club", slug="book-club")
        for month in range(1, 13):
            EventPageFactory(parent=cls.index, title=f"2023 event {month}", start=london(2023, month, 14, 14))
        EventPageFactory(
            parent=cls.index, title="First convening", start=london(2021, 12, 13, 14), series=cls.councils
        )
        EventPageFactory(
            parent=cls.index, title="The Good Life", start=london(2023, 3, 28, 12), series=cls.book_club
        )
        EventPageFactory(parent=cls.index, title="Still to come", start=london(2025, 4, 1, 13))
        EventPageFactory(parent=cls.index, title="Unpublished past", start=london(2022, 1, 1, 13), live=False)

    def titles(self, response):
        return [a.get_text() for a in soup(response).select(".card__title a")]

    def test_newest_first_twelve_a_page(self):
        first = self.titles(self.get("/convenings/past/"))
        self.assertEqual(len(first), 12)
        self.assertEqual(first[0], "2023 event 12")
        second = self.titles(self.get("/convenings/past/", page="2"))
        self.assertEqual(second, ["2023 event 1", "First convening"])
        self.assertNotIn("Still to come", first + second)
        self.assertNotIn("Unpublished past", first + second)

    def test_filters_by_year_and_series(self):
        self.assertEqual(self.titles(self.get("/convenings/past/", year="2021")), ["First convening"])
        self.assertEqual(self.titles(self.get("/convenings/past/", series="book-club")), ["The Good Life"])
        both = self.get("/convenings/past/", year="2023", series="book-club")
        self.assertEqual(self.titles(both), ["The Good Life"])
        page = soup(both)
        self.assertEqual(page.select_one("#filter-year option[selected]")["value"], "2023")
        self.assertEqual(page.select_one("#filter-series option[selected]")["value"], "book-club")

    def test_year_options_come_from_published_past_events(self):
        years = [o["value"] for o in soup(self.get("/convenings/past/")).select("#filter-year option")]
        self.assertEqual(years, ["", "2023", "2021"])

    def test_junk_parameters_are_harmless(self):
        for params in (
            {"page": "abc"},
            {"page": "9999"},
            {"page": "-1"},
            {"year": "zz"},
            {"year": "99999"},
            {"year": "0"},
            {"series": "<script>"},
            {"series": "nope", "year": "2023\x00"},
        ):
            with self.subTest(params=params):
                response = self.get("/convenings/past/", **params)
                self.assertEqual(response.status_code, 200)
                self.assertTrue(self.titles(response))

    def test_filtered_views_share_one_canonical_url(self):
        page = soup(self.get("/convenings/past/", year="2023"))
        self.assertEqual(page.find("link", rel="canonical")["href"], "http://localhost/convenings/past/")
        self.assertEqual(page.title.get_text().split(" |")[0], "Past convenings in 2023")

    def test_series_page(self):
        response = self.get("/convenings/series/relational-councils/")
        self.assertEqual(self.titles(response), ["First convening"])
        self.assertEqual(soup(response).h1.get_text(), "Relational Councils")
        self.assertEqual(self.get("/convenings/series/no-such-series/").status_code, 404)


class EventPageTests(EventViewTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.series = EventSeriesFactory(name="Relational Councils", slug="relational-councils")
        cls.upcoming = EventPageFactory(
            parent=cls.index,
            slug="coming-up",
            title="Relational readiness",
            start=london(2025, 3, 24, 12, 30),
            registration_url="https://forms.example/sign-up",
            joining_link=JOINING_LINK,
            reflections=[("paragraph", RichText("<p>Not yet written.</p>"))],
            series=cls.series,
        )
        EventPageSpeakerFactory(page=cls.upcoming, person__name="Noreen Blanluet", role="Kitchen Table Guest")
        EventPagePartnerFactory(page=cls.upcoming, name="Habitus Collective", url="https://habitus.example/")
        cls.past = EventPageFactory(
            parent=cls.index,
            slug="gone-by",
            title="Relational offsetting",
            start=london(2025, 2, 24, 13),
            end=london(2025, 2, 24, 14, 15),
            registration_url="https://forms.example/old-sign-up",
            joining_link=JOINING_LINK,
            reflections=[("paragraph", RichText("<p>We left with a lot to reflect on.</p>"))],
            recording_url="https://video.example/recording",
            listing_image=ImageFactory(),
        )
        cls.in_person = EventPageFactory(
            parent=cls.index,
            slug="birmingham",
            title="Changing Our Permissions",
            start=london(2025, 7, 11, 10),
            format=EventFormat.IN_PERSON,
            venue_name="The Yard at the Button Factory",
            venue_address="Birmingham",
        )
        cls.hybrid = EventPageFactory(
            parent=cls.index,
            slug="lse",
            title="LSE Lecture",
            start=london(2025, 10, 31, 18, 30),
            format=EventFormat.HYBRID,
            venue_name="London School of Economics",
            venue_address="Houghton Street\nLondon",
            joining_link=JOINING_LINK,
        )

    def json_ld(self, event):
        script = soup(self.get(event.url)).find("script", type="application/ld+json")
        return json.loads(script.string)

    def test_upcoming_event_offers_sign_up_and_calendar_not_reflections(self):
        response = self.get("/convenings/coming-up/")
        page = soup(response)
        self.assertEqual(page.h1.get_text(), "Relational readiness")
        self.assertTrue(page.find("a", href="https://forms.example/sign-up"))
        self.assertTrue(page.find("a", href="/convenings/coming-up/calendar.ics"))
        self.assertNotIn("Not yet written", response.content.decode())
        self.assertIn("Upcoming", page.select_one(".event-status").get_text())
        self.assertIn("Noreen Blanluet", page.select_one(".event-people").get_text())
        self.assertIn("Kitchen Table Guest", page.select_one(".event-people").get_text())
        self.assertTrue(page.find("a", href="https://habitus.example/"))
        self.assertTrue(page.find("a", href="/convenings/series/relational-councils/"))

    def test_past_event_shows_reflections_and_hides_sign_up(self):
        response = self.get("/convenings/gone-by/")
        page = soup(response)
        self.assertIn("We left with a lot to reflect on.", page.select_one(".event-reflections").get_text())
        self.assertFalse(page.find("a", href="https://forms.example/old-sign-up"))
        self.assertTrue(page.find("a", href="https://video.example/recording"))
        self.assertIsNone(page.select_one(".event-status"))

    def test_status_follows_the_clock_without_any_edit(self):
        during = london(2025, 3, 24, 13)
        after = london(2025, 3, 24, 14, 30)
        with time_machine.travel(during, tick=False):
            page = soup(self.client.get("/convenings/coming-up/"))
        self.assertEqual(page.select_one(".event-status").get_text(), "Happening now")
        with time_machine.travel(after, tick=False):
            response = self.client.get("/convenings/coming-up/")
        self.assertIn("Not yet written", response.content.decode())
        self.assertFalse(soup(response).find("a", href="https://forms.example/sign-up"))

    def test_places_are_shown_until_the_end_and_who_came_after(self):
        EventPage.objects.filter(pk=self.upcoming.pk).update(places="40 places", attendance="32 neighbours")
        before, after = london(2025, 3, 24, 13), london(2025, 3, 24, 14, 30)
        for moment, shown, hidden in (
            (before, "Places40 places", "32 neighbours"),
            (after, "Who came32 neighbours", "40 places"),
        ):
            with time_machine.travel(moment, tick=False):
                facts = soup(self.client.get("/convenings/coming-up/")).select_one(".event-facts")
            self.assertIn(shown, facts.get_text().replace("\n", ""))
            self.assertNotIn(hidden, facts.get_text())

    def test_in_person_page_shows_the_venue(self):
        facts = soup(self.get("/convenings/birmingham/")).select_one(".event-facts").get_text()
        self.assertIn("The Yard at the Button Factory", facts)
        self.assertIn("Birmingham", facts)

    def test_json_ld_describes_the_event(self):
        data = self.json_ld(self.upcoming)
        self.assertEqual(data["@type"], "Event")
        self.assertEqual(data["name"], "Relational readiness")
        self.assertEqual(data["startDate"], "2025-03-24T12:30:00+00:00")
        self.assertEqual(data["eventStatus"], "https://schema.org/EventScheduled")
        self.assertEqual(data["eventAttendanceMode"], "https://schema.org/OnlineEventAttendanceMode")
        self.assertEqual(data["location"]["@type"], "VirtualLocation")
        self.assertEqual(data["organizer"]["@type"], "Organization")
        self.assertEqual(data["offers"]["url"], "https://forms.example/sign-up")
        self.assertEqual(data["performer"], [{"@type": "Person", "name": "Noreen Blanluet"}])
        self.assertEqual(data["url"], "http://localhost/convenings/coming-up/")
        self.assertEqual(data["organizer"]["url"], "http://localhost/")

    def test_json_ld_for_in_person_and_hybrid(self):
        in_person = self.json_ld(self.in_person)
        self.assertEqual(in_person["eventAttendanceMode"], "https://schema.org/OfflineEventAttendanceMode")
        self.assertEqual(in_person["location"]["@type"], "Place")
        self.assertEqual(in_person["location"]["name"], "The Yard at the Button Factory")
        self.assertEqual(in_person["startDate"], "2025-07-11T10:00:00+01:00")
        hybrid = self.json_ld(self.hybrid)
        self.assertEqual(hybrid["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode")
        self.assertEqual([place["@type"] for place in hybrid["location"]], ["Place", "VirtualLocation"])
        self.assertEqual(hybrid["location"][0]["address"], "Houghton Street, London")
        self.assertNotIn("offers", self.json_ld(self.past))

    def test_json_ld_cannot_break_out_of_its_script(self):
        self.upcoming.title = "</script><script>alert(1)</script>"
        self.upcoming.save_revision().publish()
        content = self.get("/convenings/coming-up/").content.decode()
        self.assertNotIn("<script>alert(1)", content)
        self.assertEqual(self.json_ld(self.upcoming)["name"], "</script><script>alert(1)</script>")

    def test_joining_link_never_appears_in_public_output(self):
        paths = [
            "/convenings/",
            "/convenings/past/",
            "/convenings/series/relational-councils/",
            "/convenings/coming-up/",
            "/convenings/gone-by/",
            "/convenings/lse/",
            "/convenings/coming-up/calendar.ics",
            "/convenings/lse/calendar.ics",
            "/convenings/calendar.ics",
            "/convenings/feed/",
            "/",
        ]
        for path in paths:
            with self.subTest(path=path):
                response = self.get(path)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("secret-joining", response.content.decode())
        self.assertNotIn("secret-joining", json.dumps(self.json_ld(self.hybrid)))

    def test_joining_link_is_kept_for_editors(self):
        self.login()
        response = self.client.get(f"/admin/pages/{self.upcoming.pk}/edit/")
        self.assertContains(response, JOINING_LINK)
        self.assertContains(response, "emailed to people who have registered")


class QueryCountTests(EventViewTestCase):
    """Listings, feed and calendar cost the same number of queries for 5 or 50 events."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # A few shared images: each event still gets its own image object, so a missing prefetch shows.
        cls.images = ImageFactory.create_batch(3)
        cls.series = EventSeriesFactory()

    def add_events(self, count, first_day):
        """`count` upcoming and `count` past events, each with an image, a series and a speaker."""
        for number in range(count):
            upcoming = first_day + datetime.timedelta(days=number)
            past = london(2025, 2, 1, 13) - datetime.timedelta(days=first_day.day + number)
            for when in (upcoming, past):
                event = EventPageFactory(
                    parent=self.index,
                    start=when,
                    listing_image=self.images[number % 3],
                    series=self.series,
                    publish=False,
                )
                EventPageSpeakerFactory(page=event)

    def count_queries(self, path):
        self.get(path)  # renditions are made on the first view; count a warm one
        with CaptureQueriesContext(connection) as queries:
            response = self.get(path)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_constant_queries(self):
        paths = ["/convenings/", "/convenings/past/", "/convenings/feed/", "/convenings/calendar.ics"]
        self.add_events(5, london(2025, 3, 20, 13))
        few = {path: self.count_queries(path) for path in paths}
        self.add_events(45, london(2025, 4, 20, 13))
        many = {path: self.count_queries(path) for path in paths}
        self.assertEqual(few, many)
