"""The migration that gave a convening's places a field of their own, apart from who came."""

import datetime

from django.test import TransactionTestCase
from django.utils import timezone

from tests.base import build_site_tree, restore_wagtail_roots
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.migrating import latest, migrate

BEFORE_PLACES = [("events", "0008_rename_testimonial_fields_to_quote_fields")]


class PlacesTests(TransactionTestCase):
    def setUp(self):
        restore_wagtail_roots()
        self.addCleanup(migrate, latest())
        convenings = EventIndexPageFactory(parent=build_site_tree())
        ended = timezone.now() - datetime.timedelta(days=30)
        self.coming = EventPageFactory(parent=convenings, places="40 places")
        self.coming.places = "45 places"
        self.coming.save_revision()
        self.past = EventPageFactory(parent=convenings, start=ended, attendance="120 came")
        # Announced with its places, then over before anyone recorded who came.
        self.ended = EventPageFactory(parent=convenings, start=ended, places="30 places")
        # Over, but a draft moves it to next month, with places.
        self.moved = EventPageFactory(parent=convenings, start=ended)
        self.moved.start, self.moved.end = self.coming.start, self.coming.end
        self.moved.places = "50 places"
        self.moved.save_revision()

    def stored(self, apps, field):
        """`field` of each event, and of the two drafts."""
        EventPage = apps.get_model("events", "EventPage")
        Revision = apps.get_model("wagtailcore", "Revision")
        pages = [self.coming, self.past, self.ended, self.moved]
        drafts = [
            Revision.objects.filter(object_id=str(page.pk)).latest("pk") for page in (self.coming, self.moved)
        ]
        return [getattr(EventPage.objects.get(pk=page.pk), field) for page in pages] + [
            draft.content.get(field) for draft in drafts
        ]

    def test_places_go_back_into_attendance_and_leave_it_for_events_to_come(self):
        old = migrate(BEFORE_PLACES)
        self.assertEqual(
            self.stored(old, "attendance"),
            ["40 places", "120 came", "30 places", "", "45 places", "50 places"],
        )

        new = migrate(latest())
        self.assertEqual(self.stored(new, "places"), ["40 places", "", "", "", "45 places", "50 places"])
        self.assertEqual(self.stored(new, "attendance"), ["", "120 came", "30 places", "", "", ""])
