"""Editorial roles: Editors submit, Moderators approve, and each role sees only its own areas."""

from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection, Workflow, WorkflowState
from wagtail.permissions import policy_registry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.models import BlogPage
from core.roles import EDITORS, MODERATORS, WORKFLOW_NAME, apply_roles
from tests.base import SiteTestCase
from tests.factories import ImageFactory, PersonFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory
from tests.factories.editors import administrator, editor, moderator


class RolesTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.category = CategoryFactory()

    def edit_url(self, page):
        return reverse("wagtailadmin_pages:edit", args=[page.pk])

    def draft_post(self):
        post = BlogPageFactory(parent=self.blog, title="A first draft", category=self.category)
        post.unpublish()
        return BlogPage.objects.get(pk=post.pk)

    def post_data(self, post, **extra):
        data = nested_form_data(
            {
                "title": post.title,
                "slug": post.slug,
                "date": post.date.isoformat(),
                "in_brief": post.in_brief,
                "category": self.category.pk,
                "body": streamfield([("paragraph", rich_text("<p>Relationships first.</p>"))]),
                "authors": inline_formset([{"person": PersonFactory().pk}], min=1),
                "related_links": inline_formset([]),
                "comments": inline_formset([]),
            }
        )
        data.update(extra)
        return data

    def test_migration_creates_the_three_groups_and_site_wide_workflow(self):
        self.assertEqual(
            set(
                Group.objects.filter(name__in=[EDITORS, MODERATORS, "Administrators"]).values_list(
                    "name", flat=True
                )
            ),
            {EDITORS, MODERATORS, "Administrators"},
        )
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        self.assertTrue(workflow.active)
        self.assertEqual(self.home.get_workflow(), workflow)
        task = workflow.tasks.get().specific
        self.assertEqual(list(task.groups.values_list("name", flat=True)), [MODERATORS])

    def test_applying_roles_twice_changes_nothing(self):
        before = {group.name: group.permissions.count() for group in Group.objects.all()}
        apply_roles(apps)
        after = {group.name: group.permissions.count() for group in Group.objects.all()}
        self.assertEqual(before, after)
        self.assertEqual(Workflow.objects.filter(name=WORKFLOW_NAME).count(), 1)

    def test_editor_can_edit_but_not_publish(self):
        user = editor()
        perms = self.home.permissions_for_user(user)
        self.assertTrue(perms.can_edit())
        self.assertFalse(perms.can_publish())
        self.assertFalse(perms.can_unpublish())
        self.assertTrue(moderator().has_perm("wagtailcore.change_workflow"))
        self.assertTrue(self.home.permissions_for_user(moderator()).can_publish())

    def test_editor_publish_button_is_absent_and_posting_publish_does_not_publish(self):
        post = self.draft_post()
        self.client.force_login(editor())
        response = self.client.get(self.edit_url(post))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="action-publish"')
        self.assertContains(response, 'name="action-submit"')

        self.client.post(self.edit_url(post), self.post_data(post, title="Sneaky", **{"action-publish": "1"}))
        post.refresh_from_db()
        self.assertFalse(post.live)

    def test_editor_submits_and_moderator_approves(self):
        post = self.draft_post()
        self.client.force_login(editor())
        response = self.client.post(
            self.edit_url(post), self.post_data(post, title="Ready for review", **{"action-submit": "1"})
        )
        self.assertEqual(response.status_code, 302)
        state = WorkflowState.objects.get(object_id=str(post.pk))
        self.assertEqual(state.status, WorkflowState.STATUS_IN_PROGRESS)
        post.refresh_from_db()
        self.assertFalse(post.live)

        self.client.force_login(moderator())
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=[post.pk, "approve", state.current_task_state.pk]
        )
        response = self.client.post(approve, {"comment": "Good to go"})
        self.assertEqual(response.status_code, 302)
        post.refresh_from_db()
        self.assertTrue(post.live)
        self.assertEqual(post.title, "Ready for review")

    def test_editor_is_refused_admin_areas_outside_their_role(self):
        self.client.force_login(editor())
        for name in ("wagtailusers_users:index", "wagtailusers_groups:index", "wagtailredirects:index"):
            with self.subTest(name):
                response = self.client.get(reverse(name))
                self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        response = self.client.get(reverse("wagtailusers_users:index"), follow=True)
        self.assertContains(response, "Sorry, you do not have permission to access this area.")

    def test_administrator_manages_users_and_redirects(self):
        self.client.force_login(administrator())
        for name in ("wagtailusers_users:index", "wagtailusers_groups:index", "wagtailredirects:index"):
            with self.subTest(name):
                self.assertEqual(self.client.get(reverse(name)).status_code, 200)

    def test_only_moderators_change_the_snippets_readers_see(self):
        user, checker = editor(), moderator()
        for model in (
            "core.person",
            "blog.category",
            "events.eventseries",
            "casestudies.sector",
            "casestudies.scale",
            "glossary.glossarygroup",
        ):
            app, name = model.split(".")
            with self.subTest(model):
                self.assertTrue(user.has_perm(f"{app}.view_{name}"))  # to choose them for a page
                for action in ("add", "change", "delete"):
                    self.assertFalse(user.has_perm(f"{app}.{action}_{name}"))
                    self.assertTrue(checker.has_perm(f"{app}.{action}_{name}"))
        image_policy = policy_registry.get_by_type(get_image_model())
        self.assertTrue(image_policy.user_has_permission(user, "add"))
        someone_elses = ImageFactory(collection=Collection.get_first_root_node())
        self.assertFalse(image_policy.user_has_permission_for_instance(user, "delete", someone_elses))
        self.assertTrue(image_policy.user_has_permission_for_instance(moderator(), "delete", someone_elses))
