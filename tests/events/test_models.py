"""Convening pages: where they live, how editors create them, status from the clock, calendar identity."""

import datetime
import zoneinfo

from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import time_machine
from bs4 import BeautifulSoup

from events.models import EventFormat, EventIndexPage, EventPage, EventStatus
from home.models import HomePage
from tests.base import SiteTestCase
from tests.factories import PersonFactory
from tests.factories.events import (
    EventIndexPageFactory,
    EventPageFactory,
    EventPagePartnerFactory,
    EventPageSpeakerFactory,
)

UTC = datetime.UTC
LONDON = zoneinfo.ZoneInfo("Europe/London")


def london(*args):
    return datetime.datetime(*args, tzinfo=LONDON)


class EventPageTreeTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = EventIndexPageFactory(parent=cls.home)

    def test_places_in_the_tree(self):
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertEqual(EventIndexPage.max_count, 1)
        self.assertFalse(EventIndexPage.can_create_at(self.home))

    def test_pages_render_and_edit(self):
        event = EventPageFactory(parent=self.index, slug="gathering")
        EventPageSpeakerFactory(page=event, role="Host")
        EventPagePartnerFactory(page=event, name="Habitus Collective")
        form_data = nested_form_data(
            {
                "title": "A gathering",
                "slug": "gathering",
                "in_brief": "We meet.",
                "start": "24/02/2025 13:00",
                "end": "24/02/2025 14:15",
                "format": "online",
                "speakers": inline_formset([]),
                "partners": inline_formset([]),
                "body": streamfield([("paragraph", rich_text("<p>About it.</p>"))]),
                "reflections": streamfield([]),
            }
        )
        self.assertPageIsRenderable(self.index)
        self.assertPageIsRenderable(event)
        self.assertPageIsRenderable(self.index, route_path="/past/")
        self.assertPageIsEditable(event, form_data)
        self.assertPageIsPreviewable(event, post_data=form_data)
        self.assertPageIsPreviewable(
            self.index, post_data={"title": "Convenings", "slug": "convenings", "intro": "Come along."}
        )

    def test_editor_creates_a_convening_in_uk_time(self):
        """Times typed in the admin are London wall-clock times, stored as the right instant."""
        self.login()
        person = PersonFactory()
        self.assertCanCreate(
            self.index,
            EventPage,
            nested_form_data(
                {
                    "title": "Changing Our Permissions",
                    "slug": "changing-our-permissions",
                    "in_brief": "A day in Birmingham.",
                    "start": "12/07/2024 10:00",
                    "end": "12/07/2024 16:00",
                    "format": "in_person",
                    "venue_name": "The Yard at the Button Factory",
                    "venue_address": "Birmingham",
                    "attendance": "120 practitioners",
                    "speakers": inline_formset([{"person": person.pk, "role": "Kitchen Table Guest"}]),
                    "partners": inline_formset([{"name": "ActUp!", "url": ""}]),
                    "body": streamfield([("paragraph", rich_text("<p>Norms, beliefs and rules.</p>"))]),
                    "reflections": streamfield([]),
                }
            ),
        )
        event = EventPage.objects.get(slug="changing-our-permissions")
        self.assertEqual(event.start, datetime.datetime(2024, 7, 12, 9, 0, tzinfo=UTC))
        self.assertEqual(event.end, datetime.datetime(2024, 7, 12, 15, 0, tzinfo=UTC))
        self.assertEqual(event.speakers.get().role, "Kitchen Table Guest")

    def test_validation(self):
        event = EventPage(
            title="Backwards",
            slug="backwards",
            in_brief="Ends first.",
            start=london(2025, 2, 24, 13),
            end=london(2025, 2, 24, 12),
            format=EventFormat.IN_PERSON,
        )
        with self.assertRaises(ValidationError) as caught:
            event.clean()
        self.assertEqual(set(caught.exception.message_dict), {"end", "venue_name"})

    def test_links_from_meeting_and_sign_up_services_fit(self):
        link = "https://us02web.zoom.us/j/81234567890?pwd=" + "a1B2c3D4" * 40
        for name in ("joining_link", "registration_url", "recording_url", "slides_url"):
            self.assertEqual(EventPage._meta.get_field(name).clean(link, None), link)
        with self.assertRaises(ValidationError):
            EventPage._meta.get_field("registration_url").clean(link + "x" * 200, None)


class EventStatusTests(SiteTestCase):
    def test_status_before_during_and_after(self):
        event = EventPage(start=london(2025, 2, 24, 13), end=london(2025, 2, 24, 14, 15))
        self.assertEqual(event.status_at(london(2025, 2, 24, 12, 59)), EventStatus.UPCOMING)
        self.assertEqual(event.status_at(london(2025, 2, 24, 13)), EventStatus.HAPPENING)
        self.assertEqual(event.status_at(london(2025, 2, 24, 14, 14)), EventStatus.HAPPENING)
        self.assertEqual(event.status_at(london(2025, 2, 24, 14, 15)), EventStatus.PAST)

    def test_status_across_the_october_clock_change(self):
        """00:30 BST to 02:30 GMT on 27 October 2024 lasts three hours; 01:15 happens twice."""
        event = EventPage(start=london(2024, 10, 27, 0, 30), end=london(2024, 10, 27, 2, 30))
        self.assertEqual(event.end.astimezone(UTC) - event.start.astimezone(UTC), datetime.timedelta(hours=3))
        instants = {
            datetime.datetime(2024, 10, 26, 23, 29, tzinfo=UTC): EventStatus.UPCOMING,
            datetime.datetime(2024, 10, 27, 0, 15, tzinfo=UTC): EventStatus.HAPPENING,  # 01:15 BST
            datetime.datetime(2024, 10, 27, 1, 15, tzinfo=UTC): EventStatus.HAPPENING,  # 01:15 GMT
            datetime.datetime(2024, 10, 27, 2, 29, tzinfo=UTC): EventStatus.HAPPENING,
            datetime.datetime(2024, 10, 27, 2, 30, tzinfo=UTC): EventStatus.PAST,
        }
        for instant, expected in instants.items():
            with self.subTest(instant=instant):
                self.assertEqual(event.status_at(instant), expected)
                with time_machine.travel(instant, tick=False):
                    self.assertEqual(event.status, expected)

    def test_upcoming_and_past_querysets_split_at_the_end(self):
        index = EventIndexPageFactory(parent=self.home)
        earlier = EventPageFactory(parent=index, start=london(2025, 2, 24, 13))
        now_on = EventPageFactory(parent=index, start=london(2025, 3, 10, 11))
        later = EventPageFactory(parent=index, start=london(2025, 4, 1, 13))
        now = london(2025, 3, 10, 12)
        self.assertEqual(list(EventPage.objects.upcoming(now)), [now_on, later])
        self.assertEqual(list(EventPage.objects.past(now)), [earlier])


class CalendarIdentityTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = EventIndexPageFactory(parent=cls.home)

    def test_title_and_slug_changes_keep_uid_and_sequence(self):
        event = EventPageFactory(parent=self.index)
        uid = event.uid
        event.title, event.slug = "A new title", "a-new-slug"
        event.save_revision().publish()
        event.refresh_from_db()
        self.assertEqual((event.uid, event.sequence), (uid, 0))

    def test_sequence_rises_when_times_are_published(self):
        event = EventPageFactory(parent=self.index, start=london(2025, 2, 24, 13))
        event.start, event.end = london(2025, 2, 24, 14), london(2025, 2, 24, 15)
        event.save_revision()
        event.refresh_from_db()
        self.assertEqual(event.sequence, 0, "a draft must not move the published entry")
        event.get_latest_revision().publish()
        event.refresh_from_db()
        self.assertEqual((event.sequence, event.start), (1, london(2025, 2, 24, 14)))
        event.end = london(2025, 2, 24, 16)
        event.save_revision().publish()
        event.refresh_from_db()
        self.assertEqual(event.sequence, 2)

    def test_republishing_an_old_revision_keeps_the_identity_and_counts_the_move(self):
        event = EventPageFactory(parent=self.index, start=london(2025, 2, 24, 13))
        first = event.get_latest_revision()
        uid = event.uid
        event.start, event.end = london(2025, 3, 3, 13), london(2025, 3, 3, 14)
        event.save_revision().publish()
        first.publish()
        event.refresh_from_db()
        self.assertEqual((event.uid, event.sequence, event.start), (uid, 2, london(2025, 2, 24, 13)))

    def test_a_copy_is_a_new_calendar_entry(self):
        event = EventPageFactory(parent=self.index, start=london(2025, 2, 24, 13))
        event.start = london(2025, 2, 24, 14)
        event.save_revision().publish()
        copy = event.copy(update_attrs={"slug": "copy", "title": "Copy"})
        copy = Page.objects.get(pk=copy.pk).specific
        self.assertNotEqual(copy.uid, event.uid)
        self.assertEqual(copy.sequence, 0)


class TimeDisplayTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.index = EventIndexPageFactory(parent=cls.home)

    def when(self, event):
        with time_machine.travel(datetime.datetime(2024, 1, 1, tzinfo=UTC), tick=False):
            response = self.client.get(event.url)
        facts = BeautifulSoup(response.content, "html.parser").select_one(".event-facts dd")
        return " ".join(facts.get_text().split())

    def test_winter_times_are_gmt_and_summer_times_bst(self):
        winter = EventPageFactory(
            parent=self.index, start=london(2025, 2, 24, 13), end=london(2025, 2, 24, 14, 15)
        )
        summer = EventPageFactory(
            parent=self.index, start=london(2024, 7, 12, 10), end=london(2024, 7, 12, 16)
        )
        self.assertEqual(self.when(winter), "Monday 24 February 2025, 13:00–14:15 GMT")
        self.assertEqual(self.when(summer), "Friday 12 July 2024, 10:00–16:00 BST")

    def test_an_event_spanning_the_clock_change_names_both_zones(self):
        event = EventPageFactory(
            parent=self.index, start=london(2024, 10, 27, 0, 30), end=london(2024, 10, 27, 2, 30)
        )
        self.assertEqual(self.when(event), "Sunday 27 October 2024, 00:30 BST–02:30 GMT")

    def test_a_multi_day_event_shows_both_dates(self):
        event = EventPageFactory(
            parent=self.index, start=london(2025, 3, 29, 10), end=london(2025, 3, 30, 16)
        )
        self.assertEqual(
            self.when(event), "Saturday 29 March 2025, 10:00 GMT to Sunday 30 March 2025, 16:00 BST"
        )

    def test_stored_instants_are_utc_aware(self):
        event = EventPageFactory(parent=self.index, start=london(2024, 7, 12, 10))
        event.refresh_from_db()
        self.assertEqual(event.start, datetime.datetime(2024, 7, 12, 9, tzinfo=UTC))
        self.assertTrue(timezone.is_aware(event.start))
