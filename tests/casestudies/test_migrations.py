"""The migrations that turned a story's scale from a fixed choice into an editable Scale, both ways."""

from django.test import TransactionTestCase
from django.utils import timezone

from tests.migrating import latest, migrate

BEFORE = [("casestudies", "0002_add_sections_facets_and_story_fields")]
AFTER = [("casestudies", "0007_let_editors_keep_scales_up_to_date")]


class ScaleMigrationTests(TransactionTestCase):
    def setUp(self):
        self.addCleanup(migrate, latest())
        self.old = migrate(BEFORE)

    def make_story(self, apps, number, scale):
        """A story, and one saved revision of it, written with the models of the migration state."""
        ContentType = apps.get_model("contenttypes", "ContentType")
        Locale = apps.get_model("wagtailcore", "Locale")
        story_type, _ = ContentType.objects.get_or_create(app_label="casestudies", model="casestudypage")
        page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
        locale, _ = Locale.objects.get_or_create(language_code="en-gb")
        story = apps.get_model("casestudies", "CaseStudyPage").objects.create(
            title=f"Story {number}",
            draft_title=f"Story {number}",
            slug=f"story-{number}",
            path=f"9999{number:04d}",
            depth=2,
            content_type=story_type,
            locale=locale,
            short_code=f"mig{number:03d}",
            what_they_did="x",
            what_changed="x",
            scale=scale,
        )
        revision = apps.get_model("wagtailcore", "Revision").objects.create(
            content_type=story_type,
            base_content_type=page_type,
            object_id=str(story.pk),
            created_at=timezone.now(),
            content={"pk": story.pk, "title": story.title, "scale": scale},
        )
        return story.pk, revision.pk

    def state(self, apps, story_pk, revision_pk):
        story = apps.get_model("casestudies", "CaseStudyPage").objects.get(pk=story_pk)
        revision = apps.get_model("wagtailcore", "Revision").objects.get(pk=revision_pk)
        return story.scale, revision.content["scale"]

    def test_choices_become_scales_and_back(self):
        team = self.make_story(self.old, 1, "team")
        unset = self.make_story(self.old, 2, "")

        new = migrate(AFTER)
        Scale = new.get_model("casestudies", "Scale")
        self.assertEqual(
            list(Scale.objects.values_list("slug", flat=True)),
            ["individual", "team", "organisation", "place", "system"],
        )
        self.assertTrue(all(Scale.objects.values_list("description", flat=True)))
        team_scale = Scale.objects.get(slug="team")
        self.assertEqual(self.state(new, *team), (team_scale, team_scale.pk))
        self.assertEqual(self.state(new, *unset), (None, None))

        old = migrate(BEFORE)
        self.assertEqual(self.state(old, *team), ("team", "team"))
        self.assertEqual(self.state(old, *unset), ("", ""))
