"""Safe to repeat: a second run updates what changed, a third changes nothing, a dry run writes nothing."""

import tempfile
from pathlib import Path

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from blog.models import BlogPage, Category
from core.models import Person
from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory
from tests.wordpress.helpers import SITE_EXPORT, UPLOADS, imported, run_import
from wordpress.models import ImportedObject

WRITTEN = (Page, BlogPage, Revision, Redirect, ImportedObject, Person, Category)


def snapshot():
    models = (*WRITTEN, get_image_model(), get_document_model())
    return {model.__name__: model.objects.count() for model in models}


class RepeatTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        BlogIndexPageFactory(parent=cls.home, title="Blog", slug="blog")

    def test_a_dry_run_reports_and_writes_nothing(self):
        before = snapshot()
        status, output, errors = run_import(SITE_EXPORT, "--media-dir", UPLOADS, "--dry-run")
        self.assertEqual(status, 0, errors)
        self.assertEqual(snapshot(), before)
        self.assertIn("Dry run: nothing was written.", output)
        self.assertIn("posts        4 would create", output)
        self.assertIn("pages        3 would create", output)
        self.assertIn("post 205 “Board minutes (private)” (line 233): private: not imported", output)

    def test_a_second_run_updates_what_changed_and_a_third_changes_nothing(self):
        self.assertEqual(run_import(SITE_EXPORT, "--media-dir", UPLOADS)[0], 0)
        first = snapshot()
        edited = SITE_EXPORT.read_text().replace(
            "<title>What the Relational Councils taught us</title>",
            "<title>What six councils taught us</title>",
        )
        with tempfile.TemporaryDirectory() as folder:
            export = Path(folder) / "export.xml"
            export.write_text(edited)
            status, second, errors = run_import(export, "--media-dir", UPLOADS)
            self.assertEqual(status, 0, errors)
            self.assertIn("posts        1 updated, 3 unchanged", second)
            self.assertIn("pages        3 unchanged", second)
            self.assertIn("attachments  3 unchanged, 1 missing", second)
            self.assertEqual(imported("post", 202).title, "What six councils taught us")
            after_second = snapshot()
            self.assertEqual(after_second["BlogPage"], first["BlogPage"])
            self.assertEqual(after_second["Image"], first["Image"])
            self.assertEqual(after_second["Revision"], first["Revision"] + 1)

            status, third, errors = run_import(export, "--media-dir", UPLOADS)
        self.assertEqual(status, 0, errors)
        self.assertIn("Nothing changed since the last import.", third)
        self.assertNotIn("created", third)
        self.assertNotIn("updated", third)
        self.assertEqual(snapshot(), after_second)

    def test_media_found_on_a_later_run_is_imported_then(self):
        status, output, _errors = run_import(SITE_EXPORT)
        self.assertEqual(status, 0)
        self.assertIn("No --media-dir given", output)
        self.assertIn("attachments  4 missing", output)
        self.assertFalse(imported("post", 201).hero_image)
        self.assertEqual(run_import(SITE_EXPORT, "--media-dir", UPLOADS)[0], 0)
        self.assertEqual(imported("post", 201).hero_image.title, "Neighbours around a table")
