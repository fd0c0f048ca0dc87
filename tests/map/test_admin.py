"""The map in the admin: the moderation queue's filters and decisions for Moderators, the CSV export
for Editors (safe to open in a spreadsheet), and themes editors manage themselves."""

import csv
import io

from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry

from map.models import MapEntry, Status, Theme
from tests.base import SiteTestCase
from tests.factories.editors import editor, moderator
from tests.factories.map import MapEntryFactory, MapPageFactory

QUEUE = "/admin/map-entries/"


class ModerationQueueTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        MapPageFactory(parent=cls.home)
        cls.waiting = MapEntryFactory(name="Waiting Group", status=Status.PENDING, possible_duplicate=True)
        cls.edited = MapEntryFactory(name="Edited Group", pending_changes={"name": "x"})
        cls.public = MapEntryFactory(name="=cmd|' /C calc'!A0", email="owner@example.org")
        cls.unconfirmed = MapEntryFactory(name="Unconfirmed Group", status=Status.UNCONFIRMED)
        cls.editor = editor()
        cls.moderator = moderator()

    def listed(self, query=""):
        response = self.client.get(QUEUE + query)
        self.assertEqual(response.status_code, 200)
        return sorted(entry.name for entry in response.context["object_list"])

    def test_filters_find_what_waits_for_a_decision(self):
        self.client.force_login(self.moderator)
        self.assertEqual(self.listed("?status=pending"), ["Waiting Group"])
        self.assertEqual(self.listed("?has_pending_changes=true"), ["Edited Group"])
        self.assertEqual(self.listed("?possible_duplicate=true"), ["Waiting Group"])
        self.assertEqual(len(self.listed()), 4)

    def test_editors_export_every_entry_as_csv_that_runs_no_formula(self):
        self.client.force_login(self.editor)
        response = self.client.get(QUEUE + "?export=csv")
        self.assertEqual(response.status_code, 200)
        rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
        self.assertEqual(len(rows), 4)
        self.assertIn("owner@example.org", {row["Email"] for row in rows})
        self.assertIn("'=cmd|' /C calc'!A0", {row["Name"] for row in rows})

    def test_editors_cannot_decide_and_moderators_can(self):
        url = reverse("map_entries:moderate", args=[self.waiting.pk])
        self.client.force_login(self.editor)
        self.client.post(url, {"decision": "approve"})
        self.assertEqual(MapEntry.objects.get(pk=self.waiting.pk).status, Status.PENDING)
        self.assertEqual(mail.outbox, [])
        self.assertEqual(
            self.client.get(reverse("map_entries:edit", args=[self.waiting.pk])).status_code, 302
        )
        self.client.force_login(self.moderator)
        self.assertContains(self.client.get(url), "Possible duplicate")
        self.client.post(url, {"decision": "approve", "message": "Welcome aboard."})
        self.assertEqual(MapEntry.objects.get(pk=self.waiting.pk).status, Status.APPROVED)
        self.assertIn("Welcome aboard.", mail.outbox[0].body)

    def test_nothing_to_decide_on_an_entry_that_waits_for_nothing(self):
        self.client.force_login(self.moderator)
        url = reverse("map_entries:moderate", args=[self.unconfirmed.pk])
        self.assertContains(self.client.get(url), "Nothing is waiting for a decision")
        self.client.post(url, {"decision": "approve"})
        self.assertEqual(MapEntry.objects.get(pk=self.unconfirmed.pk).status, Status.UNCONFIRMED)

    def test_moderators_manage_themes_and_editors_only_choose_them(self):
        # Themes show on the map as soon as they are saved, so only Moderators change them.
        data = {"name": "Workplace", "slug": "workplace", "description": ""}
        self.client.force_login(self.editor)
        self.assertEqual(self.client.post(reverse("wagtailsnippets_map_theme:add"), data).status_code, 302)
        self.assertFalse(Theme.objects.filter(slug="workplace").exists())
        self.client.force_login(self.moderator)
        self.assertEqual(self.client.post(reverse("wagtailsnippets_map_theme:add"), data).status_code, 302)
        self.assertTrue(Theme.objects.filter(slug="workplace").exists())

    def test_deleting_in_the_admin_leaves_only_an_anonymous_log_line(self):
        self.client.force_login(self.moderator)
        url = reverse("map_entries:moderate", args=[self.waiting.pk])
        self.client.post(url, {"decision": "request_changes", "message": "Tell us more about Waiting Group."})
        self.client.post(reverse("map_entries:delete", args=[self.waiting.pk]))
        self.assertFalse(MapEntry.objects.filter(pk=self.waiting.pk).exists())
        logs = ModelLogEntry.objects.filter(object_id=str(self.waiting.pk))
        self.assertEqual(
            [(log.action, log.label) for log in logs],
            [("map.remove", f"Removed organisation #{self.waiting.pk}")],
        )
        self.assertNotIn("Waiting Group", str(list(logs.values_list("data", flat=True))))
