"""Bad input: whatever arrives in the query string, search answers with a normal page, quickly."""

import time

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from tests.factories import StandardPageFactory
from tests.factories.blog import BlogPageFactory
from tests.factories.glossary import GlossaryTermPageFactory
from tests.search.test_search import SearchSiteTestCase

AWKWARD_QUERIES = [
    "",
    "   ",
    "\t\n\r",
    "\x00",
    "care\x00homes",
    "\x1b[31m",
    '"',
    '"unclosed phrase',
    '""',
    "''",
    "'; DROP TABLE wagtailcore_page; --",
    "OR",
    "AND",
    "NOT",
    "care OR homes",
    "care AND NOT homes",
    "-",
    "--",
    "-care",
    "*",
    "care*",
    ":",
    "title:care",
    "live:false",
    "a:b:c",
    "(",
    ")",
    "NEAR(care homes)",
    "^care",
    "{care}",
    "care & homes | !x",
    "%",
    "%s %d",
    "\\",
    "\\x00",
    "café naïve",
    "日本語の検索",
    "بحث",
    "🙂",
    "🙂 care 👩‍👩‍👧",
    "\u202ereversed",
    "<script>alert(1)</script>",
    "&amp; &#0;",
    "x" * 10_000,
    "care " * 2_000,
]
AWKWARD_PARAMS = [
    {"q": "care", "page": "abc"},
    {"q": "care", "page": "-1"},
    {"q": "care", "page": "0"},
    {"q": "care", "page": "99999999999999999999"},
    {"q": "care", "page": "1e3"},
    {"q": "care", "type": "unknown"},
    {"q": "care", "type": ""},
    {"q": "care", "type": "posts\x00"},
    {"q": "care", "sort": "bogus"},
    {"q": ["care", "homes"], "type": ["posts", "stories"]},
    {"type": "posts"},
    {"page": "2"},
]


class BadInputTests(SearchSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        StandardPageFactory(parent=cls.home, title="Care homes", in_brief="Relationships in care homes.")
        BlogPageFactory(parent=cls.blog, title="Care and kinship", in_brief="A post about care.")
        GlossaryTermPageFactory(parent=cls.glossary, title="Care", short_definition="Looking after.")

    def test_awkward_queries_get_a_normal_page(self):
        for query in AWKWARD_QUERIES:
            for url in ("/search/", "/search/suggest/"):
                with self.subTest(url=url, query=query[:40]):
                    response = self.client.get(url, {"q": query})
                    self.assertEqual(response.status_code, 200)

    def test_awkward_parameters_get_a_normal_page(self):
        for params in AWKWARD_PARAMS:
            with self.subTest(params=params):
                self.assertEqual(self.client.get("/search/", params).status_code, 200)

    def test_operators_and_punctuation_are_searched_as_plain_words(self):
        for query in ('"care', "care*", "-care", "care OR", "(care)", "CARE!"):
            with self.subTest(query=query):
                response = self.client.get("/search/", {"q": query})
                hits = [hit.title for hit in response.context["hits"]]
                self.assertEqual(response.context["counts"]["all"], 3, hits)

    def test_overlong_queries_are_truncated_with_a_notice_and_answered_quickly(self):
        for query in ("x" * 10_000, "care " * 2_000):
            with self.subTest(query=query[:10]):
                started = time.monotonic()
                response = self.client.get("/search/", {"q": query})
                self.assertLess(time.monotonic() - started, 5)
                self.assertTrue(response.context["query"].truncated)
                self.assertLessEqual(len(response.context["query"].text), 200)
                self.assertContains(response, "longer than 200 characters")

    def test_queries_without_words_show_the_form_and_a_hint(self):
        response = self.client.get("/search/", {"q": "*** ---"})
        self.assertContains(response, "We could not find any words to search for")
        self.assertNotIn("hits", response.context)

    def test_unknown_type_shows_everything(self):
        response = self.client.get("/search/", {"q": "care", "type": "unknown"})
        self.assertIsNone(response.context["selected_type"])
        self.assertEqual(response.context["total"], 3, [hit.title for hit in response.context["hits"]])


class GeneratedInputTests(HypothesisTestCase, SearchSiteTestCase):
    """Any text at all, on both endpoints, is answered without an error."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        StandardPageFactory(parent=cls.home, title="Care homes", in_brief="Relationships in care homes.")

    @settings(max_examples=60, deadline=None)
    @given(query=st.text(max_size=300), page=st.text(max_size=12), kind=st.text(max_size=12))
    def test_any_text_is_answered(self, query, page, kind):
        self.assertEqual(
            self.client.get("/search/", {"q": query, "page": page, "type": kind}).status_code, 200
        )
        self.assertEqual(self.client.get("/search/suggest/", {"q": query}).status_code, 200)
