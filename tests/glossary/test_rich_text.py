"""Glossary terms marked in rich text: rendering, the editor's entity and usage lists."""

import json

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import PageViewRestriction, ReferenceIndex
from wagtail.rich_text import RichText, expand_db_html
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from bs4 import BeautifulSoup

from core.blocks import RICH_TEXT_FEATURES
from tests.base import SiteTestCase
from tests.factories import StandardPageFactory
from tests.factories.glossary import GlossaryIndexPageFactory, GlossaryTermPageFactory


def mark(term, phrase):
    return f'<a linktype="glossary" id="{term.pk}">{phrase}</a>'


def body(*html):
    return [("paragraph", RichText(text)) for text in html]


class GlossaryMarkTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.glossary = GlossaryIndexPageFactory(parent=cls.home)
        cls.term = GlossaryTermPageFactory(
            parent=cls.glossary,
            title="Social plumbing",
            short_definition="The small structures that relationships flow through.",
        )

    def setUp(self):
        super().setUp()
        cache.clear()


class RenderingTests(GlossaryMarkTestCase):
    def test_mark_renders_a_link_to_the_term_carrying_its_definition(self):
        html = expand_db_html(f"<p>Good {mark(self.term, 'social plumbing')} matters.</p>")
        link = BeautifulSoup(html, "html.parser").a
        self.assertEqual(link.get_text(), "social plumbing")
        self.assertEqual(link["href"], "/glossary/social-plumbing/")
        self.assertEqual(link["class"], ["glossary-term"])
        self.assertEqual(link["data-term"], "Social plumbing")
        self.assertEqual(link["data-definition"], "The small structures that relationships flow through.")
        self.assertNotIn("title", link.attrs)

    def test_marks_render_on_a_published_page(self):
        page = StandardPageFactory(
            parent=self.home, slug="about", body=body(f"<p>{mark(self.term, 'plumbing')}</p>")
        )
        response = self.client.get(page.url)
        self.assertContains(response, 'class="glossary-term" href="/glossary/social-plumbing/"')
        self.assertContains(response, "js/site.js")

    def test_definition_text_is_escaped(self):
        self.term.short_definition = 'Pipes "and" <script>alert(1)</script>'
        self.term.save_revision().publish()
        html = expand_db_html(f"<p>{mark(self.term, 'plumbing')}</p>")
        self.assertNotIn("<script>", html)
        self.assertEqual(BeautifulSoup(html, "html.parser").a["data-definition"], self.term.short_definition)

    def test_deleted_term_degrades_to_plain_text(self):
        source = f"<p>Good {mark(self.term, 'social plumbing')} matters.</p>"
        page = StandardPageFactory(parent=self.home, slug="about", body=body(source))
        self.term.delete()
        response = self.client.get(page.url)
        paragraph = BeautifulSoup(response.content, "html.parser").select_one(".block-paragraph p")
        self.assertEqual(paragraph.get_text(), "Good social plumbing matters.")
        self.assertFalse(paragraph.find_all(href=True))
        self.assertNotContains(response, "glossary-term")

    def test_unpublished_private_or_junk_terms_degrade_too(self):
        private = GlossaryTermPageFactory(parent=self.glossary, title="Members only")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        self.term.unpublish()
        html = expand_db_html(
            f"<p>{mark(self.term, 'one')} {mark(private, 'two')} "
            '<a linktype="glossary" id="nonsense">three</a> <a linktype="glossary">four</a> '
            f'<a linktype="glossary" id="{10**30}">five</a> <a linktype="page" id="{10**30}">six</a></p>'
        )
        self.assertEqual(html, "<p><a>one</a> <a>two</a> <a>three</a> <a>four</a> <a>five</a> <a>six</a></p>")

    def test_marks_cost_the_same_queries_however_many_terms_are_marked(self):
        others = [GlossaryTermPageFactory(parent=self.glossary) for _ in range(5)]
        one = f"<p>{mark(self.term, 'plumbing')}</p>"
        many = "<p>" + " ".join(mark(term, term.title) for term in [self.term, *others]) + "</p>"
        cache.clear()
        with CaptureQueriesContext(connection) as cold_one:
            expand_db_html(one)
        cache.clear()
        with CaptureQueriesContext(connection) as cold_many:
            expand_db_html(many)
        self.assertEqual(len(cold_many), len(cold_one))
        html = expand_db_html(many)
        self.assertEqual(html.count('class="glossary-term"'), 6)

    def test_renaming_a_term_refreshes_the_cached_marks(self):
        expand_db_html(f"<p>{mark(self.term, 'plumbing')}</p>")
        self.term.title = "Social pipework"
        self.term.slug = "social-pipework"
        self.term.save_revision().publish()
        html = expand_db_html(f"<p>{mark(self.term, 'plumbing')}</p>")
        self.assertIn('href="/glossary/social-pipework/"', html)


class EditorTests(GlossaryMarkTestCase):
    def test_stored_mark_round_trips_through_the_draftail_entity(self):
        converter = ContentstateConverter(features=RICH_TEXT_FEATURES)
        source = f"<p>Good {mark(self.term, 'social plumbing')} matters.</p>"
        contentstate = converter.from_database_format(source)
        entity = json.loads(contentstate)["entityMap"]["0"]
        self.assertEqual(entity["type"], "GLOSSARY")
        self.assertEqual(entity["mutability"], "MUTABLE")
        self.assertEqual(entity["data"]["id"], self.term.pk)
        self.assertEqual(entity["data"]["title"], "Social plumbing")
        self.assertEqual(entity["data"]["parentId"], self.glossary.pk)
        self.assertIn(
            f"Good {mark(self.term, 'social plumbing')} matters.", converter.to_database_format(contentstate)
        )

    def test_editor_loads_the_glossary_button_and_keeps_a_mark_on_save(self):
        page = StandardPageFactory(parent=self.home, slug="about")
        self.login()
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(response, "glossary/js/draftail-glossary.js")
        self.assertContains(response, "Glossary term")
        self.assertPageIsEditable(
            page,
            nested_form_data(
                {
                    "title": "About",
                    "slug": "about",
                    "in_brief": "Who we are.",
                    "body": streamfield([("paragraph", rich_text(f"<p>{mark(self.term, 'plumbing')}</p>"))]),
                }
            ),
        )


class UsageListTests(GlossaryMarkTestCase):
    def usage_titles(self):
        page = BeautifulSoup(self.client.get("/glossary/social-plumbing/").content, "html.parser")
        return [link.get_text() for link in page.select(".glossary-usage li a")]

    def test_publishing_a_page_that_marks_the_term_lists_it_and_unpublishing_removes_it(self):
        page = StandardPageFactory(
            parent=self.home,
            slug="about",
            title="About us",
            live=False,
            body=body(f"<p>We care about {mark(self.term, 'social plumbing')}.</p>"),
        )
        self.assertEqual(self.usage_titles(), [])
        page.save_revision().publish()
        self.assertEqual(self.usage_titles(), ["About us"])
        reference = ReferenceIndex.get_references_to(self.term).get()
        self.assertEqual(reference.model_path, "body.paragraph.glossary")
        page.refresh_from_db()
        page.unpublish()
        self.assertEqual(self.usage_titles(), [])

    def test_an_unpublished_draft_revision_does_not_count(self):
        page = StandardPageFactory(parent=self.home, slug="about", title="About us")
        page.body = body(f"<p>{mark(self.term, 'social plumbing')}</p>")
        page.save_revision()
        self.assertEqual(self.usage_titles(), [])
        page.get_latest_revision().publish()
        self.assertEqual(self.usage_titles(), ["About us"])

    def test_removing_the_mark_and_republishing_removes_the_page(self):
        page = StandardPageFactory(parent=self.home, slug="about", title="About us")
        page.body = body(f"<p>{mark(self.term, 'social plumbing')}</p>")
        page.save_revision().publish()
        page.body = body("<p>No marks now.</p>")
        page.save_revision().publish()
        self.assertEqual(self.usage_titles(), [])

    def test_ordinary_links_to_the_term_and_private_pages_are_not_usages(self):
        StandardPageFactory(
            parent=self.home,
            slug="linker",
            title="Linker",
            body=body(f'<p><a linktype="page" id="{self.term.pk}">see the term</a></p>'),
        )
        private = StandardPageFactory(
            parent=self.home, slug="private", title="Private", body=body(f"<p>{mark(self.term, 'x')}</p>")
        )
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        self.assertEqual(self.usage_titles(), [])

    def test_usages_are_labelled_and_marks_in_other_terms_count(self):
        other = GlossaryTermPageFactory(
            parent=self.glossary,
            title="Third places",
            explanation=f"<p>Part of the {mark(self.term, 'plumbing')}.</p>",
        )
        page = BeautifulSoup(self.client.get("/glossary/social-plumbing/").content, "html.parser")
        self.assertEqual(
            page.select_one(".glossary-usage li").get_text(" ", strip=True), "Glossary term: Third places"
        )
        self.assertIsNotNone(other)
