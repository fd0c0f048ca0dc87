"""The import indexes what it made once, at the end: site search and usage counts must come out
as if every save had indexed itself, and saves after the import index themselves again."""

from io import StringIO

from django.core.management import call_command

from wagtail.models import ReferenceIndex

from tests.base import SiteTestCase
from tests.factories.blog import BlogIndexPageFactory
from tests.wordpress.helpers import SITE_EXPORT, UPLOADS, imported, run_import


def references():
    return set(
        ReferenceIndex.objects.values_list(
            "content_type", "base_content_type", "object_id", "to_content_type", "to_object_id",
            "model_path", "content_path",
        )
    )  # fmt: skip


class ImportIndexingTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        BlogIndexPageFactory(parent=cls.home, title="Blog", slug="blog")
        cls.status, cls.output, cls.errors = run_import(SITE_EXPORT, "--media-dir", UPLOADS)

    def test_imported_posts_are_found_by_site_search(self):
        self.assertEqual(self.status, 0, self.errors)
        response = self.client.get("/search/", {"q": "Relational Councils taught"})
        self.assertContains(response, f'href="{imported("post", 202).url}"')
        response = self.client.get("/search/", {"q": "history"})
        self.assertContains(response, f'href="{imported("page", 303).url}"')

    def test_usage_counts_see_the_imported_links_and_lead_images(self):
        linking = imported("post", 201)
        linked_ids = {
            (reference.content_type.model, int(reference.object_id))
            for reference in ReferenceIndex.get_references_to(imported("post", 202))
        }
        self.assertIn(("blogpage", linking.pk), linked_ids)
        self.assertTrue(ReferenceIndex.get_references_to(imported("attachment", 101)).exists())

    def test_the_reference_index_is_what_wagtail_would_have_recorded(self):
        recorded = references()
        call_command("rebuild_references_index", stdout=StringIO())
        self.assertEqual(recorded, references())

    def test_saves_after_the_import_index_themselves_again(self):
        post = imported("post", 201)
        post.title = "Zanzibar afternoons"
        post.save_revision().publish()
        response = self.client.get("/search/", {"q": "Zanzibar"})
        self.assertContains(response, f'href="{post.url}"')
