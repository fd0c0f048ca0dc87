"""The admin's anonymous totals and export, and the retention period's prune command."""

import datetime
from io import StringIO

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import time_machine

from heatmap.models import Answer, HeatmapGroup, HeatmapResult
from heatmap.tokens import new_token
from tests.base import SiteTestCase
from tests.factories.editors import editor, moderator
from tests.factories.heatmap import HeatmapPageFactory


def finished_result(version, score, when, group=None):
    result = HeatmapResult.objects.create(
        version=version, token_hash=new_token()[1], completed_at=when, group=group, label="secret label"
    )
    Answer.objects.bulk_create(
        Answer(result=result, statement_key=key, element_key=element["key"], score=score)
        for key, element in version.questions.statements.items()
    )
    return result


class TotalsTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.heatmap = HeatmapPageFactory(parent=cls.home, slug="heatmap", title="Team Heatmap")
        version = cls.heatmap.current_version()
        march = datetime.datetime(2026, 3, 10, tzinfo=datetime.UTC)
        april = datetime.datetime(2026, 4, 10, tzinfo=datetime.UTC)
        finished_result(version, 2, march)
        finished_result(version, 4, march)
        finished_result(version, 5, april)
        HeatmapResult.objects.create(version=version, token_hash=new_token()[1])  # unfinished: not counted
        cls.moderator = moderator()
        cls.editor = editor()

    def test_totals_per_month_and_element_average_without_individual_answers(self):
        self.client.force_login(self.moderator)
        response = self.client.get("/admin/reports/heatmap-totals/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("<td>March 2026</td><td>2</td>", html)
        self.assertIn("<td>April 2026</td><td>1</td>", html)
        self.assertIn("<td>Trusting</td><td>3</td><td>3.67</td>", html)
        self.assertNotIn("secret label", html)
        export = self.client.get("/admin/reports/heatmap-totals/?export=csv")
        self.assertEqual(export["Content-Type"], "text/csv; charset=utf-8")
        body = export.content.decode()
        self.assertIn("results per month,Team Heatmap,2026-03,2,", body)
        self.assertIn("average per element,Team Heatmap,Curiosity,3,3.67", body)
        self.assertNotIn("secret label", body)

    def test_editors_without_the_permission_are_refused(self):
        self.client.force_login(self.editor)
        response = self.client.get("/admin/reports/heatmap-totals/")
        self.assertIn(response.status_code, (302, 403))
        self.assertNotIn(b"March 2026", response.content)


@override_settings(HEATMAP_RETENTION_MONTHS=24)
class RetentionTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.heatmap = HeatmapPageFactory(parent=cls.home, slug="heatmap")

    def test_prune_deletes_results_and_empty_groups_past_the_retention_period(self):
        version = self.heatmap.current_version()
        with time_machine.travel(datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)):
            old_group = HeatmapGroup.objects.create(version=version, join_token="a" * 24, manage_hash="x")
            old = finished_result(version, 3, timezone.now(), group=old_group)
            kept_group = HeatmapGroup.objects.create(version=version, join_token="b" * 24, manage_hash="y")
        with time_machine.travel(datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC)):
            recent = finished_result(version, 3, timezone.now(), group=kept_group)
        with time_machine.travel(datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)):
            out = StringIO()
            call_command("prune_heatmap_results", "--dry-run", stdout=out)
            self.assertIn("Would delete 1 results and 2 groups", out.getvalue())
            self.assertTrue(HeatmapResult.objects.filter(pk=old.pk).exists())
            call_command("prune_heatmap_results", stdout=StringIO())
        self.assertFalse(HeatmapResult.objects.filter(pk=old.pk).exists())
        self.assertFalse(Answer.objects.filter(result_id=old.pk).exists())
        self.assertTrue(HeatmapResult.objects.filter(pk=recent.pk).exists())
        self.assertFalse(HeatmapGroup.objects.filter(pk=old_group.pk).exists())
        self.assertTrue(HeatmapGroup.objects.filter(pk=kept_group.pk).exists())

    def test_privacy_note_states_the_period(self):
        with self.settings(HEATMAP_RETENTION_MONTHS=6):
            self.assertContains(self.client.get(self.heatmap.url), "deleted automatically 6 months after")
