"""The home page's blocks: each shows what it should and disappears cleanly when there is nothing."""

import datetime

from django.utils import timezone

from bs4 import BeautifulSoup

from core.models import SiteSettings
from tests.base import SiteTestCase
from tests.factories import StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.casestudies import CaseMakerPageFactory, CaseStudyPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.glossary import GlossaryIndexPageFactory, GlossaryTermPageFactory


def headings(soup):
    return [h2.get_text(strip=True) for h2 in soup.main.find_all("h2")]


class HomeBlockTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        blog = BlogIndexPageFactory(parent=cls.home)
        for n in range(4):
            BlogPageFactory(parent=blog, title=f"Post {n}", date=datetime.date(2025, 1, 1 + n))
        programme = EventIndexPageFactory(parent=cls.home)
        soon = timezone.now() + datetime.timedelta(days=3)
        EventPageFactory(
            parent=programme,
            title="The next one",
            start=soon,
            format="in_person",
            venue_name="The Yard",
            registration_url="https://tickets.example.org/next",
        )
        EventPageFactory(parent=programme, title="A later one", start=soon + datetime.timedelta(days=20))
        case_maker = CaseMakerPageFactory(parent=cls.home)
        CaseStudyPageFactory(parent=case_maker, title="The street lunch")
        glossary = GlossaryIndexPageFactory(parent=cls.home)
        GlossaryTermPageFactory(
            parent=glossary, title="Social plumbing", short_definition="Small structures."
        )
        GlossaryTermPageFactory(parent=glossary, title="Unpublished term", live=False)
        cls.toolbox = StandardPageFactory(parent=cls.home, slug="toolbox", title="Toolbox")
        cls.home.toolbox_page = cls.toolbox
        cls.home.save_revision().publish()
        settings = SiteSettings.load()
        settings.newsletter_url = "https://newsletter.example.org/join"
        settings.save()

    def soup(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def test_every_block_in_reading_order(self):
        soup = self.soup()
        self.assertEqual(
            headings(soup),
            [
                "Next convening",
                "From the blog",
                "From the Case Maker",
                "A word we use",
                "Tools to use",
                "Stay in touch",
            ],
        )

    def test_next_convening_says_when_where_and_how_to_join(self):
        block = self.soup().select_one(".home-next")
        self.assertEqual(block.h3.get_text(strip=True), "The next one")
        self.assertNotIn("A later one", block.get_text())
        self.assertIsNotNone(block.find("time"))
        self.assertIn("The Yard", block.get_text())
        self.assertEqual(block.find("a", class_="button")["href"], "https://tickets.example.org/next")

    def test_three_latest_posts_a_story_a_term_the_toolbox_and_the_newsletter(self):
        soup = self.soup()
        posts = [
            a.get_text(strip=True) for a in soup.select("#latest-posts-heading ~ .card-grid .card__title a")
        ]
        self.assertEqual(posts, ["Post 3", "Post 2", "Post 1"])
        self.assertIn("The street lunch", soup.select_one("#story-heading").parent.get_text())
        term = soup.select_one(".home-term")
        self.assertIn("Social plumbing", term.get_text())
        self.assertIn("Small structures.", term.get_text())
        self.assertNotIn("Unpublished term", soup.get_text())
        self.assertEqual(soup.select_one(".home-tools .card__title a")["href"], "/toolbox/")
        self.assertEqual(soup.select_one(".home-newsletter a")["href"], "https://newsletter.example.org/join")

    def test_blocks_disappear_when_their_content_goes(self):
        self.toolbox.unpublish()
        settings = SiteSettings.load()
        settings.newsletter_url = ""
        settings.save()
        soup = self.soup()
        self.assertNotIn("Tools to use", headings(soup))
        self.assertNotIn("Stay in touch", headings(soup))
        self.assertIsNone(soup.select_one(".home-tools, .home-newsletter"))


class StoryLayoutTests(SiteTestCase):
    def test_a_story_without_facts_has_no_empty_facts_box(self):
        case_maker = CaseMakerPageFactory(parent=self.home)
        CaseStudyPageFactory(parent=case_maker, slug="bare", organisation="", place="", scale=None)
        CaseStudyPageFactory(parent=case_maker, slug="full")
        bare = BeautifulSoup(self.client.get("/case-maker/bare/").content, "html.parser")
        self.assertIsNone(bare.select_one(".story__facts"))
        full = BeautifulSoup(self.client.get("/case-maker/full/").content, "html.parser")
        self.assertEqual([dt.get_text() for dt in full.select(".story__facts dt")], ["Who", "Where", "Scale"])
