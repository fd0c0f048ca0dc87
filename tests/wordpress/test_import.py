"""Importing the organisation's kind of WordPress export: what each post, page and file becomes."""

from django.test import override_settings

from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from blog.models import BlogPage, Category
from core.models import Person, StandardPage
from tests.base import UNREACHABLE_YOUTUBE, SiteTestCase
from tests.factories import PersonFactory
from tests.factories.blog import BlogIndexPageFactory, CategoryFactory
from tests.wordpress.helpers import SITE_EXPORT, UPLOADS, imported, run_import


class ImportedSiteTests(SiteTestCase):
    """The fixture export imported once, onto a site that already has a blog, an author and a category."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home, title="Blog", slug="blog")
        cls.david = PersonFactory(name="David Robinson", slug="david")
        cls.reflections = CategoryFactory(name="Reflections", slug="reflections")
        cls.status, cls.output, cls.errors = run_import(SITE_EXPORT, "--media-dir", UPLOADS)

    def test_the_import_succeeds_and_reports_what_it_did(self):
        self.assertEqual(self.status, 0, self.errors)
        for line in [
            "posts        4 created",
            "pages        3 created",
            "attachments  3 created, 1 missing",
            "authors      1 created, 1 matched to an existing one",
            "categories   1 created, 1 matched to an existing one",
            "Comments not imported: 2",
            "Other kinds of entry not imported: 1 nav_menu_item",
            "Shortcodes removed: [contact-form-7] × 1",
        ]:
            self.assertIn(line, self.output)

    def test_private_posts_missing_media_and_written_summaries_are_listed(self):
        self.assertIn("post 205 “Board minutes (private)” (line 233): private: not imported", self.output)
        self.assertIn(
            "attachment 104 “Old hall photograph” (line 85): uploads/2020/11/old-hall.jpg", self.output
        )
        summaries = self.output.split("“In brief” written from the first paragraph")[1]
        self.assertIn("post 202", summaries)
        self.assertNotIn("post 201", summaries)

    def test_authors_are_matched_by_name_before_a_person_is_created(self):
        self.assertEqual(imported("author", "drobinson"), self.david)
        self.assertEqual(Person.objects.filter(name="David Robinson").count(), 1)
        self.assertEqual(imported("author", "ionalawrence").name, "Iona Lawrence")

    def test_categories_and_tags_keep_their_slugs(self):
        self.assertEqual(imported("category", "reflections"), self.reflections)
        key_concepts = Category.objects.get(slug="key-concepts")
        self.assertEqual(key_concepts.name, "Key Concepts")
        self.assertEqual(key_concepts.description, "The ideas underneath relationship-centred practice.")
        self.assertEqual(set(Tag.objects.values_list("slug", flat=True)), {"neighbourhoods", "trust"})

    def test_a_classic_post_keeps_its_by_line_dates_terms_and_lead_image(self):
        post = imported("post", 201)
        self.assertIsInstance(post, BlogPage)
        self.assertEqual(post.get_parent().pk, self.blog.pk)
        self.assertTrue(post.live)
        self.assertEqual((post.title, post.slug), ("Relationships are the first mile", "first-mile"))
        self.assertEqual(
            post.in_brief, "Why relationships come before everything else we hope to achieve together."
        )
        self.assertEqual(post.date.isoformat(), "2021-03-14")
        self.assertEqual(post.first_published_at.isoformat(), "2021-03-14T09:30:00+00:00")
        self.assertEqual([author.person for author in post.authors.all()], [self.david])
        self.assertEqual(post.category.slug, "key-concepts")
        self.assertEqual(sorted(tag.slug for tag in post.tags.all()), ["neighbourhoods", "trust"])
        self.assertEqual(post.hero_image, imported("attachment", 101))

    def test_a_classic_body_becomes_blocks(self):
        body = imported("post", 201).body
        self.assertEqual(
            [block.block_type for block in body],
            ["paragraph", "image", "paragraph", "embed", "quote", "paragraph"],
        )
        self.assertHTMLEqual(
            body[0].value.source,
            "<p>We often speak of going the <b>extra mile</b>. Relationships are the <i>first</i> mile: "
            "the means by which other goals are reached.</p>",
        )
        image = body[1].value
        self.assertEqual(image["image"].pk, imported("attachment", 101).pk)
        self.assertEqual(image["image"].contextual_alt_text, "Neighbours at a street party")
        self.assertEqual(image["caption"], "Neighbours in Bradford share a table")
        self.assertEqual(body[3].value.url, "https://www.youtube.com/watch?v=_FMHXd4tMf8")
        self.assertEqual(body[4].value["text"], "Relationships are the first mile, not the extra one.")
        self.assertEqual(body[4].value["attribution"], "David Robinson")
        self.assertHTMLEqual(body[5].value.source, "<ul><li>Time together</li><li>Trust that grows</li></ul>")

    def test_links_to_old_posts_and_uploads_become_page_and_document_links(self):
        source = imported("post", 201).body[2].value.source
        self.assertIn("<h2>Why it matters</h2>", source)
        # Post 202 comes after 201 in the export: the link is resolved in the second pass.
        self.assertIn(
            f'<a linktype="page" id="{imported("post", 202).pk}">Relational Councils taught us</a>', source
        )
        document = imported("attachment", 103)
        self.assertIsInstance(document, get_document_model())
        self.assertIn(f'<a linktype="document" id="{document.pk}">the full report</a>', source)
        later = imported("post", 202).body[-1].value.source
        self.assertIn(f'<a linktype="page" id="{imported("post", 201).pk}">', later)

    def test_a_gutenberg_body_becomes_blocks_without_its_comments(self):
        post = imported("post", 202)
        body = post.body
        self.assertEqual(
            [block.block_type for block in body],
            ["paragraph", "image", "quote", "embed", "table", "paragraph"],
        )
        self.assertNotIn("wp:", body[0].value.source)
        self.assertIn("<h3>Slowing down</h3>", body[0].value.source)
        self.assertEqual(body[1].value["caption"], "The circle at our June convening")
        # The block's own alt is empty, so the attachment's alt text is used.
        self.assertEqual(
            body[1].value["image"].contextual_alt_text, "Twelve chairs in a circle in a community hall"
        )
        self.assertEqual(body[3].value.url, "https://vimeo.com/76979871")
        self.assertEqual(body[4].value["data"], [["Council", "Meetings"], ["Bradford", "6"], ["Leeds", "4"]])
        self.assertTrue(body[4].value["first_row_is_table_header"])
        self.assertEqual(
            post.in_brief,
            "Over six months, council officers and residents met as equals. This is what we noticed.",
        )
        self.assertEqual(post.category, self.reflections)

    def test_drafts_stay_drafts_and_future_posts_are_scheduled(self):
        draft = imported("post", 203)
        self.assertFalse(draft.live)
        self.assertEqual(draft.latest_revision.as_object().title, "Notes towards a toolkit")
        scheduled = imported("post", 204)
        self.assertFalse(scheduled.live)
        self.assertEqual(
            scheduled.latest_revision.approved_go_live_at.isoformat(), "2030-09-01T08:00:00+00:00"
        )

    def test_private_posts_are_not_imported(self):
        self.assertFalse(BlogPage.objects.filter(title__contains="Board minutes").exists())

    @override_settings(WAGTAILEMBEDS_FINDERS=UNREACHABLE_YOUTUBE)
    def test_the_imported_post_is_served(self):
        response = self.client.get(imported("post", 201).url)
        self.assertContains(response, "Neighbours in Bradford share a table")
        self.assertContains(response, 'alt="Neighbours at a street party"')
        self.assertContains(response, f'href="{imported("post", 202).url}"')

    def test_pages_keep_their_hierarchy_and_order(self):
        parent = imported("page", 301)
        self.assertIsInstance(parent, StandardPage)
        self.assertEqual(parent.get_parent().pk, self.home.pk)
        self.assertEqual([page.title for page in parent.get_children()], ["Our team", "Our history"])
        self.assertEqual(imported("page", 302).url, "/who-we-are/our-team/")
        self.assertEqual(imported("page", 302).in_brief, "The people behind the project.")

    def test_attachments_become_images_and_documents_with_their_text(self):
        image = imported("attachment", 101)
        self.assertIsInstance(image, get_image_model())
        self.assertEqual(image.title, "Neighbours around a table")
        self.assertEqual(image.description, "Six neighbours laughing around a long table in a street")
        self.assertEqual((image.width, image.height), (120, 80))
        self.assertEqual(imported("attachment", 103).title, "Relational Councils: what we learned")
        self.assertFalse(get_image_model().objects.filter(title="Old hall photograph").exists())
