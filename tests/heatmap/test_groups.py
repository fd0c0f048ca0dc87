"""Groups: join link, the three-person threshold, database aggregates, closing and rounds, and the
query budget of a group of 500."""

import statistics

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from heatmap.models import Answer, HeatmapGroup, HeatmapResult
from heatmap.tokens import new_token
from tests.base import SiteTestCase
from tests.factories.heatmap import HeatmapPageFactory, element, section, take, token_from


@override_settings(HEATMAP_START_RATE="1000/h")
class GroupTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.heatmap = HeatmapPageFactory(parent=cls.home, slug="heatmap")

    def create_group(self, name="Front desk"):
        response = self.client.post(f"/hm/groups/new/{self.heatmap.pk}/", {"group-name": name})
        self.assertEqual(response.status_code, 302)
        manage_token = response["Location"].split("/")[3]
        group = HeatmapGroup.objects.get()
        return group, manage_token

    def join_and_take(self, group, score):
        response = self.client.post(f"/hm/g/{group.join_token}/join/", {"label": ""})
        self.assertEqual(response.status_code, 302)
        token = token_from(response)
        take(self.client, token, score)
        return token

    def test_group_page_waits_for_three_then_shows_mean_spread_and_disagreement(self):
        group, manage_token = self.create_group()
        manage = self.client.get(f"/hm/manage/{manage_token}/")
        self.assertContains(manage, f"http://localhost/hm/g/{group.join_token}/")
        self.join_and_take(group, 1)
        self.join_and_take(group, 5)
        response = self.client.get(f"/hm/g/{group.join_token}/")
        self.assertContains(response, "2 people have finished")
        self.assertContains(response, "appears once at least 3 people have finished")
        self.assertNotContains(response, "<svg")
        structure = group.version.questions
        first_key = structure.statement_keys(structure.section(1))[0]
        self.join_and_take(group, lambda key: 3 if key == first_key else 2)
        response = self.client.get(f"/hm/g/{group.join_token}/")
        html = response.content.decode()
        self.assertIn("3 people have finished", html)
        self.assertIn("The group’s heatmap: average score per statement", html)
        # First statement: 1, 5, 3 → mean 3, spread 1.6; others 1, 5, 2 → mean 2.7.
        self.assertIn('<td class="hm-cell hm-cell--3">3</td>', html)
        self.assertIn('<td class="hm-cell hm-cell--3">2.7</td>', html)
        self.assertIn(f"{statistics.pstdev([1, 5, 3]):.1f}", html)
        self.assertIn("Where people disagree most", html)
        self.assertIn('<span class="visually-hidden">Person </span>3</th>', html)
        self.assertIn("Each person’s average per element", html)

    def test_answers_under_a_group_keep_the_groups_version(self):
        group, _ = self.create_group()
        self.heatmap.sections = [section("Only", [element("Other", ["Something else entirely."])])]
        self.heatmap.save_revision().publish()
        response = self.client.post(f"/hm/g/{group.join_token}/join/", {})
        result = HeatmapResult.objects.get(group=group)
        self.assertEqual(result.version_id, group.version_id)
        self.assertContains(self.client.get(response["Location"]), "People are trusted to decide.")

    def test_creator_closes_the_group_and_late_joiners_are_told(self):
        group, manage_token = self.create_group()
        self.client.post(f"/hm/manage/{manage_token}/", {"action": "close"})
        group.refresh_from_db()
        self.assertTrue(group.is_closed)
        response = self.client.post(f"/hm/g/{group.join_token}/join/", {})
        self.assertContains(response, "This group has closed", status_code=409)
        self.assertFalse(HeatmapResult.objects.exists())
        self.assertContains(
            self.client.post(f"/hm/manage/{manage_token}/", {"action": "explode"}),
            "not one this page offers",
            status_code=400,
        )

    def test_a_new_round_compares_with_the_last_side_by_side(self):
        group, manage_token = self.create_group()
        for _ in range(3):
            self.join_and_take(group, 2)
        self.client.post(f"/hm/manage/{manage_token}/", {"action": "new_round"})
        second = HeatmapGroup.objects.order_by("-created_at").first()
        self.assertNotEqual(second.join_token, group.join_token)
        self.assertEqual(second.previous, group)
        group.refresh_from_db()
        self.assertTrue(group.is_closed)
        # The creator's one link now manages the new round.
        self.assertContains(self.client.get(f"/hm/manage/{manage_token}/"), second.join_token)
        for _ in range(3):
            self.join_and_take(second, 4)
        response = self.client.get(f"/hm/g/{second.join_token}/")
        self.assertContains(response, "Change over time")
        self.assertContains(response, "Round 1")
        self.assertContains(response, "Round 2")

    def test_member_results_link_to_the_group(self):
        group, _ = self.create_group()
        token = self.join_and_take(group, 3)
        self.assertContains(self.client.get(f"/hm/r/{token}/"), f"/hm/g/{group.join_token}/")


class LargeGroupTests(SiteTestCase):
    """500 finished results: the group page stays within its query budget, figures from the database."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.heatmap = HeatmapPageFactory(parent=cls.home, slug="heatmap")
        version = cls.heatmap.current_version()
        cls.group = HeatmapGroup.objects.create(
            version=version, name="Big", join_token=new_token()[0], manage_hash=new_token()[1]
        )
        now = timezone.now()
        results = HeatmapResult.objects.bulk_create(
            HeatmapResult(version=version, group=cls.group, token_hash=new_token()[1], completed_at=now)
            for _ in range(500)
        )
        structure = version.questions
        Answer.objects.bulk_create(
            Answer(
                result=result, statement_key=key, element_key=element["key"], score=1 + (number + index) % 5
            )
            for number, result in enumerate(results)
            for index, (key, element) in enumerate(structure.statements.items())
        )

    def test_group_page_of_500_within_ten_queries(self):
        self.client.get(f"/hm/g/{self.group.join_token}/")  # warm the site record and settings
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(f"/hm/g/{self.group.join_token}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "500 people have finished")
        self.assertContains(response, "grid of individual columns is not drawn")
        self.assertLessEqual(len(queries), 10, [q["sql"][:120] for q in queries])
        # No query fetches individual answers: every read of the answers table is grouped.
        answer_reads = [q["sql"] for q in queries if "heatmap_answer" in q["sql"]]
        self.assertTrue(answer_reads)
        self.assertTrue(all("GROUP BY" in sql for sql in answer_reads), answer_reads)
