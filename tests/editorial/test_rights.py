"""What each editorial group may do in the admin to what readers see: every action is tried by a
member of each group against a fresh object, and its effect (not just the answer) is checked.

Editors write drafts and may delete their own; changing the snippets readers see, locking,
unlocking, unpublishing and deleting anything live or anyone else's are Moderators' rights.
"""

from django.urls import reverse

from wagtail.models import Page

from casestudies.models import Sector
from core.roles import ADMINISTRATORS, EDITORS, MODERATORS
from tests.base import SiteTestCase
from tests.factories import StandardPageFactory
from tests.factories.casestudies import SectorFactory
from tests.factories.editors import administrator, editor, moderator

SECTOR = "wagtailsnippets_casestudies_sector:"


def page_url(name, page):
    return reverse(f"wagtailadmin_pages:{name}", args=[page.pk])


class EditorRightsSweepTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.users = {EDITORS: editor(), MODERATORS: moderator(), ADMINISTRATORS: administrator()}
        cls.colleague = editor()

    def live_page(self):
        return StandardPageFactory(parent=self.home, owner=self.colleague)

    def draft(self, owner):
        page = StandardPageFactory(parent=self.home, owner=owner, live=False)
        page.save_revision(user=owner)
        return page

    # Each action: (what it does, returns a check that it took effect)
    def add_sector(self, user):
        self.client.post(reverse(SECTOR + "add"), {"name": "Added", "slug": "added"})
        return lambda: Sector.objects.filter(slug="added").exists()

    def edit_sector(self, user):
        sector = SectorFactory()
        changed = f"Changed {sector.pk}"
        self.client.post(reverse(SECTOR + "edit", args=[sector.pk]), {"name": changed, "slug": sector.slug})
        return lambda: Sector.objects.get(pk=sector.pk).name == changed

    def delete_sector(self, user):
        sector = SectorFactory()
        self.client.post(reverse(SECTOR + "delete", args=[sector.pk]))
        return lambda: not Sector.objects.filter(pk=sector.pk).exists()

    def lock_live_page(self, user):
        page = self.live_page()
        self.client.post(page_url("lock", page))
        return lambda: Page.objects.get(pk=page.pk).locked

    def unlock_colleagues_lock(self, user):
        page = self.live_page()
        Page.objects.filter(pk=page.pk).update(locked=True, locked_by=self.colleague)
        self.client.post(page_url("unlock", page))
        return lambda: not Page.objects.get(pk=page.pk).locked

    def unpublish_live_page(self, user):
        page = self.live_page()
        self.client.post(page_url("unpublish", page))
        return lambda: not Page.objects.get(pk=page.pk).live

    def delete_live_page(self, user):
        page = self.live_page()
        self.client.post(page_url("delete", page))
        return lambda: not Page.objects.filter(pk=page.pk).exists()

    def delete_colleagues_draft(self, user):
        page = self.draft(self.colleague)
        self.client.post(page_url("delete", page))
        return lambda: not Page.objects.filter(pk=page.pk).exists()

    def bulk_delete_colleagues_draft(self, user):
        page = self.draft(self.colleague)
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        self.client.post(f"{url}?id={page.pk}")
        return lambda: not Page.objects.filter(pk=page.pk).exists()

    def delete_own_draft(self, user):
        page = self.draft(user)
        self.client.post(page_url("delete", page))
        return lambda: not Page.objects.filter(pk=page.pk).exists()

    def test_every_action_for_every_group(self):
        actions = {
            self.add_sector: {MODERATORS, ADMINISTRATORS},
            self.edit_sector: {MODERATORS, ADMINISTRATORS},
            self.delete_sector: {MODERATORS, ADMINISTRATORS},
            self.lock_live_page: {MODERATORS, ADMINISTRATORS},
            self.unlock_colleagues_lock: {MODERATORS, ADMINISTRATORS},
            self.unpublish_live_page: {MODERATORS, ADMINISTRATORS},
            self.delete_live_page: {MODERATORS, ADMINISTRATORS},
            self.delete_colleagues_draft: {MODERATORS, ADMINISTRATORS},
            self.bulk_delete_colleagues_draft: {MODERATORS, ADMINISTRATORS},
            self.delete_own_draft: {EDITORS, MODERATORS, ADMINISTRATORS},
        }
        outcomes = {}
        for action in actions:
            for group, user in self.users.items():
                self.client.force_login(user)
                took_effect = action(user)
                outcomes[(action.__name__, group)] = took_effect()
                Sector.objects.filter(slug="added").delete()
        expected = {
            (action.__name__, group): group in allowed
            for action, allowed in actions.items()
            for group in self.users
        }
        wrong = {key: f"took effect: {outcomes[key]}" for key in expected if outcomes[key] != expected[key]}
        self.assertEqual(wrong, {})
