"""Home page, standard pages, shared blocks, site chrome and operational endpoints."""

import json
import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.http import Http404
from django.test import RequestFactory, TestCase, override_settings

from wagtail.documents.models import Document
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from bs4 import BeautifulSoup

from core.models import FooterLink, MainMenuItem, SiteSettings, StandardPage
from core.routing import ancestors
from home.models import HomePage
from tests.base import SiteTestCase
from tests.factories import ImageFactory, StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory


class PageTreeTests(SiteTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertEqual(HomePage.max_count, 1)

    def test_standard_pages_nest_under_home_and_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_pages_are_renderable_and_editable(self):
        page = StandardPageFactory(parent=self.home, slug="about")
        self.assertPageIsRenderable(self.home)
        self.assertPageIsRenderable(page)
        self.assertPageIsEditable(
            page,
            nested_form_data(
                {
                    "title": "About us",
                    "slug": "about",
                    "in_brief": "Who we are.",
                    "body": streamfield([("paragraph", rich_text("<p>We are a charity.</p>"))]),
                }
            ),
        )

    def test_standard_page_can_be_created_in_the_admin(self):
        self.login()
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Toolbox",
                    "slug": "toolbox",
                    "in_brief": "Practical tools.",
                    "body": streamfield([("paragraph", rich_text("<p>Tools for practice.</p>"))]),
                }
            ),
        )


class HomePageTests(SiteTestCase):
    def test_sections_without_content_do_not_render(self):
        soup = BeautifulSoup(self.client.get("/").content, "html.parser")
        self.assertEqual(len(soup.find_all("h1")), 1)
        self.assertEqual(soup.main.find_all("h2"), [])

    def test_featured_items_and_testimonials_render_but_never_drafts(self):
        live = StandardPageFactory(parent=self.home, slug="live", title="Live feature")
        draft = StandardPageFactory(parent=self.home, slug="draft", title="Draft feature", live=False)
        self.home.featured_items.create(page=live, sort_order=0)
        self.home.featured_items.create(page=draft, sort_order=1)
        self.home.testimonials = [
            ("testimonial", {"text": "Such strength from this group.", "role": "Member"})
        ]
        self.home.save()
        html = self.client.get("/").content.decode()
        self.assertIn("Live feature", html)
        self.assertNotIn("Draft feature", html)
        self.assertIn("Such strength from this group.", html)


class RoutingTests(SiteTestCase):
    """The site finds every page in one query, and finds exactly what Wagtail's own routing finds."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        blog = BlogIndexPageFactory(parent=cls.home, slug="blog")
        BlogPageFactory(parent=blog, slug="post")
        BlogPageFactory(parent=blog, slug="draft", live=False)
        BlogPageFactory(parent=blog, slug="feed")  # shadowed by the blog's own feed route
        draft_section = StandardPageFactory(parent=cls.home, slug="draft-section", live=False)
        StandardPageFactory(parent=draft_section, slug="inside")
        StandardPageFactory(parent=cls.home, slug="post")  # the same slug elsewhere in the tree

    @staticmethod
    def outcome(route, request, components):
        try:
            page, args, kwargs = route(request, components)
        except Http404:
            return None
        if args:  # a routable page's sub-route: (view, args, kwargs)
            args = (args[0].__name__, *args[1:])
        return page.pk, type(page), tuple(args), kwargs

    def test_routes_match_wagtails_own(self):
        paths = [
            "",
            "blog",
            "blog/post",
            "blog/draft",
            "blog/feed",
            "blog/feed/atom",
            "blog/category/anything",
            "blog/missing",
            "blog/post/extra",
            "post",
            "draft-section",
            "draft-section/inside",
            "missing/post",
        ]
        home = HomePage.objects.get(pk=self.home.pk)
        request = RequestFactory().get("/")
        for path in paths:
            components = [part for part in path.split("/") if part]
            with self.subTest(path=path):
                self.assertEqual(
                    self.outcome(home.route, request, components),
                    self.outcome(lambda *args: Page.route(home, *args), request, components),
                )

    def test_a_deep_page_is_found_in_two_queries_with_its_ancestors(self):
        home = HomePage.objects.get(pk=self.home.pk)
        with self.assertNumQueries(2):
            page = home.route(RequestFactory().get("/"), ["blog", "post"]).page
            breadcrumbs = [ancestor.slug for ancestor in ancestors(page)]
        self.assertEqual(type(page).__name__, "BlogPage")
        self.assertEqual(breadcrumbs, ["home", "blog"])


class SharedBlockTests(SiteTestCase):
    def test_every_shared_block_renders_with_real_data(self):
        image = ImageFactory(title="Circles")
        document = Document.objects.create(title="Kit for Councils", file=ImageFactory().file)
        target = StandardPageFactory(parent=self.home, slug="target", title="Target")
        page = StandardPageFactory(
            parent=self.home,
            slug="all-blocks",
            body=[
                ("heading", {"text": "Why relationships", "level": "h2"}),
                ("paragraph", RichText(f'<p>Read <a linktype="page" id="{target.pk}">more</a>.</p>')),
                (
                    "image",
                    {
                        "image": {"image": image, "decorative": False, "alt_text": "Two circles"},
                        "caption": "A caption",
                        "credit": "Photo: Helen Simmons",
                    },
                ),
                ("quote", {"text": "The first mile.", "attribution": "David Robinson", "role": "Founder"}),
                (
                    "call_to_action",
                    {"heading": "Join us", "text": "", "link_text": "Sign up", "page": target},
                ),
                ("document", {"document": document, "title": ""}),
                ("testimonial", {"text": "Phenomenal.", "attribution": "", "role": "Action learning"}),
                ("accordion", {"items": [{"title": "What is it?", "body": RichText("<p>An answer.</p>")}]}),
                (
                    "table",
                    {"data": [["Sector", "Stories"], ["Education", "3"]], "first_row_is_table_header": True},
                ),
            ],
        )
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        soup = BeautifulSoup(response.content, "html.parser")
        main = soup.find("main")
        self.assertEqual(main.find("h2", class_="block-heading").text, "Why relationships")
        self.assertEqual(main.find("a", string="more")["href"], "/target/")
        picture_img = main.select_one(".block-image img")
        self.assertEqual(picture_img["alt"], "Two circles")
        self.assertEqual(picture_img["loading"], "lazy")
        self.assertTrue(main.select(".block-image source[type='image/webp']"))
        self.assertIn("Photo: Helen Simmons", main.select_one(".block-image figcaption").text)
        self.assertIn("David Robinson", main.select_one(".block-quote figcaption").text)
        self.assertEqual(main.select_one(".block-cta a")["href"], "/target/")
        self.assertIn("Kit for Councils", main.select_one(".block-document a").text)
        self.assertIn("Action learning", main.select_one(".testimonial figcaption").text)
        self.assertEqual(main.select_one(".block-accordion summary").text, "What is it?")
        self.assertEqual(main.select_one(".block-table th").text.strip(), "Sector")

    def test_decorative_image_has_empty_alt(self):
        image = ImageFactory()
        page = StandardPageFactory(
            parent=self.home,
            slug="decorative",
            body=[("image", {"image": {"image": image, "decorative": True, "alt_text": ""}, "caption": ""})],
        )
        soup = BeautifulSoup(self.client.get(page.url).content, "html.parser")
        self.assertEqual(soup.select_one(".block-image img")["alt"], "")


class ChromeTests(SiteTestCase):
    def test_menu_footer_and_settings_are_shown_and_follow_edits(self):
        about = StandardPageFactory(parent=self.home, slug="about", title="About us")
        site_settings = SiteSettings.load()
        MainMenuItem.objects.create(settings=site_settings, link_text="About", link_page=about, sort_order=0)
        FooterLink.objects.create(
            settings=site_settings, link_text="Privacy", link_url="https://example.org/privacy"
        )
        site_settings.contact_email = "hello@example.org"
        site_settings.save()
        soup = BeautifulSoup(self.client.get("/").content, "html.parser")
        self.assertEqual(soup.select_one("nav[aria-label=Main] a")["href"], "/about/")
        self.assertEqual(soup.select_one("nav[aria-label=Footer] a").text, "Privacy")
        self.assertIn("hello@example.org", soup.find("footer").text)

        # Edits clear the cached fragments at once.
        item = MainMenuItem.objects.get()
        item.link_text = "Who we are"
        item.save()
        site_settings.contact_email = "team@example.org"
        site_settings.save()
        soup = BeautifulSoup(self.client.get("/").content, "html.parser")
        self.assertEqual(soup.select_one("nav[aria-label=Main] a").text, "Who we are")
        self.assertIn("team@example.org", soup.find("footer").text)

    def test_menu_and_footer_keep_their_own_links_in_their_order(self):
        # Both lists are read in one query: each must still get only its links, in the editors' order.
        about = StandardPageFactory(parent=self.home, slug="about", title="About us")
        site_settings = SiteSettings.load()
        MainMenuItem.objects.create(
            settings=site_settings, link_text="Contact", link_url="https://example.org/c", sort_order=1
        )
        MainMenuItem.objects.create(settings=site_settings, link_text="About", link_page=about, sort_order=0)
        FooterLink.objects.create(settings=site_settings, link_text="Terms", link_page=about, sort_order=1)
        FooterLink.objects.create(
            settings=site_settings, link_text="Privacy", link_url="https://example.org/p", sort_order=0
        )
        soup = BeautifulSoup(self.client.get("/").content, "html.parser")
        main = [(a.text.strip(), a["href"]) for a in soup.select("nav[aria-label=Main] a")]
        footer = [(a.text.strip(), a["href"]) for a in soup.select("nav[aria-label=Footer] a")]
        self.assertEqual(main, [("About", "/about/"), ("Contact", "https://example.org/c")])
        self.assertEqual(footer, [("Privacy", "https://example.org/p"), ("Terms", "/about/")])

    def test_unpublished_menu_pages_drop_out(self):
        about = StandardPageFactory(parent=self.home, slug="about", title="About us")
        site_settings = SiteSettings.load()
        MainMenuItem.objects.create(settings=site_settings, link_text="About", link_page=about)
        self.assertContains(self.client.get("/"), 'href="/about/"')
        about.unpublish()
        self.assertNotContains(self.client.get("/"), 'href="/about/"')

    def test_settings_are_editable_in_the_admin(self):
        self.login()
        response = self.client.get("/admin/settings/core/sitesettings/", follow=True)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<form")
        # The organisation's details, the main menu and the footer links are one screen's tabs.
        for tab in ("Organisation", "Menu and footer"):
            self.assertContains(response, tab)

    def test_an_editor_changes_the_menu_and_footer_on_the_settings_screen(self):
        about = StandardPageFactory(parent=self.home, slug="about", title="About us")
        edit_url = f"/admin/settings/core/sitesettings/{SiteSettings.load().pk}/"
        self.login()
        form = nested_form_data(
            {
                "organisation_name": "The Relationships Project",
                "contact_email": "hello@example.org",
                "menu_items": inline_formset(
                    [{"link_text": "Who we are", "link_page": about.pk, "link_url": ""}]
                ),
                "footer_links": inline_formset(
                    [{"link_text": "Privacy", "link_page": "", "link_url": "https://example.org/privacy"}]
                ),
            }
        )
        response = self.client.post(edit_url, form)
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        soup = BeautifulSoup(self.client.get("/").content, "html.parser")
        menu = soup.select_one("nav[aria-label=Main] a")
        self.assertEqual((menu.text.strip(), menu["href"]), ("Who we are", "/about/"))
        self.assertEqual(soup.select_one("nav[aria-label=Footer] a")["href"], "https://example.org/privacy")
        self.assertIn("hello@example.org", soup.find("footer").text)

        # A link with neither a page nor an address is refused with a message, and nothing is saved.
        form["menu_items-0-link_page"] = ""
        response = self.client.post(edit_url, form)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Choose a page or enter an address.")
        self.assertEqual(MainMenuItem.objects.get().link_page_id, about.pk)

    def test_breadcrumbs_and_skip_link(self):
        parent = StandardPageFactory(parent=self.home, slug="about", title="About us")
        child = StandardPageFactory(parent=parent, slug="team", title="Team")
        soup = BeautifulSoup(self.client.get(child.url).content, "html.parser")
        crumbs = soup.select("nav[aria-label=Breadcrumb] li")
        self.assertEqual([c.text.strip() for c in crumbs], ["Home", "About us", "Team"])
        self.assertEqual(soup.select_one("a.skip-link")["href"], "#main-content")
        self.assertIsNotNone(soup.find("main", id="main-content"))


class ErrorAndHealthTests(SiteTestCase):
    def test_unknown_url_gets_the_designed_404(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "We couldn't find that page", status_code=404)
        self.assertContains(response, 'class="site-header"', status_code=404)

    def test_bad_host_is_a_400(self):
        response = self.client.get("/", HTTP_HOST="evil.example.com")
        self.assertEqual(response.status_code, 400)

    def test_query_string_junk_never_500s(self):
        StandardPageFactory(parent=self.home, slug="about")
        for path in ("/", "/about/"):
            for query in ("page=abc", "page=%00", "q=%zz", "x=" + "a" * 5000, "page=-1&page=2"):
                self.assertLess(self.client.get(f"{path}?{query}").status_code, 500, (path, query))

    def test_health_reports_ok(self):
        response = self.client.get("/health/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(json.loads(response.content), {"status": "ok", "database": "ok"})
        self.assertIn("no-cache", response["Cache-Control"])

    @override_settings(DEBUG=False)
    def test_500_template_needs_no_database_or_context(self):
        from django.template import loader

        html = loader.get_template("500.html").render()
        self.assertIn("Sorry, something went wrong", html)


class DemoContentTests(TestCase):
    def test_runs_twice_builds_the_tree_and_changes_nothing_the_second_time(self):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
        counts = Page.objects.count()
        home = HomePage.objects.get()
        self.assertEqual(Site.objects.get(is_default_site=True).root_page_id, home.pk)
        slugs = set(home.get_children().values_list("slug", flat=True))
        self.assertTrue({"about", "connect", "toolbox"} <= slugs)
        self.assertTrue(SiteSettings.load().menu_items.exists())
        revisions = {p.pk: p.latest_revision_id for p in Page.objects.all()}

        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
        self.assertEqual(Page.objects.count(), counts)
        self.assertEqual({p.pk: p.latest_revision_id for p in Page.objects.all()}, revisions)
        self.assertEqual(self.client.get("/").status_code, 200)

    @override_settings(PRODUCTION=True)
    def test_refuses_production_settings_unless_forced_then_uses_a_random_password_shown_once(self):
        pages = Page.objects.count()
        with self.assertRaisesMessage(CommandError, "production settings"):
            call_command("load_demo_content", stdout=StringIO())
        self.assertEqual(Page.objects.count(), pages)
        self.assertFalse(get_user_model().objects.exists())

        output = StringIO()
        call_command("load_demo_content", "--force", stdout=output)
        password = re.search(r"password '([^']+)' \(shown this once only\)", output.getvalue()).group(1)
        self.assertNotEqual(password, "relationships-demo")
        self.assertGreaterEqual(len(password), 20)
        admin = get_user_model().objects.get(username="admin")
        self.assertTrue(admin.check_password(password))
        self.assertFalse(admin.check_password("relationships-demo"))

        again = StringIO()
        call_command("load_demo_content", "--force", stdout=again)
        self.assertNotIn(password, again.getvalue())
        self.assertIn("password is unchanged", again.getvalue())
