"""Authorisation sweep: an editor trusted with one section can do nothing to another.

The group is built here (add, edit and publish on the blog only), not taken from the site's
own Editors and Moderators groups, so the test pins Wagtail's permission model rather than one
configuration of it. Every admin view that reads or changes another section's page, the site
settings, snippets and the suggestions list is tried by GET and, where it acts, by POST; each
must refuse (403, 404 or Wagtail's redirect to the dashboard with a message) and change nothing.
A control proves the same editor can work in their own section.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from events.models import EventPage
from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.casestudies import SectorFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.glossary import GlossarySuggestionFactory

User = get_user_model()


class SectionEditorTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.post = BlogPageFactory(parent=cls.blog, title="Our own post")
        cls.convenings = EventIndexPageFactory(parent=cls.home)
        cls.event = EventPageFactory(parent=cls.convenings, title="Somebody else's convening")
        cls.event.title = "A second revision"
        cls.first_revision = cls.event.latest_revision
        cls.second_revision = cls.event.save_revision()

        admin = User.objects.create_superuser("admin", "admin@example.org", "pw")
        section_editors = Group.objects.create(name="Blog editors")
        section_editors.permissions.add(Permission.objects.get(codename="access_admin"))
        for permission_type in ("add", "change", "publish"):
            GroupPagePermission.objects.create(
                group=section_editors, page=cls.blog, permission_type=permission_type
            )
        cls.editor = User.objects.create_user("blogger", "blogger@example.org", "pw")
        cls.editor.groups.add(section_editors)

        reviewers = Group.objects.create(name="Convening reviewers")
        workflow = Workflow.objects.create(name="Convening review")
        task = GroupApprovalTask.objects.create(name="Review")
        task.groups.set([reviewers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=cls.convenings)
        cls.task = task
        cls.task_state = workflow.start(cls.event, admin).current_task_state

        cls.sector = SectorFactory()
        cls.suggestion = GlossarySuggestionFactory()

    def setUp(self):
        super().setUp()
        self.client.force_login(self.editor)

    def assert_refused(self, response, url):
        """403 or 404, or Wagtail's redirect to the dashboard (followed, with redirects such as
        a listing's to its only object on the way)."""
        if response.redirect_chain:
            self.assertEqual(response.redirect_chain[-1][0], reverse("wagtailadmin_home"), url)
            self.assertContains(response, "you do not have permission")
        else:
            self.assertIn(response.status_code, (403, 404), url)

    def test_control_the_editor_works_in_their_own_section(self):
        for url in (
            reverse("wagtailadmin_pages:edit", args=[self.post.pk]),
            reverse("wagtailadmin_pages:history", args=[self.post.pk]),
            reverse("wagtailadmin_pages:add_subpage", args=[self.blog.pk]),
        ):
            with self.subTest(url=url):
                response = self.client.get(url, follow=True)  # a blog takes one page type: straight to it
                self.assertEqual(response.status_code, 200)
                self.assertNotEqual(response.redirect_chain[-1:], [(reverse("wagtailadmin_home"), 302)])

    def test_another_sections_pages_are_out_of_reach(self):
        page, first, second = self.event.pk, self.first_revision.pk, self.second_revision.pk
        pages = "wagtailadmin_pages:"
        gets = [
            reverse(pages + "edit", args=[page]),
            reverse(pages + "preview_on_edit", args=[page]),
            reverse(pages + "view_draft", args=[page]),
            reverse(pages + "history", args=[page]),
            reverse(pages + "revisions_index", args=[page]),
            reverse(pages + "revisions_view", args=[page, first]),
            reverse(pages + "revisions_compare", args=[page, first, second]),
            reverse(pages + "revisions_revert", args=[page, first]),
            reverse(pages + "copy", args=[page]),
            reverse(pages + "move", args=[page]),
            reverse(pages + "move_confirm", args=[page, self.blog.pk]),
            reverse(pages + "delete", args=[page]),
            reverse(pages + "unpublish", args=[page]),
            reverse(pages + "set_privacy", args=[page]),
            reverse(pages + "workflow_history", args=[page]),
            reverse(pages + "add_subpage", args=[self.convenings.pk]),
            reverse(pages + "add", args=["events", "eventpage", self.convenings.pk]),
            reverse(pages + "workflow_preview", args=[page, self.task.pk]),
            reverse(pages + "collect_workflow_action_data", args=[page, "approve", self.task_state.pk]),
            reverse(pages + "move_confirm", args=[self.post.pk, self.convenings.pk]),
        ]
        for url in gets:
            with self.subTest(method="GET", url=url):
                self.assert_refused(self.client.get(url, follow=True), url)

        posts = {
            reverse(pages + "edit", args=[page]): {"title": "Taken over", "slug": "taken-over"},
            reverse(pages + "preview_on_edit", args=[page]): {"title": "Taken over"},
            reverse(pages + "revisions_unschedule", args=[page, second]): {},
            reverse(pages + "copy", args=[page]): {
                "new_title": "Copied",
                "new_slug": "copied",
                "new_parent_page": self.blog.pk,
            },
            reverse(pages + "move_confirm", args=[page, self.blog.pk]): {},
            reverse(pages + "move_confirm", args=[self.post.pk, self.convenings.pk]): {},
            reverse(pages + "delete", args=[page]): {},
            reverse(pages + "unpublish", args=[page]): {},
            reverse(pages + "set_privacy", args=[page]): {"restriction_type": "login"},
            reverse(pages + "lock", args=[page]): {},
            reverse(pages + "workflow_action", args=[page, "approve", self.task_state.pk]): {"comment": ""},
            reverse(pages + "workflow_action", args=[page, "reject", self.task_state.pk]): {"comment": ""},
        }
        for url, data in posts.items():
            with self.subTest(method="POST", url=url):
                self.assert_refused(self.client.post(url, data, follow=True), url)

        event = EventPage.objects.get(pk=self.event.pk)
        self.assertEqual((event.title, event.live, event.locked), ("Somebody else's convening", True, False))
        self.assertEqual(event.get_parent().pk, self.convenings.pk)
        self.assertEqual(Page.objects.get(pk=self.post.pk).get_parent().pk, self.blog.pk)
        self.assertFalse(Page.objects.filter(slug__in=["copied", "taken-over"]).exists())
        self.assertFalse(PageViewRestriction.objects.exists())
        self.task_state.refresh_from_db()
        self.assertEqual(self.task_state.status, "in_progress")

    def test_the_workflow_cancellation_prompt_names_no_page_content(self):
        """Wagtail serves this publish-time prompt without a permission check; it names only the
        workflow and its task, never the page."""
        url = reverse("wagtailadmin_pages:confirm_workflow_cancellation", args=[self.event.pk])
        body = self.client.get(url).content.decode()
        self.assertIn("Convening review", body)
        self.assertNotIn("convening", body.replace("Convening review", "").lower())

    def test_settings_snippets_and_other_admin_areas_are_out_of_reach(self):
        sector = "wagtailsnippets_casestudies_sector:"
        suggestions = "glossary_glossarysuggestion_modeladmin_"
        gets = [
            reverse("wagtailsettings:edit", args=["core", "sitesettings"]),
            reverse(sector + "list"),
            reverse(sector + "add"),
            reverse(sector + "edit", args=[self.sector.pk]),
            reverse(sector + "delete", args=[self.sector.pk]),
            reverse(suggestions + "index"),
            reverse(suggestions + "inspect", args=[self.suggestion.pk]),
            reverse(suggestions + "edit", args=[self.suggestion.pk]),
            reverse(suggestions + "delete", args=[self.suggestion.pk]),
            reverse("wagtailsearchpromotions:index"),
            reverse("wagtailusers_users:index"),
            reverse("wagtailusers_groups:index"),
            reverse("wagtailadmin_workflows:index"),
        ]
        for url in gets:
            with self.subTest(method="GET", url=url):
                self.assert_refused(self.client.get(url, follow=True), url)
        posts = {
            reverse("wagtailsettings:edit", args=["core", "sitesettings"]): {
                "organisation_name": "Taken over"
            },
            reverse(sector + "edit", args=[self.sector.pk]): {"name": "Taken over", "slug": "taken-over"},
            reverse(sector + "delete", args=[self.sector.pk]): {},
            reverse(suggestions + "edit", args=[self.suggestion.pk]): {"status": "accepted"},
            reverse(suggestions + "delete", args=[self.suggestion.pk]): {},
        }
        for url, data in posts.items():
            with self.subTest(method="POST", url=url):
                self.assert_refused(self.client.post(url, data, follow=True), url)
        self.sector.refresh_from_db()
        self.suggestion.refresh_from_db()
        self.assertNotEqual(self.sector.name, "Taken over")
        self.assertEqual(self.suggestion.status, "new")
