"""Out-of-range and missing scores, answers of another version, forged and replayed links, oversized
posts and flooding: each gets a clear message and stores nothing wrongly."""

from django.core.cache import cache
from django.test import override_settings

from heatmap.models import Answer, HeatmapResult
from heatmap.tokens import new_token
from tests.base import SiteTestCase
from tests.factories.heatmap import HeatmapPageFactory, element, result_for, section, step_data, token_from


@override_settings(HEATMAP_START_RATE="1000/h")
class HostileInputTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.heatmap = HeatmapPageFactory(parent=cls.home, slug="heatmap")

    def setUp(self):
        response = self.client.post(f"/hm/start/{self.heatmap.pk}/", {})
        self.token = token_from(response)
        self.result = result_for(self.token)
        self.structure = self.result.version.questions
        self.url = f"/hm/r/{self.token}/step/1/"

    def valid(self, score=3):
        return step_data(self.structure, 1, score) | {"version": self.result.version.number}

    def assert_nothing_stored(self):
        self.assertFalse(Answer.objects.filter(result=self.result).exists())

    def test_out_of_range_scores(self):
        for bad in ("0", "6", "-1", "3.5", "abc", "999999999999999999999"):
            with self.subTest(bad=bad):
                response = self.client.post(
                    self.url, self.valid() | {next(k for k in self.valid() if k.startswith("s-")): bad}
                )
                self.assertContains(response, "Ratings go from 1 to 5", status_code=400)
                self.assertContains(response, "Your answers on this step were not saved", status_code=400)
                self.assert_nothing_stored()

    def test_missing_scores(self):
        data = self.valid()
        missing = [key for key in data if key.startswith("s-")][1]
        del data[missing]
        response = self.client.post(self.url, data)
        self.assertContains(response, "Choose a rating for", status_code=400)
        self.assertContains(response, 'aria-describedby="id_' + missing + '-error"', status_code=400)
        self.assert_nothing_stored()

    def test_statements_of_another_step_or_version(self):
        other_step_key = self.structure.statement_keys(self.structure.section(2))[0]
        response = self.client.post(self.url, self.valid() | {f"s-{other_step_key}": "4"})
        self.assertContains(response, "not part of this step of your version", status_code=400)
        self.assert_nothing_stored()
        # An editor publishes new statements; the result keeps its version and refuses the new keys.
        self.heatmap.sections = [section("New", [element("New element", ["A brand new statement."])])]
        self.heatmap.save_revision().publish()
        new_version = self.heatmap.current_version()
        self.assertNotEqual(new_version.pk, self.result.version_id)
        new_key = new_version.questions.statement_keys(new_version.questions.section(1))[0]
        response = self.client.post(self.url, self.valid() | {f"s-{new_key}": "4"})
        self.assertContains(response, "not part of this step", status_code=400)
        response = self.client.post(self.url, self.valid() | {"version": new_version.number})
        self.assertContains(response, "another version of the Heatmap", status_code=400)
        self.assert_nothing_stored()
        # The old result still shows its own statements.
        self.assertContains(self.client.get(self.url), "People are trusted to decide.")

    def test_forged_and_malformed_links(self):
        forged, _ = new_token()
        for token in (forged, "short", "a" * 200, "../../etc", "%00"):
            with self.subTest(token=token):
                response = self.client.get(f"/hm/r/{token}/")
                self.assertIn(response.status_code, (404,))
        response = self.client.get(f"/hm/r/{forged}/step/1/")
        self.assertContains(response, "does not lead to any saved answers", status_code=404)
        self.assertEqual(self.client.post(f"/hm/r/{forged}/step/1/", self.valid()).status_code, 404)
        self.assertEqual(self.client.post(f"/hm/r/{forged}/delete/").status_code, 404)
        self.assertEqual(self.client.get(f"/hm/r/{forged}/csv/").status_code, 404)
        self.assertEqual(self.client.get(f"/hm/g/{forged}/").status_code, 404)
        self.assertEqual(self.client.get(f"/hm/manage/{forged}/").status_code, 404)
        self.assertTrue(HeatmapResult.objects.filter(pk=self.result.pk).exists())

    def test_oversized_posts(self):
        data = self.valid() | {"padding": "x" * 20_000}
        response = self.client.post(self.url, data)
        self.assertContains(response, "far larger than a Heatmap step", status_code=413)
        self.assert_nothing_stored()
        many = self.valid() | {f"field{n}": "1" for n in range(200)}
        response = self.client.post(self.url, many)
        self.assertContains(response, "more answers than this step has", status_code=400)
        self.assert_nothing_stored()
        response = self.client.post(f"/hm/start/{self.heatmap.pk}/", {"label": "x" * 20_000})
        self.assertContains(response, "far larger", status_code=413)

    def test_label_too_long(self):
        before = HeatmapResult.objects.count()
        response = self.client.post(f"/hm/start/{self.heatmap.pk}/", {"label": "x" * 81})
        self.assertContains(response, "at most 80 characters", status_code=400)
        self.assertEqual(HeatmapResult.objects.count(), before)

    def test_get_only_and_post_only(self):
        self.assertEqual(self.client.get(f"/hm/start/{self.heatmap.pk}/").status_code, 405)
        self.assertEqual(self.client.get(f"/hm/r/{self.token}/delete/").status_code, 405)
        self.assertEqual(self.client.put(self.url).status_code, 405)
        self.assertEqual(self.client.post("/hm/start/999999/").status_code, 404)


@override_settings(HEATMAP_START_RATE="3/h")
class RateLimitTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.heatmap = HeatmapPageFactory(parent=cls.home, slug="heatmap")

    def test_starting_results_and_groups_share_one_limit(self):
        cache.clear()
        for _ in range(2):
            self.assertEqual(self.client.post(f"/hm/start/{self.heatmap.pk}/").status_code, 302)
        self.assertEqual(self.client.post(f"/hm/groups/new/{self.heatmap.pk}/").status_code, 302)
        response = self.client.post(f"/hm/start/{self.heatmap.pk}/")
        self.assertContains(response, "try again in an hour", status_code=429)
        response = self.client.post(f"/hm/groups/new/{self.heatmap.pk}/")
        self.assertContains(response, "try again in an hour", status_code=429)
        self.assertEqual(HeatmapResult.objects.count(), 2)
        # Another address is not affected.
        response = self.client.post(f"/hm/start/{self.heatmap.pk}/", REMOTE_ADDR="10.0.0.9")
        self.assertEqual(response.status_code, 302)
