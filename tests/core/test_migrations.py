"""The migrations that moved people, settings, menus and standard pages from `home` to `core`, and
that gave the menus to the site settings, both ways."""

import json

from django.db import connection
from django.test import TransactionTestCase

from tests.base import build_site_tree, restore_wagtail_roots
from tests.factories import StandardPageFactory
from tests.migrating import latest, migrate

# Unapplying core's migrations unapplies what depends on them: home.0008 and the foreign keys' moves.
BEFORE = [("core", None)]
BEFORE_STATE = [("home", "0007_add_toolbox_page_to_home_page")]


class MoveToCoreTests(TransactionTestCase):
    def setUp(self):
        self.addCleanup(migrate, latest())
        self.old = migrate(BEFORE, BEFORE_STATE)

    def make_site(self, apps, label):
        """A person who wrote a post, the site settings, a menu link and a group allowed to edit people."""
        ContentType = apps.get_model("contenttypes", "ContentType")
        Permission = apps.get_model("auth", "Permission")
        person = apps.get_model(label, "Person").objects.create(name="Ada Author", slug="ada-author")
        apps.get_model(label, "SiteSettings").objects.create(
            organisation_name="Kept Ltd", contact_email="a@b.org"
        )
        navigation = apps.get_model(label, "NavigationSettings").objects.create()
        apps.get_model(label, "MainMenuItem").objects.create(
            settings=navigation, link_text="About", link_url="https://example.org/about/", sort_order=0
        )
        person_type, _ = ContentType.objects.get_or_create(app_label=label, model="person")
        permission, _ = Permission.objects.get_or_create(
            content_type=person_type, codename="change_person", defaults={"name": "Can change person"}
        )
        group = apps.get_model("auth", "Group").objects.create(name="People keepers")
        group.permissions.add(permission)
        return person.pk, person_type.pk

    def site(self, apps, label):
        Group = apps.get_model("auth", "Group")
        return {
            "people": list(apps.get_model(label, "Person").objects.values_list("pk", "name")),
            "settings": list(
                apps.get_model(label, "SiteSettings").objects.values_list(
                    "organisation_name", "contact_email"
                )
            ),
            "menu": list(
                apps.get_model(label, "MainMenuItem").objects.values_list(
                    "link_text", "link_url", "sort_order"
                )
            ),
            "permissions": list(
                Group.objects.get(name="People keepers").permissions.values_list(
                    "content_type__app_label", "content_type__model", "codename"
                )
            ),
        }

    def test_people_settings_menus_and_permissions_survive_the_move_and_its_reversal(self):
        person_pk, type_pk = self.make_site(self.old, "home")
        before = self.site(self.old, "home")

        new = migrate(latest())
        after = self.site(new, "core")
        self.assertEqual(after["people"], [(person_pk, "Ada Author")])
        self.assertEqual(after["settings"], before["settings"])
        self.assertEqual(after["menu"], before["menu"])
        self.assertEqual(after["permissions"], [("core", "person", "change_person")])
        # The content type row itself moved, so everything that points at it by id still does.
        self.assertEqual(
            new.get_model("contenttypes", "ContentType").objects.get(pk=type_pk).app_label, "core"
        )
        self.assertIn("core_person", connection.introspection.table_names())
        self.assertNotIn("home_person", connection.introspection.table_names())

        old = migrate(BEFORE, BEFORE_STATE)
        self.assertEqual(self.site(old, "home"), before)


BEFORE_MENUS_MOVE = [("core", "0002_rename_site_tables")]


class MenusJoinSiteSettingsTests(TransactionTestCase):
    def setUp(self):
        self.addCleanup(migrate, latest())
        self.old = migrate(BEFORE_MENUS_MOVE)

    def links(self, apps):
        return {
            name: list(
                apps.get_model("core", name).objects.values_list("link_text", "link_url", "sort_order")
            )
            for name in ("MainMenuItem", "FooterLink")
        }

    def test_links_move_to_the_site_settings_and_back(self):
        # The links go to the site settings `SiteSettings.load()` reads: the first.
        SiteSettings = self.old.get_model("core", "SiteSettings")
        site_settings = SiteSettings.objects.order_by("pk").first() or SiteSettings.objects.create()
        navigation = self.old.get_model("core", "NavigationSettings").objects.create()
        self.old.get_model("core", "MainMenuItem").objects.create(
            settings=navigation, link_text="About", link_url="https://example.org/about/", sort_order=0
        )
        self.old.get_model("core", "FooterLink").objects.create(
            settings=navigation, link_text="Privacy", link_url="https://example.org/privacy/", sort_order=0
        )
        before = self.links(self.old)

        new = migrate(latest())
        self.assertEqual(self.links(new), before)
        for name in ("MainMenuItem", "FooterLink"):
            self.assertEqual(
                set(new.get_model("core", name).objects.values_list("settings_id", flat=True)),
                {site_settings.pk},
            )
        self.assertNotIn("core_navigationsettings", connection.introspection.table_names())

        old = migrate(BEFORE_MENUS_MOVE)
        self.assertEqual(self.links(old), before)
        navigation = old.get_model("core", "NavigationSettings").objects.get()
        self.assertEqual(navigation.menu_items.count() + navigation.footer_links.count(), 2)


BEFORE_TESTIMONIAL_RENAME = [
    ("home", "0008_hand_site_models_to_core"),
    ("core", "0005_drop_navigation_settings"),
]


class TestimonialFieldsTests(TransactionTestCase):
    """A testimonial took a quote's field names; its words must follow, in pages and their drafts."""

    def setUp(self):
        restore_wagtail_roots()
        self.addCleanup(migrate, latest())
        self.home = build_site_tree()
        words = {"text": "It kept me going.", "attribution": "Sam", "role": "Community Weaver"}
        self.home.testimonials = [("testimonial", words)]
        self.home.save_revision().publish()
        self.page = StandardPageFactory(parent=self.home, body=[("testimonial", words)])
        self.page.body = [("testimonial", {**words, "text": "A draft."})]
        self.page.save_revision()

    def stored(self, apps):
        """Each place's testimonial values, as stored: the home page, the page, and the page's draft."""
        home = apps.get_model("home", "HomePage").objects.get(pk=self.home.pk)
        page = apps.get_model("core", "StandardPage").objects.get(pk=self.page.pk)
        draft = apps.get_model("wagtailcore", "Revision").objects.filter(object_id=str(page.pk)).latest("pk")
        return [
            home.testimonials.raw_data[0]["value"],
            page.body.raw_data[0]["value"],
            json.loads(draft.content["body"])[0]["value"],
        ]

    def test_names_and_contexts_become_attributions_and_roles_and_back(self):
        old = migrate(BEFORE_TESTIMONIAL_RENAME)
        self.assertEqual(
            [(value["name"], value["context"]) for value in self.stored(old)],
            [("Sam", "Community Weaver")] * 3,
        )

        new = migrate(latest())
        values = self.stored(new)
        self.assertEqual(
            [(value["attribution"], value["role"]) for value in values], [("Sam", "Community Weaver")] * 3
        )
        self.assertEqual(
            [value["text"] for value in values], ["It kept me going.", "It kept me going.", "A draft."]
        )
        self.assertFalse({"name", "context"} & {key for value in values for key in value})
