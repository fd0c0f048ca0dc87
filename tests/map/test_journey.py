"""The whole life of an entry through the real views: add, confirm, moderate, find, edit, remove.

Nothing is public before a moderator approves it; a public entry's edit waits for moderation while
the approved version stays; removal deletes the personal data at once and leaves an anonymous line
in the audit log.
"""

import json

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from wagtail.models import ModelLogEntry

from map.models import MapEntry, Status
from tests.base import SiteTestCase
from tests.factories.map import MapPageFactory, ThemeFactory

from .helpers import JOIN_URL, last_links, valid_submission

PUBLIC_PLACES = ["/map/", "/map/feed/", "/map/open-data/csv/", "/map/open-data/json/", "/sitemap.xml"]


class JourneyTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.map_page = MapPageFactory(parent=cls.home)
        cls.housing = ThemeFactory(name="Housing", slug="housing")
        cls.health = ThemeFactory(name="Health and care", slug="health-and-care")
        cls.moderator = get_user_model().objects.create_superuser("moderator", "mod@example.org", "pw")

    def setUp(self):
        super().setUp()
        self.visitor = Client(REMOTE_ADDR="203.0.113.7")
        self.admin = Client()
        self.admin.force_login(self.moderator)

    def visible_everywhere(self, text):
        return {path: text in self.visitor.get(path).content.decode() for path in PUBLIC_PLACES}

    def moderate(self, entry, decision, message=""):
        return self.admin.post(
            f"/admin/map-entries/{entry.pk}/moderate/", {"decision": decision, "message": message}
        )

    def test_add_confirm_approve_find_edit_and_remove(self):
        response = self.visitor.post(JOIN_URL, valid_submission(themes=[self.housing.pk]))
        self.assertRedirects(response, "/map/join/sent/")
        entry = MapEntry.objects.get()
        self.assertEqual(entry.status, Status.UNCONFIRMED)
        self.assertEqual(mail.outbox[0].to, ["organiser@example.org"])
        links = last_links()
        self.assertEqual(set(links), {"confirm", "manage"})

        # A GET only asks; mail scanners that follow links confirm nothing.
        self.assertContains(self.visitor.get(links["confirm"]), "Confirm my entry")
        entry.refresh_from_db()
        self.assertEqual(entry.status, Status.UNCONFIRMED)
        self.assertContains(self.visitor.post(links["confirm"]), "your address is confirmed")
        entry.refresh_from_db()
        self.assertEqual(entry.status, Status.PENDING)
        self.assertEqual(self.visible_everywhere("Kettle Street"), dict.fromkeys(PUBLIC_PLACES, False))
        self.assertEqual(self.visitor.get(f"/map/entries/{entry.pk}/").status_code, 404)

        # The moderation queue lists it; approving emails the submitter.
        listing = self.admin.get("/admin/map-entries/?status=pending")
        self.assertContains(listing, "Kettle Street Neighbours")
        self.assertRedirects(self.moderate(entry, "approve"), "/admin/map-entries/")
        entry.refresh_from_db()
        self.assertEqual(entry.status, Status.APPROVED)
        self.assertIn("is now on the Relationships Map", mail.outbox[-1].body)
        # Listed everywhere public except the sitemap, which lists addresses, not names.
        seen = self.visible_everywhere("Kettle Street")
        self.assertEqual(seen, {**dict.fromkeys(PUBLIC_PLACES, True), "/sitemap.xml": False})
        self.assertContains(self.visitor.get("/sitemap.xml"), f"/map/entries/{entry.pk}/")
        self.assertContains(self.visitor.get("/map/?region=north-west&theme=housing"), "Kettle Street")
        self.assertNotContains(self.visitor.get("/map/?region=london"), "Kettle Street")

        # An edit through the link in the approval email waits for moderation.
        manage = last_links()["manage"]
        self.assertContains(self.visitor.get(manage), 'value="Kettle Street Neighbours"')
        edited = valid_submission(name="Kettle Street Friends", themes=[self.health.pk], email=None)
        self.assertContains(self.visitor.post(manage, edited), "your changes are saved")
        page = self.visitor.get(f"/map/entries/{entry.pk}/")
        self.assertContains(page, "Kettle Street Neighbours")
        self.assertNotContains(page, "Kettle Street Friends")
        self.assertContains(self.visitor.get(manage), 'value="Kettle Street Friends"')
        self.assertContains(self.admin.get("/admin/map-entries/?has_pending_changes=true"), "Kettle")
        review = self.admin.get(f"/admin/map-entries/{entry.pk}/moderate/")
        self.assertContains(review, "Kettle Street Friends")
        self.moderate(entry, "approve")
        page = self.visitor.get(f"/map/entries/{entry.pk}/")
        self.assertContains(page, "Kettle Street Friends")
        self.assertContains(page, 'href="/map/?theme=health-and-care"')
        self.assertIn("Your changes are on the map", mail.outbox[-1].subject)

        # Removal: gone at once from every public place, personal data deleted, one anonymous log line.
        self.assertContains(
            self.visitor.post(last_links()["manage"], {"action": "remove"}), "has been removed"
        )
        self.assertFalse(MapEntry.objects.exists())
        self.assertEqual(self.visible_everywhere("Kettle Street"), dict.fromkeys(PUBLIC_PLACES, False))
        self.assertEqual(self.visitor.get(f"/map/entries/{entry.pk}/").status_code, 404)
        logs = ModelLogEntry.objects.filter(object_id=str(entry.pk))
        self.assertEqual([log.action for log in logs], ["map.remove"])
        dumped = json.dumps([(log.label, log.data) for log in logs])
        for personal in ("Kettle", "organiser@example.org", "Bolton"):
            self.assertNotIn(personal, dumped)
        self.assertEqual(self.visitor.get(manage).status_code, 403)

    def test_request_changes_and_reject_are_emailed_with_the_message(self):
        self.visitor.post(JOIN_URL, valid_submission())
        entry = MapEntry.objects.get()
        self.visitor.post(last_links()["confirm"])
        self.assertContains(self.moderate(entry, "request_changes"), "Tell the submitter what to change")
        self.moderate(entry, "request_changes", "Please describe your work in a sentence or two.")
        entry.refresh_from_db()
        self.assertEqual(entry.status, Status.CHANGES_REQUESTED)
        self.assertIn("Please describe your work", mail.outbox[-1].body)
        # Changing it sends it back to the queue, still not public.
        self.visitor.post(
            last_links()["manage"], valid_submission(description="We host tea mornings.", email=None)
        )
        entry.refresh_from_db()
        self.assertEqual((entry.status, entry.description), (Status.PENDING, "We host tea mornings."))
        self.moderate(entry, "reject", "We only list work based in the UK or beyond it.")
        entry.refresh_from_db()
        self.assertEqual(entry.status, Status.REJECTED)
        self.assertIn("We cannot add", mail.outbox[-1].body)
        self.assertNotContains(self.visitor.get("/map/"), "Kettle Street")

    def test_rejecting_an_edit_keeps_the_approved_version(self):
        self.visitor.post(JOIN_URL, valid_submission())
        entry = MapEntry.objects.get()
        self.visitor.post(last_links()["confirm"])
        self.moderate(entry, "approve")
        self.visitor.post(
            last_links()["manage"], valid_submission(name="Something else entirely", email=None)
        )
        self.moderate(entry, "reject", "That name belongs to someone else.")
        entry.refresh_from_db()
        self.assertEqual(
            (entry.status, entry.name, entry.pending_changes),
            (Status.APPROVED, "Kettle Street Neighbours", None),
        )
        self.assertContains(self.visitor.get("/map/"), "Kettle Street Neighbours")
