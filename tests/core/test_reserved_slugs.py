"""A page cannot take a slug whose address a route of its parent, or of the site, already answers."""

from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.models import StandardPage
from core.page_forms import SitePageForm, hidden_route
from tests.base import SiteTestCase
from tests.factories import StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory
from tests.factories.casestudies import CaseMakerPageFactory
from tests.factories.events import EventIndexPageFactory
from tests.factories.glossary import GlossaryIndexPageFactory


class ReservedSlugTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home, slug="blog")
        cls.convenings = EventIndexPageFactory(parent=cls.home, slug="convenings")
        cls.case_maker = CaseMakerPageFactory(parent=cls.home, slug="case-maker")
        cls.glossary = GlossaryIndexPageFactory(parent=cls.home, slug="glossary")

    def test_every_routable_index_refuses_the_words_of_its_own_routes(self):
        cases = [
            (self.blog, "feed", "/blog/feed/"),
            (self.blog, "category", "/blog/category/"),
            (self.blog, "series", "/blog/series/"),
            (self.blog, "2024", "/blog/2024/"),  # the year archive
            (self.convenings, "past", "/convenings/past/"),
            (self.convenings, "feed", "/convenings/feed/"),
            (self.case_maker, "stories", "/case-maker/stories/"),
            (self.case_maker, "cards", "/case-maker/cards/"),
            (self.glossary, "suggest", "/glossary/suggest/"),
            (self.home, "search", "/search/"),  # the site's own URLs come before any page
            (self.home, "admin", "/admin/"),
            (self.home, "static", "/static/"),
        ]
        for parent, slug, address in cases:
            with self.subTest(slug=slug, parent=parent.slug):
                self.assertEqual(hidden_route(parent, slug), address)

    def test_ordinary_slugs_stay_free(self):
        for parent, slug in [
            (self.blog, "feeding-the-five-thousand"),
            (self.blog, "categorising"),
            (self.blog, "20245"),
            (self.convenings, "past-and-present"),
            (self.home, "about"),
            (self.home, "searching"),
        ]:
            with self.subTest(slug=slug):
                self.assertIsNone(hidden_route(parent, slug))

    def standard_page_data(self, slug):
        return nested_form_data(
            {
                "title": "Search tips",
                "slug": slug,
                "in_brief": "How to find things.",
                "body": streamfield([("paragraph", rich_text("<p>Use quotes.</p>"))]),
            }
        )

    def test_creating_a_page_at_a_site_address_shows_the_editor_why(self):
        self.login()
        data = self.standard_page_data("search")
        response = self.client.post(f"/admin/pages/add/core/standardpage/{self.home.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The address /search/ is already used by the site itself")
        self.assertFalse(StandardPage.objects.filter(slug="search").exists())

    def test_renaming_a_page_to_a_route_word_is_refused(self):
        self.login()
        page = StandardPageFactory(parent=self.home, slug="search-tips")
        response = self.client.post(f"/admin/pages/{page.pk}/edit/", self.standard_page_data("admin"))
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "The address /admin/ is already used by the site itself")
        page.refresh_from_db()
        self.assertEqual(page.slug, "search-tips")

    def test_a_page_under_a_plain_page_may_use_any_word(self):
        about = StandardPageFactory(parent=self.home, slug="about")
        self.assertIsNone(hidden_route(about, "feed"))

    def test_every_page_type_of_the_site_is_edited_with_the_guarded_form(self):
        for model in get_page_models():
            if model is not Page:  # Wagtail's own root type is never created by editors
                with self.subTest(model=model.__name__):
                    self.assertTrue(issubclass(model.base_form_class, SitePageForm))
