"""The pre-publish checklist on posts, convenings and stories, and the accessibility checker's rules."""

from django.urls import reverse

from wagtail.rich_text import RichText

from core.checklist import checklist_problems
from editorial.accessibility import SiteContentCheckerItem
from tests.base import SiteTestCase
from tests.factories import ImageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.casestudies import CaseMakerPageFactory, CaseStudyPageFactory, SectorFactory
from tests.factories.editors import editor
from tests.factories.events import EventIndexPageFactory, EventPageFactory


class ChecklistTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.image = ImageFactory(description="")

    def test_a_complete_post_passes(self):
        post = BlogPageFactory(parent=self.blog)
        self.assertEqual(checklist_problems(post), [])

    def test_each_problem_is_listed_in_plain_words(self):
        draft = BlogPageFactory(parent=self.blog, title="Unpublished neighbour")
        draft.unpublish()
        post = BlogPageFactory(
            parent=self.blog,
            in_brief="x" * 301,
            category=None,
            body=[
                ("heading", {"text": "Jumping in", "level": "h3"}),
                ("paragraph", RichText(f'<p>See <a linktype="page" id="{draft.pk}">this</a>.</p>')),
                ("image", {"image": {"image": self.image, "alt_text": "", "decorative": False}}),
            ],
        )
        problems = checklist_problems(post)
        self.assertIn("Shorten the “In brief” to 300 characters (it has 301).", problems)
        self.assertIn("Choose a category.", problems)
        self.assertIn("1 image in “body” has no alt text: describe each or mark it decorative.", problems)
        self.assertIn("It links to “Unpublished neighbour”, which is not published yet.", problems)
        self.assertTrue(any("level 3 heading follows a level 1" in problem for problem in problems))

    def test_decorative_images_and_ordered_headings_pass(self):
        post = BlogPageFactory(
            parent=self.blog,
            body=[
                ("heading", {"text": "Section", "level": "h2"}),
                ("heading", {"text": "Subsection", "level": "h3"}),
                ("image", {"image": {"image": self.image, "alt_text": "", "decorative": True}}),
            ],
        )
        self.assertEqual(checklist_problems(post), [])

    def test_stories_need_a_sector_and_convenings_an_in_brief(self):
        story = CaseStudyPageFactory(parent=CaseMakerPageFactory(parent=self.home))
        self.assertIn("Choose at least one sector.", checklist_problems(story))
        story.sectors.set([SectorFactory()])
        self.assertNotIn("Choose at least one sector.", checklist_problems(story))
        event = EventPageFactory(parent=EventIndexPageFactory(parent=self.home))
        event.in_brief = ""
        self.assertIn(
            "Write an “In brief”: one or two sentences for cards, search and sharing.",
            checklist_problems(event),
        )

    def test_panel_shows_on_the_edit_view_of_each_page_type(self):
        self.client.force_login(editor())
        post = BlogPageFactory(parent=self.blog, category=None)
        story = CaseStudyPageFactory(parent=CaseMakerPageFactory(parent=self.home))
        event = EventPageFactory(parent=EventIndexPageFactory(parent=self.home))
        for page, expected in (
            (post, "Choose a category."),
            (story, "Choose at least one sector."),
            (event, "Everything on the checklist is in order."),
        ):
            with self.subTest(page.specific_class.__name__):
                response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
                self.assertContains(response, "Before you publish")
                self.assertContains(response, expected)


class ContentCheckerTests(SiteTestCase):
    def test_userbar_runs_wcag_and_best_practice_rules(self):
        self.client.force_login(editor())
        response = self.client.get("/")
        self.assertContains(response, "wcag22aa")
        self.assertContains(response, "best-practice")
        self.assertIn("wcag2aa", SiteContentCheckerItem.axe_run_only)
