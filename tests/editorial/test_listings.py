"""Admin listings: exports in UK local time with offset, status filters, sorting by last change, the story form."""

import csv
import datetime
import io

from django.urls import reverse

from bs4 import BeautifulSoup
from openpyxl import load_workbook

from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.casestudies import CaseMakerPageFactory, CaseStudyPageFactory
from tests.factories.editors import editor
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.glossary import GlossarySuggestionFactory

SUMMER = datetime.datetime(2026, 7, 1, 17, 0, tzinfo=datetime.UTC)  # 18:00 in London
WINTER = datetime.datetime(2026, 1, 15, 18, 0, tzinfo=datetime.UTC)  # 18:00 in London


def streamed(response):
    return b"".join(response.streaming_content).decode()


class ExportTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        convenings = EventIndexPageFactory(parent=cls.home)
        EventPageFactory(parent=convenings, title="Summer gathering", start=SUMMER)
        EventPageFactory(parent=convenings, title="Winter gathering", start=WINTER)
        suggestion = GlossarySuggestionFactory(term="Warm handover")
        type(suggestion).objects.filter(pk=suggestion.pk).update(submitted_at=SUMMER)
        GlossarySuggestionFactory(term="Formula", definition='=HYPERLINK("https://evil.example","Open")')
        cls.editor = editor()

    def setUp(self):
        self.client.force_login(self.editor)

    def rows(self, url_name):
        response = self.client.get(reverse(url_name), {"export": "csv"})
        return {
            row["Title"] if "Title" in row else row["Term"]: row
            for row in csv.DictReader(io.StringIO(streamed(response)))
        }

    def test_convenings_csv_gives_london_times_with_their_offset(self):
        rows = self.rows("events_eventpage_modeladmin_index")
        self.assertEqual(rows["Summer gathering"]["Start"], "2026-07-01 18:00+01:00")
        self.assertEqual(rows["Summer gathering"]["End"], "2026-07-01 19:30+01:00")
        self.assertEqual(rows["Winter gathering"]["Start"], "2026-01-15 18:00+00:00")

    def test_convenings_xlsx_matches_the_csv(self):
        response = self.client.get(reverse("events_eventpage_modeladmin_index"), {"export": "xlsx"})
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
        self.assertIn("2026-07-01 18:00+01:00", values)
        self.assertIn("2026-01-15 18:00+00:00", values)

    def test_a_readers_words_never_run_as_a_formula_in_the_csv(self):
        suggestion = self.rows("glossary_glossarysuggestion_modeladmin_index")["Formula"]
        self.assertEqual(suggestion["Suggested Definition"], '\'=HYPERLINK("https://evil.example","Open")')

    def test_term_suggestions_export_uses_the_same_time_format(self):
        self.assertEqual(
            self.rows("glossary_glossarysuggestion_modeladmin_index")["Warm handover"]["Submitted At"],
            "2026-07-01 18:00+01:00",
        )


class StatusAndSortTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        blog = BlogIndexPageFactory(parent=cls.home)
        cls.author = editor()
        cls.live = BlogPageFactory(parent=blog, title="Live post")
        cls.draft = BlogPageFactory(parent=blog, title="Draft post", live=False)
        cls.draft.save_revision(user=cls.author)
        cls.waiting = BlogPageFactory(parent=blog, title="Waiting post", live=False)
        cls.waiting.save_revision(user=cls.author)
        cls.waiting.get_workflow().start(cls.waiting, cls.author)
        cls.scheduled = BlogPageFactory(parent=blog, title="Scheduled post", live=False)
        cls.scheduled.go_live_at = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
        cls.scheduled.save()
        cls.scheduled.save_revision(user=cls.author)
        cls.live.save_revision(user=cls.author)  # the most recent change

    def setUp(self):
        self.client.force_login(self.author)

    def titles(self, **params):
        response = self.client.get(reverse("blog_blogpage_modeladmin_index"), params)
        return [str(page) for page in response.context["object_list"]]

    def test_filter_by_status(self):
        self.assertEqual(self.titles(status="live"), ["Live post"])
        self.assertEqual(self.titles(status="moderation"), ["Waiting post"])
        self.assertEqual(self.titles(status="scheduled"), ["Scheduled post"])
        self.assertIn("Draft post", self.titles(status="draft"))
        self.assertNotIn("Live post", self.titles(status="draft"))

    def test_sort_by_last_change(self):
        url = reverse("blog_blogpage_modeladmin_index")
        html = BeautifulSoup(self.client.get(url).content, "html.parser")
        header = next(th for th in html.select("thead th") if "Last change" in th.get_text())
        response = self.client.get(url + header.find("a")["href"])
        changes = [page.latest_revision_created_at for page in response.context["object_list"]]
        self.assertEqual(changes, sorted(changes), "The column sorts by the time of the last change")
        self.assertEqual(str(response.context["object_list"][len(changes) - 1]), "Live post")


class StoryFormTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.story = CaseStudyPageFactory(parent=CaseMakerPageFactory(parent=cls.home))
        cls.editor = editor()

    def test_the_lead_image_is_on_the_content_tab(self):
        self.client.force_login(self.editor)
        html = BeautifulSoup(
            self.client.get(reverse("wagtailadmin_pages:edit", args=[self.story.pk])).content, "html.parser"
        )
        content = html.select_one("#tab-content")
        self.assertIsNotNone(content.select_one("[name='listing_image']"))
        self.assertIn("Lead image", content.get_text())
        self.assertIsNone(html.select_one("#tab-promote [name='listing_image']"))
        self.assertIsNotNone(html.select_one("#tab-promote [name='social_image']"))
