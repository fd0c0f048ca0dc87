"""Hostile and broken exports: refused with a clear message and nothing written, or cleaned on the way in."""

from wagtail.models import Page

from blog.models import BlogPage
from tests.base import UNREACHABLE_YOUTUBE, SiteTestCase
from tests.factories.blog import BlogIndexPageFactory
from tests.wordpress.helpers import FIXTURES, imported, run_import
from wordpress.models import ImportedObject

REFUSED = {
    "xxe.xml": "refused: it declares a document type (DTD)",
    "billion-laughs.xml": "refused: it declares a document type (DTD)",
    "truncated.xml": "line 98, column 18: not a complete XML file (unclosed token); was the export cut short?",
    "wrong-root.xml": "line 3: the file starts with <feed>, not the <rss> of a WordPress export",
    "rss-not-wxr.xml": "line 5: no <wp:wxr_version> before the first entry",
}


class RefusedFileTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        BlogIndexPageFactory(parent=cls.home, title="Blog", slug="blog")

    def test_each_bad_file_is_refused_with_its_reason_and_nothing_is_written(self):
        pages = Page.objects.count()
        for name, message in REFUSED.items():
            with self.subTest(name):
                status, output, errors = run_import(FIXTURES / name)
                self.assertEqual(status, 1)
                self.assertIn(message, errors)
                self.assertNotIn("Traceback", errors)
                self.assertEqual(output, "")
        self.assertEqual(Page.objects.count(), pages)
        self.assertFalse(ImportedObject.objects.exists())

    def test_a_missing_file_or_parent_is_a_clear_error(self):
        self.assertIn("no such file", run_import(FIXTURES / "nothing-here.xml")[2])
        self.assertIn("no such page", run_import(FIXTURES / "site.xml", "--parent", "/nowhere/")[2])
        self.assertFalse(ImportedObject.objects.exists())


class HostileContentTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        BlogIndexPageFactory(parent=cls.home, title="Blog", slug="blog")
        cls.status, cls.output, cls.errors = run_import(
            FIXTURES / "hostile-body.xml", "--media-dir", FIXTURES / "hostile-uploads"
        )

    def test_a_broken_item_is_skipped_and_reported_and_the_rest_go_in(self):
        self.assertEqual(self.status, 1)
        self.assertIn("Skipped because of an error (1):", self.output)
        self.assertIn("attachment 12 “Not really a photograph”", self.output)
        self.assertIn("1 item(s) skipped", self.errors)
        self.assertTrue(BlogPage.objects.filter(title="A post with a payload", live=True).exists())

    def test_an_attachment_path_outside_the_uploads_folder_is_never_read(self):
        self.assertIn("attachment 11 “Climbing out”", self.output.split("Media files missing")[1])

    def test_scripts_handlers_and_foreign_frames_never_reach_the_page(self):
        post = imported("post", 21)
        stored = str(list(post.body.raw_data)) + post.in_brief
        with self.settings(WAGTAILEMBEDS_FINDERS=UNREACHABLE_YOUTUBE):
            served = self.client.get(post.url).content.decode()
        body = served.split('<div class="prose">', 1)[1].split('<footer class="post-footer">', 1)[0]
        # The author's display name is plain text, tags and all, and shown escaped.
        self.assertIn("Mallory &lt;script&gt;", served)
        for text in (stored, body):
            for forbidden in (
                "<script",
                "javascript:",
                "onclick",
                "onerror",
                "onmouseover",
                "onload",
                "evil.example",
                "<style",
                "<svg",
                "alert(",
            ):
                self.assertNotIn(forbidden, text.lower())
        self.assertIn("a fine link", body)
        self.assertEqual(post.in_brief, "Excerpt with markup")
        self.assertEqual([block.block_type for block in post.body].count("embed"), 1)
        self.assertEqual(
            post.body[[b.block_type for b in post.body].index("embed")].value.url,
            "https://www.youtube.com/watch?v=_FMHXd4tMf8",
        )
        self.assertIn("Elements removed: <iframe> × 1, <script> × 1, <style> × 1, <svg> × 1", self.output)

    def test_a_dry_run_finds_the_broken_item_too_and_writes_nothing(self):
        pages = Page.objects.count()
        status, output, _errors = run_import(
            FIXTURES / "hostile-body.xml", "--media-dir", FIXTURES / "hostile-uploads", "--dry-run"
        )
        self.assertEqual(status, 1)
        self.assertIn(
            "attachment 12 “Not really a photograph” (line 29): MediaRefused: not a readable image", output
        )
        self.assertEqual(Page.objects.count(), pages)
