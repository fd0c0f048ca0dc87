"""The share-draft screen and the shared page: heading, copyable link, expiry, revocation, banner, privacy."""

from django.contrib.auth.models import Group
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.models import PageViewRestriction

from bs4 import BeautifulSoup

from core.roles import EDITORS
from editorial.models import ShareLink
from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.editors import editor


class ShareScreenTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.post = BlogPageFactory(parent=cls.blog, title="The live title")
        cls.post.title = "The draft title"
        cls.post.save_revision()
        cls.editor = editor()

    def setUp(self):
        self.client.force_login(self.editor)
        self.share_url = reverse("editorial_share_draft", args=[self.post.pk])

    def create_link(self, note="Jo, the story's subject"):
        response = self.client.post(self.share_url, {"create": "1", "note": note}, follow=True)
        return response, ShareLink.objects.filter(page=self.post).first()

    def test_the_screen_names_the_page_and_offers_the_new_link_to_copy_with_its_expiry(self):
        response, link = self.create_link()
        html = BeautifulSoup(response.content, "html.parser")
        self.assertIn(
            "Share a draft of “The draft title”", [h1.get_text(strip=True) for h1 in html.find_all("h1")]
        )
        field = html.find("input", id="new-link")
        self.assertEqual(field["value"], f"http://localhost{link.get_absolute_url()}")
        self.assertTrue(field.has_attr("readonly"))
        self.assertEqual(
            html.find("label", attrs={"for": "new-link"}).get_text(strip=True), "The new share link"
        )
        copy = field.find_next("button")
        self.assertEqual(copy.get_text(strip=True), "Copy")
        self.assertEqual(copy["data-action"], "w-clipboard#copy")
        self.assertIn(f"Works until {link.expires_at:%-d %B %Y, %H:%M}", html.get_text())

    def test_the_screen_lists_the_links_given_with_expiry_and_revoke(self):
        _response, first = self.create_link("Reviewer one")
        _response, second = self.create_link("Reviewer two")
        self.client.post(self.share_url, {"revoke": first.pk})
        html = BeautifulSoup(self.client.get(self.share_url).content, "html.parser")
        rows = html.select("table.listing tbody tr")
        self.assertEqual(len(rows), 2)
        revoked = html.find(id=f"link-{first.pk}").get_text(" ", strip=True)
        self.assertIn("Revoked", revoked)
        live = html.find(id=f"link-{second.pk}")
        self.assertEqual(live.find("button", attrs={"name": "revoke"})["value"], str(second.pk))
        self.assertIn(f"{second.expires_at:%-d %B %Y, %H:%M}", live.get_text())

    @override_settings(PAGE_CACHE_SECONDS=600, PAGE_CACHE_LOOKUP_SECONDS=3600)
    def test_the_shared_page_is_a_marked_draft_never_indexed_nor_cached(self):
        _response, link = self.create_link()
        reader = Client()
        response = reader.get(link.get_absolute_url())
        self.assertContains(response, "Draft — not published")
        self.assertContains(response, "The draft title")
        self.assertContains(response, '<meta name="robots" content="noindex, nofollow">', html=True)
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")
        self.assertIn("private", response["Cache-Control"])
        self.assertIn("no-store", response["Cache-Control"])
        self.assertNotIn("X-Page-Cache", response)
        self.client.post(self.share_url, {"revoke": link.pk})
        self.assertEqual(reader.get(link.get_absolute_url()).status_code, 410)
        self.assertNotContains(reader.get(self.post.url), "Draft — not published")


class RestrictedSectionTests(SiteTestCase):
    """A link works for anyone, so it must not open a section kept for a login, some groups or a password."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.post = BlogPageFactory(parent=cls.blog, title="Members' news")
        cls.editor = editor()

    def setUp(self):
        self.client.force_login(self.editor)
        self.share_url = reverse("editorial_share_draft", args=[self.post.pk])

    def restrict(self, restriction_type):
        restriction = PageViewRestriction.objects.create(
            page=self.blog, restriction_type=restriction_type, password="opensesame"
        )
        if restriction_type == PageViewRestriction.GROUPS:
            restriction.groups.add(Group.objects.get(name=EDITORS))

    def test_a_page_in_a_restricted_section_cannot_be_shared(self):
        for restriction_type, words in [
            (PageViewRestriction.LOGIN, "only people who log in may see"),
            (PageViewRestriction.GROUPS, "only some groups may see"),
            (PageViewRestriction.PASSWORD, "protected by a password"),
        ]:
            with self.subTest(restriction_type):
                PageViewRestriction.objects.all().delete()
                self.restrict(restriction_type)
                response = self.client.post(self.share_url, {"create": "1"}, follow=True)
                self.assertFalse(ShareLink.objects.exists())
                self.assertContains(
                    response, f"This page cannot be shared by link: it is in a section {words}."
                )
                self.assertNotContains(response, "Create a share link")

    def test_a_link_given_before_the_section_became_private_stops_working(self):
        self.client.post(self.share_url, {"create": "1"})
        link = ShareLink.objects.get(page=self.post)
        self.restrict(PageViewRestriction.LOGIN)
        response = Client().get(link.get_absolute_url())
        self.assertEqual(response.status_code, 403)
        self.assertNotContains(response, "Members' news", status_code=403)
