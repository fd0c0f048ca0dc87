"""Dashboard panels, scheduled publishing and automatic redirects."""

import datetime

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.redirects.models import Redirect

from blog.models import BlogPage
from editorial.dashboard import overdue_revisions
from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.editors import editor, moderator
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.glossary import GlossarySuggestionFactory


class DashboardTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        convenings = EventIndexPageFactory(parent=cls.home)
        EventPageFactory(parent=convenings, title="Kitchen table without a link", registration_url="")
        EventPageFactory(
            parent=convenings, title="Signed up already", registration_url="https://example.org/"
        )
        GlossarySuggestionFactory(term="Relational welfare")

    def schedule(self, post, when, user=None):
        post.go_live_at = when
        post.save_revision(user=user, approved_go_live_at=when)

    def test_welcome_panel_lists_drafts_moderation_missing_sign_up_links_and_suggestions(self):
        user = editor()
        post = BlogPageFactory(parent=self.blog, title="My half-written reflection")
        post.title = "My half-written reflection, revised"
        post.save_revision(user=user)
        submitted = BlogPageFactory(parent=self.blog, title="Ready for a moderator")
        submitted.save_revision(user=user)
        submitted.get_workflow().start(submitted, user)

        self.client.force_login(user)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "Today’s editing")
        self.assertContains(response, "My half-written reflection, revised")
        self.assertContains(response, "Ready for a moderator")
        self.assertContains(response, "Kitchen table without a link")
        self.assertNotContains(response, "Signed up already")
        self.assertContains(response, "Relational welfare")

    def test_overdue_panel_appears_only_while_scheduled_items_are_late(self):
        post = BlogPageFactory(parent=self.blog, title="Scheduled reflection")
        post.unpublish()
        self.schedule(BlogPage.objects.get(pk=post.pk), timezone.now() - datetime.timedelta(hours=1))
        self.client.force_login(moderator())
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, "Scheduled publishing is behind")
        self.assertContains(response, "Scheduled reflection")

        call_command("publish_scheduled", verbosity=0)
        self.assertFalse(overdue_revisions().exists())
        self.assertTrue(BlogPage.objects.get(pk=post.pk).live)
        self.assertNotContains(
            self.client.get(reverse("wagtailadmin_home")), "Scheduled publishing is behind"
        )

    def test_future_schedule_is_not_overdue_and_publishes_once_its_time_comes(self):
        post = BlogPageFactory(parent=self.blog, title="Tomorrow's post")
        post.unpublish()
        tomorrow = timezone.now() + datetime.timedelta(days=1)
        self.schedule(BlogPage.objects.get(pk=post.pk), tomorrow)
        self.assertFalse(overdue_revisions().exists())
        call_command("publish_scheduled", verbosity=0)
        self.assertFalse(BlogPage.objects.get(pk=post.pk).live)
        self.assertTrue(overdue_revisions(now=tomorrow + datetime.timedelta(minutes=1)).exists())


class RedirectTests(SiteTestCase):
    def test_changing_a_published_slug_creates_a_redirect(self):
        blog = BlogIndexPageFactory(parent=self.home)
        post = BlogPageFactory(parent=blog, slug="old-name")
        old_url = post.url
        post.slug = "new-name"
        with self.captureOnCommitCallbacks(execute=True):
            post.save_revision().publish()
        redirect = Redirect.objects.get(old_path=Redirect.normalise_path(old_url))
        self.assertEqual(redirect.redirect_page.pk, post.pk)
        response = self.client.get(old_url)
        self.assertRedirects(response, "/blog/new-name/", status_code=301)
