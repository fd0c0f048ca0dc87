"""The glossary's pages: the index with its groups, A–Z and filter, term pages, structured data and feed."""

import datetime
import json

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, rich_text

import feedparser
from bs4 import BeautifulSoup

from glossary.alphabet import fold, index_letter, sort_key
from glossary.models import GlossaryGroup, GlossaryIndexPage, GlossaryRelatedTerm, GlossaryTermPage
from home.models import HomePage
from tests.base import SiteTestCase
from tests.factories import StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.glossary import GlossaryGroupFactory, GlossaryIndexPageFactory, GlossaryTermPageFactory


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def count_queries(client, url):
    """Queries for a warm request to `url` (earlier requests create the default settings rows, a
    content change, and fill the shared caches)."""
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def json_ld(response):
    return json.loads(soup(response).find("script", type="application/ld+json").string)


class GlossaryTestCase(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.glossary = GlossaryIndexPageFactory(parent=cls.home)

    def setUp(self):
        super().setUp()
        cache.clear()

    def term(self, title, **fields):
        return GlossaryTermPageFactory(parent=self.glossary, title=title, **fields)


class AlphabetTests(SiteTestCase):
    def test_accents_and_leading_punctuation_are_folded(self):
        self.assertEqual(fold("Éthos"), "ethos")
        self.assertEqual(fold("‘Me to we’ shift"), "me to we’ shift")
        self.assertEqual(index_letter("Éthos"), "E")
        self.assertEqual(index_letter("'quoted'"), "Q")

    def test_digits_share_one_letter_and_other_scripts_go_under_hash(self):
        self.assertEqual(index_letter("20-minute neighbourhood"), "0–9")
        self.assertEqual(index_letter("9 million"), "0–9")
        self.assertEqual(index_letter("Ωmega"), "#")

    def test_sort_order_ignores_accents(self):
        titles = ["Zebra", "Éclair", "Echo", "eagle", "20-minute neighbourhood"]
        self.assertEqual(
            sorted(titles, key=sort_key), ["20-minute neighbourhood", "eagle", "Echo", "Éclair", "Zebra"]
        )


class PageTreeTests(GlossaryTestCase):
    def test_places_in_the_tree(self):
        self.assertAllowedParentPageTypes(GlossaryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(GlossaryIndexPage, {GlossaryTermPage})
        self.assertAllowedParentPageTypes(GlossaryTermPage, {GlossaryIndexPage})
        self.assertAllowedSubpageTypes(GlossaryTermPage, set())
        self.assertEqual(GlossaryIndexPage.max_count, 1)

    def test_pages_render_and_are_editable(self):
        group = GlossaryGroup.objects.get(slug="places-and-spaces")
        term = self.term("Social plumbing", group=group, also_called="social infrastructure")
        self.assertPageIsRenderable(self.glossary)
        self.assertPageIsRenderable(term)
        self.assertPageIsEditable(
            term,
            nested_form_data(
                {
                    "title": "Social plumbing",
                    "slug": "social-plumbing",
                    "short_definition": "The small structures relationships flow through.",
                    "also_called": "social infrastructure",
                    "group": group.pk,
                    "explanation": rich_text("<p>Benches, cafés and noticeboards.</p>"),
                    "quoted_definition": "",
                    "quote_source": "",
                    "quote_url": "",
                    "related_term_links": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
                    "first_discussed_in": "",
                }
            ),
        )

    def test_the_six_seeded_groups_come_in_the_organisations_order(self):
        self.assertEqual(
            list(GlossaryGroup.objects.values_list("name", flat=True)),
            [
                "Why put relationships first",
                "Types of relationships",
                "The cost of not doing so",
                "Places and spaces",
                "The work of putting relationships first",
                "Covid-era terms",
            ],
        )

    def test_editors_manage_groups_as_snippets(self):
        self.login()
        response = self.client.get("/admin/snippets/glossary/glossarygroup/")
        self.assertContains(response, "Places and spaces")
        group = GlossaryGroupFactory(name="Words we avoid")
        self.assertEqual(
            self.client.get(f"/admin/snippets/glossary/glossarygroup/edit/{group.pk}/").status_code, 200
        )

    def test_first_discussed_in_must_be_a_post_or_convening(self):
        page = StandardPageFactory(parent=self.home, slug="about")
        term = GlossaryTermPage(
            title="Weaving", slug="weaving", short_definition="Knitting.", first_discussed_in=page
        )
        with self.assertRaises(ValidationError) as raised:
            term.clean()
        self.assertIn("first_discussed_in", raised.exception.message_dict)
        post = BlogPageFactory(parent=BlogIndexPageFactory(parent=self.home), title="Weaving")
        term.first_discussed_in = post
        term.clean()


class IndexPageTests(GlossaryTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        groups = {group.slug: group for group in GlossaryGroup.objects.all()}
        places, why = groups["places-and-spaces"], groups["why-put-relationships-first"]
        for title, group in [
            ("Zebra crossings", places),
            ("Éclair", places),
            ("Echo chambers", None),
            ("eagle-eyed neighbours", why),
            ("20-minute neighbourhood", places),
        ]:
            # A fixed definition: a random one could contain the words the filter tests look for.
            GlossaryTermPageFactory(
                parent=cls.glossary, title=title, group=group, short_definition=f"What {title} means."
            )
        GlossaryTermPageFactory(parent=cls.glossary, title="Secret draft term", live=False)

    def test_terms_are_grouped_in_group_order_and_alphabetical_within(self):
        page = soup(self.client.get("/glossary/"))
        self.assertEqual(len(page.find_all("h1")), 1)
        sections = page.select("[data-glossary-section]")
        self.assertEqual(
            [section.h2.get_text(strip=True) for section in sections],
            ["Why put relationships first", "Places and spaces", "Other terms"],
        )
        self.assertEqual(
            [dt.get_text(strip=True) for dt in sections[1].select("dt")],
            ["20-minute neighbourhood", "Éclair", "Zebra crossings"],
        )
        self.assertEqual(sections[1]["id"], "group-places-and-spaces")

    def test_a_to_z_puts_digits_first_and_files_accents_with_their_letter(self):
        page = soup(self.client.get("/glossary/?view=a-z"))
        sections = page.select("[data-glossary-section]")
        self.assertEqual([section.h2.get_text() for section in sections], ["0–9", "E", "Z"])
        self.assertEqual(
            [dt.get_text(strip=True) for dt in sections[1].select("dt")],
            ["eagle-eyed neighbours", "Echo chambers", "Éclair"],
        )

    def test_jump_bar_links_letters_with_terms_only(self):
        jump = soup(self.client.get("/glossary/?view=a-z")).find(
            "nav", attrs={"aria-label": "Jump to letter"}
        )
        self.assertEqual([a.get_text() for a in jump.find_all("a")], ["0–9", "E", "Z"])
        self.assertEqual(jump.find("a", string="E")["href"], "#letter-e")
        empty = [span.contents[0].strip() for span in jump.select(".glossary-jump__empty")]
        self.assertEqual(len(empty), 24)
        self.assertIn("B", empty)
        # From the grouped view the letters lead to the A–Z arrangement.
        grouped_jump = soup(self.client.get("/glossary/")).find("nav", attrs={"aria-label": "Jump to letter"})
        self.assertEqual(grouped_jump.find("a", string="Z")["href"], "?view=a-z#letter-z")

    def test_filter_without_javascript_hides_terms_that_do_not_match(self):
        page = soup(self.client.get("/glossary/?q=ECLAIR"))
        visible = [entry.dt.get_text(strip=True) for entry in page.select(".glossary-entry:not([hidden])")]
        self.assertEqual(visible, ["Éclair"])
        hidden_sections = [
            section.h2.get_text() for section in page.select("[data-glossary-section][hidden]")
        ]
        self.assertEqual(hidden_sections, ["Why put relationships first", "Other terms"])
        self.assertIn("1 of 5 terms match", page.select_one("[data-glossary-status]").get_text())
        self.assertEqual(page.find(id="glossary-filter-input")["value"], "ECLAIR")

    def test_filter_matches_other_names_and_says_when_nothing_matches(self):
        GlossaryTermPageFactory(parent=self.glossary, title="Warm web", also_called="cold web")
        page = soup(self.client.get("/glossary/?q=cold"))
        self.assertEqual(
            [e.dt.get_text(strip=True) for e in page.select(".glossary-entry:not([hidden])")], ["Warm web"]
        )
        nothing = soup(self.client.get("/glossary/?q=xylophone"))
        self.assertFalse(nothing.select(".glossary-entry:not([hidden])"))
        self.assertFalse(nothing.select_one("[data-glossary-empty]").has_attr("hidden"))

    def test_drafts_and_private_terms_never_appear(self):
        private = GlossaryTermPageFactory(parent=self.glossary, title="Members only")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        response = self.client.get("/glossary/?view=a-z")
        self.assertNotContains(response, "Secret draft term")
        self.assertNotContains(response, "Members only")
        names = [term["name"] for term in json_ld(response)["hasDefinedTerm"]]
        self.assertNotIn("Members only", names)
        self.assertNotIn("Secret draft term", names)

    def test_defined_term_set_lists_every_live_term(self):
        data = json_ld(self.client.get("/glossary/"))
        self.assertEqual(data["@type"], "DefinedTermSet")
        self.assertEqual(data["url"], "http://localhost/glossary/")
        self.assertEqual(len(data["hasDefinedTerm"]), 5)
        first = data["hasDefinedTerm"][0]
        self.assertEqual((first["@type"], first["name"]), ("DefinedTerm", "20-minute neighbourhood"))
        self.assertEqual(first["url"], "http://localhost/glossary/20-minute-neighbourhood/")

    def test_junk_query_parameters_are_harmless(self):
        for query in ["?view=<script>", "?q=%00%ff", "?q=" + "x" * 5000, "?view=a-z&q=&page=abc"]:
            self.assertEqual(self.client.get("/glossary/" + query).status_code, 200, query)

    def test_query_count_does_not_grow_with_the_number_of_terms(self):
        before = count_queries(self.client, "/glossary/?view=a-z")
        for number in range(6):
            GlossaryTermPageFactory(parent=self.glossary, title=f"Extra term {number}")
        self.assertEqual(count_queries(self.client, "/glossary/?view=a-z"), before)


class TermPageTests(GlossaryTestCase):
    def test_term_page_shows_definitions_other_names_and_a_stable_anchor(self):
        term = self.term(
            "Warm web vs cold web",
            short_definition="Online spaces that nurture connection, or only transactions.",
            also_called="warm web, cold web",
            explanation="<p>The internet before 2020 was mostly a <b>cold</b> web.</p>",
            quoted_definition="A web of <meaningful> relationships.",
            quote_source="Grapevine",
            quote_url="https://example.org/warm-web",
        )
        response = self.client.get("/glossary/warm-web-vs-cold-web/")
        page = soup(response)
        self.assertEqual(page.h1.get_text(strip=True), "Warm web vs cold web")
        self.assertEqual(page.h1.dfn["id"], "term-warm-web-vs-cold-web")
        self.assertContains(response, "Also called warm web, cold web")
        self.assertContains(response, "<b>cold</b> web", html=False)
        self.assertContains(response, "A web of &lt;meaningful&gt; relationships.")
        self.assertEqual(
            page.select_one(".glossary-quote figcaption a")["href"], "https://example.org/warm-web"
        )
        self.assertEqual(
            page.find("meta", attrs={"name": "description"})["content"],
            "Online spaces that nurture connection, or only transactions.",
        )
        back = page.select_one(".glossary-back a")["href"]
        self.assertEqual(back, f"/glossary/#{term.anchor}")
        index_entry = soup(self.client.get("/glossary/")).find(id=term.anchor)
        self.assertIsNotNone(index_entry)

    def test_defined_term_json_ld_names_its_set(self):
        self.term("Community weavers", also_called="community weaver")
        data = json_ld(self.client.get("/glossary/community-weavers/"))
        self.assertEqual(data["@context"], "https://schema.org")
        self.assertEqual(data["@type"], "DefinedTerm")
        self.assertEqual(data["alternateName"], ["community weaver"])
        self.assertEqual(data["inDefinedTermSet"]["@type"], "DefinedTermSet")
        self.assertEqual(data["inDefinedTermSet"]["url"], "http://localhost/glossary/")

    def test_json_ld_cannot_break_out_of_its_script(self):
        self.term("Escapes", short_definition="</script><script>alert(1)</script>")
        response = self.client.get("/glossary/escapes/")
        self.assertNotContains(response, "</script><script>alert(1)")
        self.assertEqual(json_ld(response)["description"], "</script><script>alert(1)</script>")

    def test_related_terms_read_both_ways_and_leave_out_drafts(self):
        weavers = self.term("Community weavers")
        neighbours = self.term("Active neighbours")
        draft = self.term("Draft relation", live=False)
        GlossaryRelatedTerm.objects.create(page=weavers, term=neighbours)
        GlossaryRelatedTerm.objects.create(page=weavers, term=draft)
        weavers_page = soup(self.client.get("/glossary/community-weavers/"))
        self.assertEqual(
            [dt.get_text(strip=True) for dt in weavers_page.select(".glossary-related dt")],
            ["Active neighbours"],
        )
        neighbours_page = soup(self.client.get("/glossary/active-neighbours/"))
        self.assertEqual(
            [dt.get_text(strip=True) for dt in neighbours_page.select(".glossary-related dt")],
            ["Community weavers"],
        )

    def test_first_discussed_in_links_only_a_live_page(self):
        post = BlogPageFactory(
            parent=BlogIndexPageFactory(parent=self.home), title="On relational offsetting", slug="offsetting"
        )
        self.term("Relational offsetting", first_discussed_in=post)
        response = self.client.get("/glossary/relational-offsetting/")
        self.assertContains(
            response, 'First discussed in <a href="/blog/offsetting/">On relational offsetting</a>'
        )
        post.unpublish()
        self.assertNotContains(self.client.get("/glossary/relational-offsetting/"), "First discussed in")

    def test_draft_term_is_not_served(self):
        self.term("Unready", live=False)
        self.assertEqual(self.client.get("/glossary/unready/").status_code, 404)


class SearchTests(GlossaryTestCase):
    def test_search_finds_live_terms_by_other_names_but_never_drafts(self):
        self.term("Warm web", also_called="cold web")
        self.term("Cold draft", also_called="cold web", live=False)
        results = Page.objects.live().public().search("cold")
        self.assertEqual([page.title for page in results], ["Warm web"])


class FeedTests(GlossaryTestCase):
    def test_feed_lists_new_terms_newest_first_without_drafts(self):
        older = self.term("Older term", short_definition="Said first.")
        newer = self.term("Newer term", explanation="<p>More about the <i>newer</i> term.</p>")
        self.term("Draft term", live=False)
        GlossaryTermPage.objects.filter(pk=older.pk).update(
            first_published_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
        )
        GlossaryTermPage.objects.filter(pk=newer.pk).update(
            first_published_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
        )
        response = self.client.get("/glossary/feed/")
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo)
        self.assertEqual([entry.title for entry in feed.entries], ["Newer term", "Older term"])
        self.assertEqual(feed.entries[0].link, "http://localhost/glossary/newer-term/")
        self.assertEqual(feed.entries[1].summary, "Said first.")
        self.assertIn("<i>newer</i>", feed.entries[0].content[0].value)

    def test_feed_is_advertised_on_every_page(self):
        link = soup(self.client.get("/")).find(
            "link", attrs={"type": "application/rss+xml", "href": "/glossary/feed/"}
        )
        self.assertIsNotNone(link)

    def test_feed_query_count_is_constant(self):
        for number in range(3):
            self.term(f"Feed term {number}")
        few = count_queries(self.client, "/glossary/feed/")
        for number in range(3, 8):
            self.term(f"Feed term {number}")
        self.assertEqual(count_queries(self.client, "/glossary/feed/"), few)
