"""Taking the Heatmap alone: steps, progress, private links, results, CSV, retake and delete."""

import csv
import io

from django.test import override_settings

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from heatmap.models import Answer, HeatmapResult
from heatmap.tokens import digest
from tests.base import SiteTestCase
from tests.factories.heatmap import HeatmapPageFactory, result_for, step_data, take, token_from


@override_settings(HEATMAP_START_RATE="1000/h")
class TakingTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.heatmap = HeatmapPageFactory(parent=cls.home, title="Heatmap", slug="heatmap")

    def start(self, label=""):
        response = self.client.post(f"/hm/start/{self.heatmap.pk}/", {"label": label})
        self.assertEqual(response.status_code, 302)
        return token_from(response)

    def test_page_is_renderable_and_offers_start_and_group(self):
        self.assertPageIsRenderable(self.heatmap)
        response = self.client.get(self.heatmap.url)
        self.assertContains(response, "Start the Heatmap")
        self.assertContains(response, "Create a group")
        self.assertContains(response, "24 months")

    def test_page_is_editable_in_the_admin(self):
        def list_block(values):
            return {
                "count": len(values),
                **{
                    str(n): {"value": value, "deleted": "", "order": str(n)} for n, value in enumerate(values)
                },
            }

        element = {
            "name": "Trusting",
            "explanation": "Trust first.",
            "statements": list_block(["People are trusted to decide."]),
            "next_steps": list_block(
                [
                    {
                        "band": "strength",
                        "text": rich_text("<p>Share it.</p>"),
                        "links": list_block([self.home.pk]),
                    }
                ]
            ),
        }
        form_data = nested_form_data(
            {
                "title": "Heatmap",
                "slug": "heatmap",
                "in_brief": "Where relationships are strong.",
                "introduction": rich_text("<p>Reflect.</p>"),
                "contexts": streamfield([("context", {"name": "A team", "description": ""})]),
                **{
                    f"scale_{n}": label
                    for n, label in enumerate(["No", "Little", "Some", "Mostly", "Yes"], start=1)
                },
                "sections": streamfield(
                    [
                        (
                            "section",
                            {
                                "title": "Together",
                                "introduction": rich_text(""),
                                "elements": list_block([element]),
                            },
                        )
                    ]
                ),
            }
        )
        self.assertPageIsEditable(self.heatmap, form_data)

    def test_the_home_page_tools_area_links_to_the_heatmap(self):
        response = self.client.get("/")
        self.assertContains(response, f'href="{self.heatmap.url}"')
        self.assertContains(response, self.heatmap.in_brief)
        self.heatmap.unpublish()
        self.assertNotContains(self.client.get("/"), f'href="{self.heatmap.url}"')

    def test_parent_and_subpage_types(self):
        from core.models import StandardPage
        from heatmap.models import HeatmapPage
        from home.models import HomePage

        self.assertAllowedParentPageTypes(HeatmapPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(HeatmapPage, set())

    def test_a_result_starts_with_a_frozen_version_and_no_personal_data(self):
        token = self.start("our team, March")
        result = result_for(token)
        self.assertEqual(result.label, "our team, March")
        self.assertEqual(result.token_hash, digest(token))
        self.assertNotIn(token, result.token_hash)
        self.assertEqual(len(result.version.questions.sections), 2)

    def test_one_section_per_step_with_progress_and_back(self):
        token = self.start()
        response = self.client.get(f"/hm/r/{token}/step/1/")
        self.assertContains(response, "Step 1 of 2")
        self.assertContains(response, '<progress class="hm-progress" max="2" value="1"', html=False)
        self.assertContains(response, "People are trusted to decide.")
        self.assertNotContains(response, "We try small experiments.")
        self.assertNotContains(response, 'value="back"')
        self.assertEqual(
            response["Cache-Control"].count("no-store") + response["Cache-Control"].count("no-cache"), 2
        )
        self.assertContains(response, 'name="robots" content="noindex, nofollow"')

        structure = result_for(token).version.questions
        data = step_data(structure, 1, 4) | {"version": result_for(token).version.number}
        self.assertRedirects(
            self.client.post(f"/hm/r/{token}/step/1/", data),
            f"/hm/r/{token}/step/2/",
            fetch_redirect_response=False,
        )
        response = self.client.get(f"/hm/r/{token}/step/2/")
        self.assertContains(response, 'value="back"')
        # Back keeps what was given on this step without requiring the rest.
        key = structure.statement_keys(structure.section(2))[0]
        back = {"version": data["version"], "move": "back", f"s-{key}": "2"}
        self.assertRedirects(
            self.client.post(f"/hm/r/{token}/step/2/", back),
            f"/hm/r/{token}/step/1/",
            fetch_redirect_response=False,
        )
        # Leaving and coming back through the private link shows the saved answers.
        response = self.client.get(f"/hm/r/{token}/step/1/")
        self.assertContains(response, 'value="4" id="id_s-', count=4)
        self.assertContains(response, "checked", count=4)
        self.assertEqual(result_for(token).scores()[key], 2)
        self.assertFalse(result_for(token).is_complete)

    def test_results_before_finishing_send_you_to_the_first_unanswered_step(self):
        token = self.start()
        self.assertRedirects(
            self.client.get(f"/hm/r/{token}/"), f"/hm/r/{token}/step/1/", fetch_redirect_response=False
        )

    def test_finishing_shows_the_heatmap_table_findings_and_next_steps(self):
        token = self.start()
        structure = result_for(token).version.questions
        trusting = structure.elements[0]

        def score(key):
            return 5 if key in [s["key"] for s in trusting["statements"]] else 2

        self.assertRedirects(
            take(self.client, token, score), f"/hm/r/{token}/", fetch_redirect_response=False
        )
        result = result_for(token)
        self.assertTrue(result.is_complete)
        self.assertEqual(result.answers.count(), 7)
        response = self.client.get(f"/hm/r/{token}/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("<svg", html)
        self.assertIn('<th scope="row">Trusting</th>', html)
        self.assertIn('<td class="hm-cell hm-cell--5">5</td>', html)
        self.assertIn('<td class="hm-cell hm-cell--2">2</td>', html)
        # Trusting is a strength with its strength step; Time is an area to work on with its step.
        self.assertIn("Tell newcomers how trust works here.", html)
        self.assertIn("Protect ten minutes to catch up.", html)
        self.assertNotIn("Remove one sign-off for a month.", html)
        self.assertIn("Delete these answers now", html)

    def test_csv_download_has_every_statement_and_is_formula_safe(self):
        token = self.start('=HYPERLINK("x")')
        take(self.client, token, 3)
        response = self.client.get(f"/hm/r/{token}/csv/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        self.assertEqual(len(rows), 1 + 7)
        self.assertEqual(rows[1][2], '\'=HYPERLINK("x")')
        self.assertEqual({row[7] for row in rows[1:]}, {"3"})

    def test_delete_removes_the_answers_at_once(self):
        token = self.start()
        take(self.client, token, 4)
        response = self.client.post(f"/hm/r/{token}/delete/")
        self.assertRedirects(response, "/hm/deleted/", fetch_redirect_response=False)
        self.assertFalse(HeatmapResult.objects.filter(token_hash=digest(token)).exists())
        self.assertFalse(Answer.objects.exists())
        response = self.client.get(f"/hm/r/{token}/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "does not lead to any saved answers", status_code=404)

    def test_retake_compares_over_time_side_by_side(self):
        first = self.start()
        take(self.client, first, 2)
        response = self.client.post(f"/hm/r/{first}/retake/")
        second = token_from(response)
        self.assertNotEqual(first, second)
        take(self.client, second, 4)
        response = self.client.get(f"/hm/r/{second}/")
        self.assertContains(response, "Change over time")
        self.assertContains(response, "Element averages side by side")
        html = response.content.decode()
        history = html[html.index("Element averages side by side, as a table") :]
        self.assertIn(
            '<td class="hm-cell hm-cell--2">2</td><td class="hm-cell hm-cell--4">4</td>',
            history.replace("\n", "").replace("  ", ""),
        )
        # Deleting with the earlier results removes both.
        self.client.post(f"/hm/r/{second}/delete/", {"include_earlier": "1"})
        self.assertFalse(HeatmapResult.objects.exists())

    def test_a_finished_result_cannot_be_changed_by_a_replayed_step(self):
        token = self.start()
        take(self.client, token, 3)
        result = result_for(token)
        data = step_data(result.version.questions, 1, 5) | {"version": result.version.number}
        response = self.client.post(f"/hm/r/{token}/step/1/", data)
        self.assertContains(response, "already finished", status_code=409)
        self.assertEqual(set(result.scores().values()), {3})

    def test_pages_are_not_found_for_steps_out_of_range(self):
        token = self.start()
        self.assertEqual(self.client.get(f"/hm/r/{token}/step/3/").status_code, 404)
        self.assertEqual(self.client.get(f"/hm/r/{token}/step/0/").status_code, 404)
