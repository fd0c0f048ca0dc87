"""The flat admin listings: filters, columns, exports and starting a term from a suggestion."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from blog.models import BlogPage
from events.models import EventPage
from glossary.models import GlossarySuggestion, GlossaryTermPage
from tests.base import SiteTestCase
from tests.factories import PersonFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory
from tests.factories.casestudies import (
    CaseMakerPageFactory,
    CaseStudyPageFactory,
    ScaleFactory,
    SectorFactory,
)
from tests.factories.editors import editor, moderator
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.glossary import (
    GlossaryIndexPageFactory,
    GlossarySuggestionFactory,
    GlossaryTermPageFactory,
)


def streamed(response):
    return b"".join(response.streaming_content).decode()


class ListingTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        blog = BlogIndexPageFactory(parent=cls.home)
        cls.reflections = CategoryFactory(name="Reflections")
        cls.author = PersonFactory(name="Helen Simmons")
        cls.old_post = BlogPageFactory(
            parent=blog, title="Kitchen tables in 2023", date=datetime.date(2023, 5, 1), authors=[cls.author]
        )
        cls.new_post = BlogPageFactory(
            parent=blog,
            title="A draft about warm webs",
            date=datetime.date(2025, 2, 1),
            category=cls.reflections,
        )
        cls.new_post.save_revision()
        cls.new_post.unpublish()
        convenings = EventIndexPageFactory(parent=cls.home)
        cls.upcoming = EventPageFactory(parent=convenings, title="Spring convening", places="40 places")
        cls.past = EventPageFactory(
            parent=convenings,
            title="Autumn convening",
            start=timezone.now() - datetime.timedelta(days=60),
            attendance="120 practitioners",
        )
        cls.case_maker = case_maker = CaseMakerPageFactory(parent=cls.home)
        cls.health = SectorFactory(name="Health")
        story = CaseStudyPageFactory(parent=case_maker, title="The surgery that listened")
        story.sectors.set([cls.health])
        story.save()
        cls.team = ScaleFactory(slug="team", name="Team")
        CaseStudyPageFactory(parent=case_maker, title="A school story", scale=cls.team)
        cls.glossary = GlossaryIndexPageFactory(parent=cls.home)
        GlossaryTermPageFactory(parent=cls.glossary, title="Relational practice")
        cls.suggestion = GlossarySuggestionFactory(term="Social prescribing", definition="Linking people up.")

    def setUp(self):
        self.client.force_login(editor())

    def listing(self, url_name, **params):
        response = self.client.get(reverse(url_name), params)
        self.assertEqual(response.status_code, 200)
        return response

    def titles(self, response):
        return [str(obj) for obj in response.context["object_list"]]

    def test_blog_posts_filter_by_category_author_status_and_year(self):
        url = "blog_blogpage_modeladmin_index"
        response = self.listing(url)
        self.assertEqual(self.titles(response), ["A draft about warm webs", "Kitchen tables in 2023"])
        self.assertContains(response, "Last edited by")
        self.assertContains(response, reverse("wagtailadmin_pages:edit", args=[self.old_post.pk]))
        self.assertEqual(
            self.titles(self.listing(url, category__id__exact=self.reflections.pk)),
            ["A draft about warm webs"],
        )
        self.assertEqual(
            self.titles(self.listing(url, authors__person__id__exact=self.author.pk)),
            ["Kitchen tables in 2023"],
        )
        self.assertEqual(self.titles(self.listing(url, status="draft")), ["A draft about warm webs"])
        self.assertEqual(self.titles(self.listing(url, status="live")), ["Kitchen tables in 2023"])
        self.assertEqual(self.titles(self.listing(url, year="2023")), ["Kitchen tables in 2023"])
        self.assertEqual(len(self.titles(self.listing(url, year="junk"))), 2)

    def test_convenings_filter_upcoming_and_past_and_export_attendance(self):
        url = "events_eventpage_modeladmin_index"
        self.assertEqual(self.titles(self.listing(url, when="upcoming")), ["Spring convening"])
        self.assertEqual(self.titles(self.listing(url, when="past")), ["Autumn convening"])
        response = self.listing(url, export="csv")
        self.assertEqual(response["Content-Type"], "text/csv")
        body = streamed(response)
        self.assertIn("Places,Attendance", body.splitlines()[0].title())
        self.assertIn("120 practitioners", body)
        self.assertIn("40 places", body)
        xlsx = self.listing(url, export="xlsx")
        self.assertEqual(
            xlsx["Content-Type"], "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )

    def test_stories_filter_by_sector_and_scale(self):
        url = "casestudies_casestudypage_modeladmin_index"
        response = self.listing(url)
        self.assertEqual(len(self.titles(response)), 2)
        self.assertContains(response, "Organisation")
        self.assertEqual(
            self.titles(self.listing(url, sectors__id__exact=self.health.pk)), ["The surgery that listened"]
        )
        self.assertEqual(self.titles(self.listing(url, scale__id__exact=self.team.pk)), ["A school story"])

    def test_glossary_terms_and_suggestion_export(self):
        self.assertEqual(
            self.titles(self.listing("glossary_glossarytermpage_modeladmin_index")), ["Relational practice"]
        )
        response = self.listing("glossary_glossarysuggestion_modeladmin_index", export="csv")
        self.assertIn("Social prescribing", streamed(response))

    def test_listings_search_the_title_the_in_brief_and_their_own_fields(self):
        BlogPage.objects.filter(pk=self.old_post.pk).update(in_brief="Neighbours who lend each other ladders")
        EventPage.objects.filter(pk=self.past.pk).update(venue_name="Toynbee Hall")
        blog = "blog_blogpage_modeladmin_index"
        self.assertEqual(self.titles(self.listing(blog, q="ladders")), ["Kitchen tables in 2023"])
        self.assertEqual(self.titles(self.listing(blog, q="warm webs")), ["A draft about warm webs"])
        convenings = "events_eventpage_modeladmin_index"
        self.assertEqual(self.titles(self.listing(convenings, q="Toynbee")), ["Autumn convening"])

    def test_listings_name_a_many_relation_and_end_with_who_changed_what(self):
        view = self.listing("blog_blogpage_modeladmin_index").context["view"]
        self.assertEqual(view.list_display[-3:], ("status", "last_edited_by", "last_edited"))
        self.assertEqual(view.model_admin.author_list(self.old_post), "Helen Simmons")
        view = self.listing("casestudies_casestudypage_modeladmin_index").context["view"]
        story = view.model_admin.model.objects.get(title="The surgery that listened")
        self.assertEqual(view.model_admin.sector_list(story), "Health")

    def test_columns_read_their_relations_with_the_list_not_once_a_row(self):
        url = "casestudies_casestudypage_modeladmin_index"

        def column_queries():
            """Queries of the sector and scale tables the columns show (the filters read them too)."""
            with CaptureQueriesContext(connection) as queries:
                self.listing(url)
            return [q for q in queries if "casestudies_sector" in q["sql"] or "casestudies_scale" in q["sql"]]

        two_stories = column_queries()
        for title in ("A library story", "A housing story"):
            story = CaseStudyPageFactory(parent=self.case_maker, title=title, scale=self.team)
            story.sectors.set([self.health])
        self.assertEqual(len(column_queries()), len(two_stories))

    def test_menu_groups_listings_by_how_often_they_are_used(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        content = response.content.decode()
        positions = [
            content.index(f'"label": "{label}"')
            for label in ("Blog posts", "Convenings", "Glossary", "Case Maker stories")
        ]
        self.assertEqual(positions, sorted(positions))

    def test_starting_a_term_from_a_suggestion_creates_a_draft_and_opens_it(self):
        index = self.listing("glossary_glossarysuggestion_modeladmin_index")
        start_url = reverse("glossary_start_term", args=[self.suggestion.pk])
        self.assertContains(index, start_url)
        self.assertContains(self.client.get(start_url), "Start the draft term")

        response = self.client.post(start_url)
        term = GlossaryTermPage.objects.get(title="Social prescribing")
        self.assertRedirects(response, reverse("wagtailadmin_pages:edit", args=[term.pk]))
        self.assertFalse(term.live)
        self.assertEqual(term.short_definition, "Linking people up.")
        self.assertEqual(term.get_parent().pk, self.glossary.pk)
        self.suggestion.refresh_from_db()
        self.assertEqual(self.suggestion.status, GlossarySuggestion.Status.ACCEPTED)
        self.assertNotContains(self.listing("glossary_glossarysuggestion_modeladmin_index"), start_url)

    def test_starting_a_term_needs_permission_to_add_to_the_glossary(self):
        self.client.logout()
        start_url = reverse("glossary_start_term", args=[self.suggestion.pk])
        self.assertEqual(self.client.post(start_url).status_code, 302)
        self.assertFalse(GlossaryTermPage.objects.filter(title="Social prescribing").exists())
        self.client.force_login(moderator())
        self.assertEqual(self.client.post(start_url).status_code, 302)
        self.assertTrue(GlossaryTermPage.objects.filter(title="Social prescribing").exists())
