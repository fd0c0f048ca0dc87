"""Preview modes: each content page previews as itself, as its listing card and as its social card."""

from tests.base import SiteTestCase
from tests.factories import ImageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.casestudies import CaseMakerPageFactory, CaseStudyPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory


class PreviewModeTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.post = BlogPageFactory(
            parent=BlogIndexPageFactory(parent=cls.home),
            title="Warm webs",
            in_brief="Why warm webs matter.",
            listing_image=ImageFactory(),
        )
        cls.event = EventPageFactory(
            parent=EventIndexPageFactory(parent=cls.home), title="Kitchen table", in_brief="Food and talk."
        )
        cls.story = CaseStudyPageFactory(
            parent=CaseMakerPageFactory(parent=cls.home), title="Open door", in_brief="A nurse who listened."
        )

    def preview(self, page, mode):
        response = page.make_preview_request(preview_mode=mode)
        self.assertEqual(response.status_code, 200)
        return response

    def test_modes_are_offered_on_each_content_page(self):
        for page in (self.post, self.event, self.story):
            with self.subTest(page.specific_class.__name__):
                self.assertEqual([name for name, _ in page.preview_modes], ["", "card", "social"])
                for mode in ("", "card", "social"):
                    self.assertContains(self.preview(page, mode), page.title)

    def test_card_preview_shows_the_listing_card(self):
        for page, card_class in (
            (self.post, "card post-card"),
            (self.event, "card event-card"),
            (self.story, "card"),
        ):
            with self.subTest(page.specific_class.__name__):
                response = self.preview(page, "card")
                self.assertContains(response, f'class="{card_class}"')
                self.assertContains(response, page.in_brief)
                self.assertContains(response, '<meta name="robots" content="noindex, nofollow">', html=True)

    def test_social_preview_shows_title_description_and_image(self):
        response = self.preview(self.post, "social")
        self.assertContains(response, "social-card__image")
        self.assertContains(response, "Why warm webs matter.")
        response = self.preview(self.story, "social")
        self.assertContains(response, "No sharing image")
