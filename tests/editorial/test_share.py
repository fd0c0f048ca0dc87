"""Share a draft: signed, time-limited, revocable links that show the latest revision and are never indexed."""

import time
from unittest import mock

from django.test import Client
from django.urls import reverse

from editorial.models import SHARE_MAX_AGE, ShareLink
from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.editors import editor


class ShareLinkTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.post = BlogPageFactory(parent=BlogIndexPageFactory(parent=cls.home), title="The live title")
        cls.post.title = "The draft title"
        cls.post.save_revision()

    def setUp(self):
        self.editor = editor()
        self.client.force_login(self.editor)
        self.share_url = reverse("editorial_share_draft", args=[self.post.pk])

    def create_link(self):
        self.client.post(self.share_url, {"create": "1", "note": "Jo, the story's subject"})
        return ShareLink.objects.get(page=self.post)

    def test_edit_view_offers_share_draft(self):
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[self.post.pk]))
        self.assertContains(response, self.share_url)

    def test_anonymous_visitor_sees_the_latest_draft_never_indexed(self):
        link = self.create_link()
        self.assertContains(self.client.get(self.share_url), link.get_absolute_url())
        response = Client().get(link.get_absolute_url())
        self.assertContains(response, "The draft title")
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")
        self.assertContains(response, '<meta name="robots" content="noindex, nofollow">', html=True)
        self.assertIn("no-cache", response["Cache-Control"])
        self.assertContains(Client().get(self.post.url), "The live title")

    def test_the_link_given_is_on_the_public_site_address_not_the_admins(self):
        # The admin is reached here as "testserver"; readers reach the site at the Site's address.
        link = self.create_link()
        self.assertContains(self.client.get(self.share_url), f"http://localhost{link.get_absolute_url()}")
        self.assertNotContains(self.client.get(self.share_url), "http://testserver/")

    def test_revoked_links_are_refused(self):
        link = self.create_link()
        self.client.post(self.share_url, {"revoke": link.pk})
        response = Client().get(link.get_absolute_url())
        self.assertEqual(response.status_code, 410)
        self.assertNotContains(response, "The draft title", status_code=410)
        self.assertEqual(response["X-Robots-Tag"], "noindex, nofollow")

    def test_expired_and_forged_links_are_refused(self):
        link = self.create_link()
        later = time.time() + SHARE_MAX_AGE + 60
        with mock.patch("django.core.signing.time.time", return_value=later):
            self.assertEqual(Client().get(link.get_absolute_url()).status_code, 410)
        forged = link.get_absolute_url().replace(link.nonce, "x" * len(link.nonce))
        self.assertEqual(Client().get(forged).status_code, 410)
        self.assertEqual(Client().get("/share/not-a-token/").status_code, 410)
        self.assertEqual(Client().post(link.get_absolute_url()).status_code, 405)

    def test_only_people_who_may_edit_the_page_can_share_it(self):
        self.client.logout()
        self.client.post(self.share_url, {"create": "1"})
        self.assertFalse(ShareLink.objects.exists())
