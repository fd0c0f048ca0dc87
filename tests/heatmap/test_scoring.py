"""Scoring: bands, palette steps, element averages, findings, and frozen versions of the questions."""

from django.test import SimpleTestCase

from heatmap.scoring import PALETTE, Cell, band, element_means, findings, shade
from heatmap.snapshot import Structure
from tests.base import SiteTestCase
from tests.factories.heatmap import HeatmapPageFactory, element, section

STRUCTURE = Structure(
    {
        "scale": [{"value": n, "label": str(n)} for n in range(1, 6)],
        "sections": [
            {
                "key": "s1",
                "title": "One",
                "introduction": "",
                "elements": [
                    {
                        "key": "e1",
                        "name": "Trusting",
                        "explanation": "",
                        "statements": [{"key": "a", "text": "A"}, {"key": "b", "text": "B"}],
                        "next_steps": [
                            {"band": "strength", "text": "Keep going", "links": []},
                            {"band": "work_on", "text": "Start here", "links": []},
                        ],
                    },
                    {
                        "key": "e2",
                        "name": "Time",
                        "explanation": "",
                        "statements": [{"key": "c", "text": "C"}],
                        "next_steps": [],
                    },
                ],
            }
        ],
    }
)


class ScoringTests(SimpleTestCase):
    def test_bands_meet_at_three_and_four(self):
        self.assertEqual(band(2.99), "work_on")
        self.assertEqual(band(3), "developing")
        self.assertEqual(band(3.99), "developing")
        self.assertEqual(band(4), "strength")
        self.assertIsNone(band(None))

    def test_shades_round_halves_up_and_stay_on_the_scale(self):
        self.assertEqual([shade(v) for v in (1, 1.49, 1.5, 2.5, 4.5, 5)], [1, 1, 2, 3, 5, 5])
        self.assertEqual(shade(0.2), 1)
        self.assertIsNone(shade(None))

    def test_cells_carry_the_number_and_readable_ink(self):
        self.assertEqual(Cell(4).text, "4")
        self.assertEqual(Cell(2.666).text, "2.7")
        self.assertEqual(Cell(None).text, "–")
        self.assertEqual((Cell(5).fill, Cell(5).ink), PALETTE[5])

    def test_element_means_and_findings_with_their_bands_next_steps(self):
        means = element_means(STRUCTURE, {"a": 5, "b": 4, "c": 1})
        self.assertEqual(means, {"e1": 4.5, "e2": 1.0})
        found = findings(STRUCTURE, means)
        self.assertEqual([item["element"]["name"] for item in found["strengths"]], ["Trusting"])
        self.assertEqual([step["text"] for step in found["strengths"][0]["steps"]], ["Keep going"])
        self.assertEqual([item["element"]["name"] for item in found["work_on"]], ["Time"])
        self.assertEqual(found["developing"], [])

    def test_unanswered_elements_are_left_out(self):
        means = element_means(STRUCTURE, {"a": 3})
        self.assertEqual(means, {"e1": 3.0, "e2": None})
        self.assertEqual(len(findings(STRUCTURE, means)["developing"]), 1)


class VersionTests(SiteTestCase):
    def test_unchanged_questions_share_one_version_and_an_edit_starts_the_next(self):
        page = HeatmapPageFactory(parent=self.home, slug="heatmap")
        first = page.current_version()
        self.assertEqual(page.current_version(), first)
        self.assertEqual(first.number, 1)
        page.sections = [section("Only", [element("New", ["Something new."])])]
        page.save_revision().publish()
        page.refresh_from_db()
        second = page.current_version()
        self.assertEqual(second.number, 2)
        first.refresh_from_db()
        self.assertIn("Trusting", [e["name"] for e in first.questions.elements])
        self.assertEqual([e["name"] for e in second.questions.elements], ["New"])
