"""The editor guide inside the admin: the Help menu item, sanitised rendering and a link from every edit screen."""

from django.urls import reverse

from wagtail.models import get_page_models

from bs4 import BeautifulSoup

from core.guide import SECTIONS, GuidePanel, render_guide
from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.editors import editor
from tests.factories.events import EventIndexPageFactory, EventPageFactory

GUIDE_URL = "/admin/help/"


class GuideTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.post = BlogPageFactory(parent=BlogIndexPageFactory(parent=cls.home))
        cls.convening = EventPageFactory(parent=EventIndexPageFactory(parent=cls.home))
        cls.editor = editor()

    def setUp(self):
        self.client.force_login(self.editor)

    def test_the_admin_menu_has_a_help_item_opening_the_guide(self):
        self.assertEqual(reverse("editor_guide"), GUIDE_URL)
        menu = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        sidebar = str(menu.find(id="wagtail-sidebar-props"))
        self.assertIn('"label": "Editor guide"', sidebar)
        self.assertIn(GUIDE_URL, sidebar)
        self.assertNotIn('"name": "editor-guide"', sidebar, "Wagtail's general guide would compete with ours")
        response = self.client.get(GUIDE_URL)
        self.assertEqual(response.status_code, 200)
        html = BeautifulSoup(response.content, "html.parser")
        self.assertIn("Editor guide", [h1.get_text(strip=True) for h1 in html.find_all("h1")])
        self.assertIsNotNone(html.select_one("link[href$='core/css/guide.css']"))
        guide = html.select_one("article.editor-guide")
        self.assertIsNotNone(guide.find("h2", id="share-a-draft"))
        self.assertIsNotNone(html.select_one("nav a[href='#share-a-draft']"))

    def test_the_guide_needs_an_admin_login(self):
        self.client.logout()
        response = self.client.get(GUIDE_URL)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])

    def test_every_page_type_has_a_section_that_exists_and_a_link_on_its_edit_screen(self):
        _toc, body = render_guide()
        ids = {tag["id"] for tag in BeautifulSoup(body, "html.parser").find_all(id=True)}
        for model in get_page_models():
            if model._meta.app_label == "wagtailcore":
                continue
            with self.subTest(model=model._meta.label):
                self.assertIn(SECTIONS[model._meta.label_lower], ids)
                self.assertTrue(any(isinstance(panel, GuidePanel) for panel in model.content_panels))

    def test_the_edit_screen_links_to_its_section(self):
        for page, anchor in [(self.post, "write-a-blog-post"), (self.convening, "announce-a-convening")]:
            response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
            link = BeautifulSoup(response.content, "html.parser").select_one("[data-guide-link] a")
            self.assertEqual(link["href"], f"{GUIDE_URL}#{anchor}")

    def test_markdown_cannot_smuggle_script_styles_or_handlers(self):
        _toc, body = render_guide(
            "## Hi {#hi}\n\n<script>alert(1)</script>\n\n<style>body{display:none}</style>\n\n"
            '[click](javascript:alert(1)) <img src="x.png" onerror="alert(1)" alt="x">\n\n'
            '<p style="color:red" onclick="alert(1)">text</p>\n'
        )
        self.assertNotIn("<script", body)
        self.assertNotIn("alert(1)</", body)
        self.assertNotIn("javascript:", body)
        self.assertNotIn("onerror", body)
        self.assertNotIn("onclick", body)
        self.assertNotIn("style", body)
        self.assertIn('<h2 id="hi">Hi</h2>', body)

    def test_screenshots_are_served_by_plain_name_only(self):
        self.assertNotEqual(self.client.get(f"{GUIDE_URL}guide/..%2F..%2Fmanage.py").status_code, 200)
        self.assertEqual(self.client.get(f"{GUIDE_URL}guide/editor-guide.md").status_code, 404)
        self.assertEqual(self.client.get(f"{GUIDE_URL}guide/missing.png").status_code, 404)
