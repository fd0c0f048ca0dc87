"""Approve and Request changes: primary actions on the dashboard and the edit screen, each confirmed first."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from bs4 import BeautifulSoup

from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.editors import editor, moderator


class ApprovalTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.author = editor(first_name="Ada", last_name="Writer")
        cls.moderator = moderator()

    def submitted_post(self, title="Kitchen tables", go_live_at=None):
        post = BlogPageFactory(parent=self.blog, title=title, live=False)
        post.go_live_at = go_live_at
        post.save_revision(user=self.author)
        post.get_workflow().start(post, self.author)
        return post

    def approve_url(self, post, action="approve"):
        return reverse("editorial_review", args=[post.pk, action])

    def test_the_dashboard_shows_approve_and_request_changes_to_moderators_only(self):
        post = self.submitted_post()
        self.client.force_login(self.moderator)
        html = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        item = html.select_one(f"[data-awaiting='{post.pk}']")
        buttons = {link.get_text(strip=True): link["href"] for link in item.select("a.button")}
        self.assertEqual(
            buttons, {"Approve": self.approve_url(post), "Request changes": self.approve_url(post, "reject")}
        )
        self.client.force_login(self.author)
        html = BeautifulSoup(self.client.get("/admin/").content, "html.parser")
        self.assertEqual(html.select(f"[data-awaiting='{post.pk}'] a.button"), [])

    def test_approve_is_the_main_button_of_the_edit_screen(self):
        post = self.submitted_post()
        self.client.force_login(self.moderator)
        html = BeautifulSoup(
            self.client.get(reverse("wagtailadmin_pages:edit", args=[post.pk])).content, "html.parser"
        )
        footer = html.select_one("footer")
        primary = footer.select_one("a.button, button.button")
        self.assertEqual(primary.get_text(strip=True), "Approve")
        self.assertEqual(primary["href"], self.approve_url(post))
        self.assertIn(self.approve_url(post, "reject"), str(footer))

    def test_the_confirmation_names_the_page_and_publishes_now(self):
        post = self.submitted_post()
        self.client.force_login(self.moderator)
        response = self.client.get(self.approve_url(post))
        self.assertContains(response, "Approve “Kitchen tables”?")
        self.assertContains(response, "Publish now")
        self.assertContains(response, "Ada Writer")
        post.refresh_from_db()
        self.assertFalse(post.live, "Opening the confirmation must change nothing")
        response = self.client.post(self.approve_url(post), follow=True)
        self.assertContains(response, "“Kitchen tables” was approved and is now live.")
        post.refresh_from_db()
        self.assertTrue(post.live)

    def test_a_scheduled_page_is_approved_to_go_live_at_its_time(self):
        when = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
        post = self.submitted_post(go_live_at=when)
        self.client.force_login(self.moderator)
        response = self.client.get(self.approve_url(post))
        self.assertContains(response, "Publish at its scheduled time")
        self.assertContains(response, timezone.localtime(when).strftime("%-d %B %Y, %H:%M"))
        self.client.post(self.approve_url(post))
        post.refresh_from_db()
        self.assertFalse(post.live)
        self.assertEqual(post.latest_revision.approved_go_live_at, when)

    def test_request_changes_keeps_a_draft_and_records_the_comment(self):
        post = self.submitted_post()
        self.client.force_login(self.moderator)
        self.assertContains(self.client.get(self.approve_url(post, "reject")), "Send back to the author")
        response = self.client.post(
            self.approve_url(post, "reject"), {"comment": "Add a picture"}, follow=True
        )
        self.assertContains(response, "Changes were requested on “Kitchen tables”: it stays a draft.")
        post.refresh_from_db()
        self.assertFalse(post.live)
        state = WorkflowState.objects.get(object_id=str(post.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_NEEDS_CHANGES)
        self.assertEqual(state.current_task_state.comment, "Add a picture")

    def test_an_editor_cannot_approve_and_unknown_actions_are_refused(self):
        post = self.submitted_post()
        self.client.force_login(self.author)
        response = self.client.post(self.approve_url(post), follow=True)
        self.assertContains(response, "is no longer waiting for your approval")
        post.refresh_from_db()
        self.assertFalse(post.live)
        self.client.force_login(self.moderator)
        self.assertEqual(self.client.post(self.approve_url(post, "delete")).status_code, 302)
        post.refresh_from_db()
        self.assertFalse(post.live)
