"""Site search: findability, ranking, filters, counts, highlighting, promotions, the glossary card and logging."""

import datetime
import json

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, get_page_models
from wagtail.search import index
from wagtail.test.utils import WagtailTestUtils

from bs4 import BeautifulSoup

from core.models import ListingFieldsMixin
from search.models import UnansweredSearch
from search.query import SearchQuery, highlight
from search.registry import SEARCH_TYPES
from tests.base import SiteTestCase
from tests.factories import StandardPageFactory, paragraph_body
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.casestudies import CaseMakerPageFactory, CaseStudyPageFactory
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.glossary import GlossaryIndexPageFactory, GlossaryTermPageFactory


class SearchSiteTestCase(SiteTestCase):
    """The site tree with an index page for every content app."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.events = EventIndexPageFactory(parent=cls.home)
        cls.case_maker = CaseMakerPageFactory(parent=cls.home)
        cls.glossary = GlossaryIndexPageFactory(parent=cls.home)

    def search(self, **params):
        response = self.client.get("/search/", params)
        self.assertEqual(response.status_code, 200)
        return response

    def result_titles(self, response):
        soup = BeautifulSoup(response.content, "html.parser")
        return [heading.get_text() for heading in soup.select(".search-hit__title")]


class FindabilityTests(SearchSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.pages = {
            "posts": BlogPageFactory(
                parent=cls.blog,
                title="Postitle heading",
                in_brief="Postbrief summary",
                body=paragraph_body("Postbody words"),
            ),
            "convenings": EventPageFactory(
                parent=cls.events,
                title="Conventitle heading",
                in_brief="Convenbrief summary",
                body=paragraph_body("Convenbody words"),
            ),
            "stories": CaseStudyPageFactory(
                parent=cls.case_maker,
                title="Storytitle heading",
                in_brief="Storybrief summary",
                body=paragraph_body("Storybody words"),
            ),
            "pages": StandardPageFactory(
                parent=cls.home,
                title="Pagetitle heading",
                in_brief="Pagebrief summary",
                body=paragraph_body("Pagebody words"),
            ),
        }
        cls.term = GlossaryTermPageFactory(
            parent=cls.glossary, title="Glosstitle", short_definition="Glossdefinition sentence"
        )

    def test_every_page_type_is_found_by_title_in_brief_and_body(self):
        words = {
            "posts": ("Postitle", "Postbrief", "Postbody"),
            "convenings": ("Conventitle", "Convenbrief", "Convenbody"),
            "stories": ("Storytitle", "Storybrief", "Storybody"),
            "pages": ("Pagetitle", "Pagebrief", "Pagebody"),
        }
        for key, page in self.pages.items():
            for word in words[key]:
                with self.subTest(type=key, word=word):
                    response = self.search(q=word.lower())
                    self.assertEqual([hit.url for hit in response.context["hits"]], [page.url])

    def test_glossary_terms_are_found_by_title_and_definition(self):
        for word in ("glosstitle", "glossdefinition"):
            with self.subTest(word=word):
                response = self.search(q=word)
                self.assertEqual([hit.url for hit in response.context["hits"]], [self.term.url])

    def test_results_show_type_label_date_and_highlighted_in_brief(self):
        post = self.pages["posts"]
        response = self.search(q="postbrief")
        soup = BeautifulSoup(response.content, "html.parser")
        hit = soup.select_one(".search-hit")
        self.assertEqual(hit.select_one(".card__label").get_text(strip=True), "Post")
        self.assertEqual(hit.select_one("time")["datetime"], post.date.isoformat())
        self.assertEqual(
            str(hit.select_one(".search-hit__summary")),
            '<p class="search-hit__summary"><mark>Postbrief</mark> summary</p>',
        )

    def test_convenings_show_their_start_date(self):
        event = self.pages["convenings"]
        response = self.search(q="convenbrief")
        time = BeautifulSoup(response.content, "html.parser").select_one(".search-hit time")
        self.assertEqual(time.get_text(), timezone.localtime(event.start).strftime("%-d %B %Y"))

    def test_update_index_rebuilds_what_search_finds(self):
        call_command("update_index", verbosity=0)
        response = self.search(q="storybody")
        self.assertEqual([hit.url for hit in response.context["hits"]], [self.pages["stories"].url])

    def test_every_listable_page_type_is_registered(self):
        registered = {model for search_type in SEARCH_TYPES for model in search_type.models}
        listable = {model for model in get_page_models() if issubclass(model, ListingFieldsMixin)}
        self.assertLessEqual(listable, registered)

    def test_every_registered_type_boosts_title_and_summary(self):
        for search_type in SEARCH_TYPES:
            for model in search_type.models:
                fields = {
                    field.field_name: field
                    for field in model.get_search_fields()
                    if isinstance(field, index.SearchField)
                }
                for name in ("title", search_type.summary_attr):
                    with self.subTest(model=model, field=name):
                        self.assertGreater(fields[name].boost or 1, 1)


class RankingAndSortTests(SearchSiteTestCase):
    def test_a_title_match_ranks_above_a_body_match(self):
        body_match = StandardPageFactory(
            parent=self.home,
            title="Notes",
            in_brief="A short page.",
            body=paragraph_body("Kinship kinship kinship comes up again and again here."),
        )
        title_match = BlogPageFactory(
            parent=self.blog,
            title="Why kinship matters in places that have been let down",
            in_brief="A longer essay.",
            body=paragraph_body("Many more words about many other things. " * 30),
        )
        response = self.search(q="kinship")
        self.assertEqual([hit.url for hit in response.context["hits"]], [title_match.url, body_match.url])

    def test_newest_sort_orders_by_first_publication(self):
        older = StandardPageFactory(parent=self.home, title="Lantern older", in_brief="x")
        newer = StandardPageFactory(parent=self.home, title="Lantern newer", in_brief="x")
        now = timezone.now()
        Page.objects.filter(pk=older.pk).update(first_published_at=now - datetime.timedelta(days=30))
        Page.objects.filter(pk=newer.pk).update(first_published_at=now - datetime.timedelta(days=1))
        response = self.search(q="lantern", sort="newest")
        self.assertEqual([hit.url for hit in response.context["hits"]], [newer.url, older.url])
        self.assertEqual(response.context["sort"], "newest")

    def test_ten_results_per_page_with_pagination(self):
        for number in range(23):
            StandardPageFactory(parent=self.home, title=f"Harbour {number}", in_brief="x")
        first = self.search(q="harbour")
        self.assertEqual(len(first.context["hits"]), 10)
        self.assertEqual(first.context["total"], 23)
        third = self.search(q="harbour", page="3")
        self.assertEqual(len(third.context["hits"]), 3)
        urls = set()
        for page_number in (1, 2, 3):
            urls.update(hit.url for hit in self.search(q="harbour", page=page_number).context["hits"])
        self.assertEqual(len(urls), 23)

    def test_a_page_of_results_reads_the_same_twice(self):
        for number in range(23):
            StandardPageFactory(parent=self.home, title=f"Harbour {number}", in_brief="x")
        first, again = self.search(q="harbour", page="3"), self.search(q="harbour", page="3")
        for response in (first, again):
            results_page = response.context["results_page"]
            self.assertEqual(len(response.context["hits"]), 3)
            self.assertEqual(list(results_page), response.context["hits"])
            self.assertEqual((results_page.number, results_page.paginator.num_pages), (3, 3))
            self.assertTrue(results_page.has_previous())
        self.assertEqual(again.content, first.content)


class FilterAndCountTests(SearchSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for number in range(3):
            BlogPageFactory(parent=cls.blog, title=f"Meadow post {number}")
        for number in range(2):
            EventPageFactory(parent=cls.events, title=f"Meadow convening {number}")
        CaseStudyPageFactory(parent=cls.case_maker, title="Meadow story")
        GlossaryTermPageFactory(parent=cls.glossary, title="Meadowsweet", short_definition="A meadow word.")
        StandardPageFactory(parent=cls.home, title="Unrelated page")

    def test_counts_per_type(self):
        response = self.search(q="meadow")
        self.assertEqual(
            response.context["counts"],
            {"all": 7, "posts": 3, "convenings": 2, "stories": 1, "glossary": 1, "pages": 0, "map": 0},
        )
        soup = BeautifulSoup(response.content, "html.parser")
        links = {link.get_text(" ", strip=True) for link in soup.select(".search-filters a")}
        self.assertEqual(
            links,
            {
                "Everything 7",
                "Posts 3",
                "Convenings 2",
                "Stories 1",
                "Glossary 1",
                "Pages 0",
                "Relationships Map 0",
            },
        )

    def test_type_filter_narrows_results_and_keeps_all_counts(self):
        response = self.search(q="meadow", type="convenings")
        self.assertEqual(sorted(self.result_titles(response)), ["Meadow convening 0", "Meadow convening 1"])
        self.assertEqual(response.context["counts"]["all"], 7)
        self.assertEqual(response.context["total"], 2)
        current = BeautifulSoup(response.content, "html.parser").select_one(".search-filters [aria-current]")
        self.assertEqual(current.get_text(" ", strip=True), "Convenings 2")

    def test_filter_links_keep_the_query_and_reset_the_page(self):
        response = self.search(q="meadow", page="1", sort="newest")
        soup = BeautifulSoup(response.content, "html.parser")
        hrefs = [link["href"] for link in soup.select(".search-filters a")]
        self.assertIn("?q=meadow&sort=newest&type=posts", hrefs)

    def test_a_results_page_takes_a_constant_number_of_queries(self):
        def build(word, copies):
            # Same-length titles and identical text, so every type ranks alike and page one mixes them.
            for number in range(copies):
                for parent, factory, kind in (
                    (self.blog, BlogPageFactory, "post"),
                    (self.events, EventPageFactory, "talk"),
                    (self.case_maker, CaseStudyPageFactory, "tale"),
                    (self.home, StandardPageFactory, "page"),
                ):
                    factory(
                        parent=parent, title=f"{word} {kind} {number}", in_brief="x", body=paragraph_body("x")
                    )
            GlossaryTermPageFactory(parent=self.glossary, title=word, short_definition="x")

        def measure(word, **params):
            self.search(q=word, **params)  # warms per-process caches (content types, site root paths)
            with CaptureQueriesContext(connection) as queries:
                response = self.search(q=word, **params)
            self.assertTrue(response.context["hits"])
            return len(queries)

        build("Solitary", 1)
        build("Crowded", 20)
        # Unfiltered pages cost one query per type shown, never per match.
        self.assertLessEqual(measure("crowded"), measure("solitary"))
        for search_type in SEARCH_TYPES:
            with self.subTest(type=search_type.key):
                self.assertEqual(
                    measure("solitary", type=search_type.key), measure("crowded", type=search_type.key)
                )


class HighlightTests(SearchSiteTestCase):
    def test_highlight_escapes_before_marking(self):
        self.assertEqual(
            highlight('Tea & <b>"kinship"</b>', ["kinship", "amp", "lt"]),
            "Tea &amp; &lt;b&gt;&quot;<mark>kinship</mark>&quot;&lt;/b&gt;",
        )

    def test_highlight_marks_word_starts_case_insensitively(self):
        self.assertEqual(
            highlight("Relationships and relational work", ["relation"]),
            "<mark>Relationships</mark> and <mark>relational</mark> work",
        )

    def test_single_letters_are_not_highlighted(self):
        self.assertEqual(highlight("a cat", ["a"]), "a cat")

    def test_a_page_titled_script_renders_inert(self):
        StandardPageFactory(
            parent=self.home,
            title="<script>alert('owned')</script> scriptword",
            in_brief="<img src=x onerror=alert(1)> scriptword",
        )
        response = self.search(q="scriptword")
        html = response.content.decode()
        self.assertNotIn("<script>alert", html)
        self.assertNotIn("<img src=x", html)
        self.assertIn("&lt;script&gt;alert(&#x27;owned&#x27;)&lt;/script&gt; <mark>scriptword</mark>", html)
        soup = BeautifulSoup(html, "html.parser")
        self.assertEqual(soup.select(".search-results script, .search-results img"), [])


class PromotionTests(SearchSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.organic = BlogPageFactory(parent=cls.blog, title="Belonging in practice")
        cls.promoted = StandardPageFactory(parent=cls.home, title="Belonging toolkit", in_brief="Tools.")
        cls.unrelated = StandardPageFactory(parent=cls.home, title="Connect", in_brief="Join us.")
        query = Query.get("belonging")
        SearchPromotion.objects.create(
            query=query, page=cls.promoted, sort_order=1, description="Start here."
        )
        SearchPromotion.objects.create(query=query, page=cls.unrelated, sort_order=0)
        SearchPromotion.objects.create(
            query=query,
            external_link_url="https://example.org/belonging",
            external_link_text="Belonging report",
            sort_order=2,
        )

    def test_promotions_come_first_in_order_and_are_not_repeated(self):
        response = self.search(q="Belonging")
        self.assertEqual(
            self.result_titles(response),
            ["Connect", "Belonging toolkit", "Belonging report", "Belonging in practice"],
        )
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(len(soup.select(".search-hit--promoted")), 3)
        promoted = soup.select(".search-hit--promoted")
        self.assertIn("Join us.", promoted[0].get_text())  # a pick without a description shows In brief
        self.assertIn("Start here.", promoted[1].get_text())

    def test_promotions_are_counted_once(self):
        response = self.search(q="belonging")
        self.assertEqual(response.context["counts"]["all"], 4)
        self.assertEqual(response.context["counts"]["pages"], 2)
        self.assertEqual(response.context["counts"]["posts"], 1)

    def test_a_type_filter_keeps_only_promotions_of_that_type(self):
        response = self.search(q="belonging", type="posts")
        self.assertEqual(self.result_titles(response), ["Belonging in practice"])
        response = self.search(q="belonging", type="pages")
        self.assertEqual(self.result_titles(response), ["Connect", "Belonging toolkit"])

    def test_promotions_appear_only_on_the_first_page(self):
        for number in range(12):
            StandardPageFactory(parent=self.home, title=f"Belonging extra {number}", in_brief="x")
        second = self.search(q="belonging", page="2")
        self.assertEqual(second.context["promotions"], [])

    def test_empty_query_suggests_promoted_searches(self):
        response = self.search(q="")
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertEqual([link.get_text() for link in soup.select(".search-suggestions a")], ["belonging"])
        self.assertEqual(soup.select_one(".search-suggestions a")["href"], "?q=belonging")


class GlossaryCardTests(SearchSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.term = GlossaryTermPageFactory(
            parent=cls.glossary,
            title="Relational practice",
            short_definition="Work that puts relationships first.",
        )
        GlossaryTermPageFactory(parent=cls.glossary, title="Practice", short_definition="Doing the work.")

    def card(self, response):
        return BeautifulSoup(response.content, "html.parser").select_one(".glossary-answer")

    def test_exact_term_shows_its_definition_above_results(self):
        response = self.search(q="relational  PRACTICE")
        card = self.card(response)
        self.assertEqual(card.select_one("h2").get_text(), "Relational practice")
        self.assertEqual(card.select_one("a")["href"], self.term.url)
        self.assertIn("Work that puts relationships first.", card.get_text())
        html = response.content.decode()
        self.assertLess(html.index("glossary-answer"), html.index("search-results__list"))

    def test_the_longest_term_named_within_the_query_wins(self):
        response = self.search(q="what is relational practice")
        self.assertEqual(response.context["glossary_term"], self.term)

    def test_no_card_when_no_term_is_named(self):
        response = self.search(q="relational")
        self.assertIsNone(response.context["glossary_term"])
        self.assertIsNone(self.card(response))


class AutocompleteTests(SearchSiteTestCase):
    def test_suggestions_are_titles_urls_and_types(self):
        post = BlogPageFactory(parent=self.blog, title="Weaving communities together")
        term = GlossaryTermPageFactory(parent=self.glossary, title="Weaver")
        response = self.client.get("/search/suggest/", {"q": "weav"})
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        results = json.loads(response.content)["results"]
        self.assertCountEqual(
            results,
            [
                {"title": post.title, "url": post.url, "type": "Post"},
                {"title": term.title, "url": term.url, "type": "Glossary term"},
            ],
        )

    def test_at_most_eight_suggestions(self):
        for number in range(10):
            StandardPageFactory(parent=self.home, title=f"Orchard {number}")
        self.assertEqual(len(self.client.get("/search/suggest/", {"q": "orch"}).json()["results"]), 8)

    def test_one_character_suggests_nothing(self):
        StandardPageFactory(parent=self.home, title="Orchard")
        self.assertEqual(self.client.get("/search/suggest/", {"q": "o"}).json()["results"], [])


class PageFurnitureTests(SearchSiteTestCase):
    def test_results_pages_are_noindex(self):
        for params in ({}, {"q": "anything"}):
            soup = BeautifulSoup(self.search(**params).content, "html.parser")
            self.assertEqual(soup.select_one('meta[name="robots"]')["content"], "noindex, follow")

    def test_one_h1_and_a_labelled_search_form(self):
        soup = BeautifulSoup(self.search(q="anything").content, "html.parser")
        self.assertEqual(len(soup.select("h1")), 1)
        field = soup.select_one("#search-page-input")
        self.assertEqual(field["value"], "anything")
        self.assertIsNotNone(soup.select_one('label[for="search-page-input"]'))

    def test_header_search_box_is_on_every_page(self):
        page = StandardPageFactory(parent=self.home, title="About")
        for url in ("/", page.url, "/search/"):
            with self.subTest(url=url):
                soup = BeautifulSoup(self.client.get(url).content, "html.parser")
                field = soup.select_one("header #site-search-input")
                self.assertEqual(field["data-suggest-url"], "/search/suggest/")
                self.assertEqual(field.find_parent("form")["action"], "/search/")
                self.assertIsNotNone(soup.select_one('script[src$="js/site.js"]'))


class QueryLoggingTests(SearchSiteTestCase, WagtailTestUtils):
    def test_each_search_adds_a_hit(self):
        StandardPageFactory(parent=self.home, title="Compass")
        self.search(q="Compass")
        self.search(q="compass  ")
        self.assertEqual(Query.get("compass").hits, 2)

    def test_later_pages_filters_and_sorts_are_not_logged_again(self):
        for number in range(11):
            StandardPageFactory(parent=self.home, title=f"Compass {number}")
        self.search(q="compass", page="2")
        self.search(q="compass", type="pages")
        self.search(q="compass", sort="newest")
        self.assertEqual(Query.get("compass").hits, 0)

    def test_searches_that_find_nothing_are_recorded_until_answered(self):
        self.search(q="zeitgeist")
        self.search(q="Zeitgeist")
        entry = UnansweredSearch.objects.get(query__query_string="zeitgeist")
        self.assertEqual(entry.times, 2)
        StandardPageFactory(parent=self.home, title="Zeitgeist")
        self.search(q="zeitgeist")
        self.assertFalse(UnansweredSearch.objects.exists())

    def test_report_lists_unanswered_searches_for_superusers(self):
        self.search(q="zeitgeist")
        self.login()
        response = self.client.get("/admin/reports/unanswered-searches/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "zeitgeist")
        self.assertContains(response, "/search/?q=zeitgeist")

    def test_report_is_for_editors_who_can_promote_results(self):
        self.search(q="zeitgeist")
        admin_access = Permission.objects.get(codename="access_admin")
        promoters = Group.objects.create(name="Promoters")
        promoters.permissions.add(admin_access, Permission.objects.get(codename="add_searchpromotion"))
        plain = self.create_user("plain", password="pw")
        plain.user_permissions.add(admin_access)
        self.client.force_login(plain)
        self.assertEqual(self.client.get("/admin/reports/unanswered-searches/").status_code, 302)
        promoter = self.create_user("promoter", password="pw")
        promoter.groups.add(promoters)
        self.client.force_login(promoter)
        response = self.client.get("/admin/reports/unanswered-searches/")
        self.assertContains(response, "zeitgeist")


class SearchQueryParsingTests(SearchSiteTestCase):
    def test_words_only_reach_the_backend(self):
        query = SearchQuery.parse('  "care" OR -homes* title:x\x00 AND café 🙂 ')
        self.assertEqual(query.words, ("care", "homes", "title", "x", "café"))
        self.assertEqual(query.text, '"care" OR -homes* title:x AND café 🙂')
        self.assertFalse(query.truncated)

    def test_long_queries_are_truncated(self):
        query = SearchQuery.parse("word " * 100)
        self.assertTrue(query.truncated)
        self.assertLessEqual(len(query.text), 200)
