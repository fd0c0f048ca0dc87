"""The leak matrix: unpublished and private pages never surface in any part of search.

Every case is checked on every surface (results, counts, autocomplete, the glossary card and
promotions), against a public control that must appear on each, so the checks can fail.
"""

from django.contrib.auth.models import Group

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from bs4 import BeautifulSoup

from tests.factories import StandardPageFactory, paragraph_body
from tests.factories.blog import BlogPageFactory
from tests.factories.glossary import GlossaryTermPageFactory
from tests.search.test_search import SearchSiteTestCase


def restrict(page, restriction_type, **options):
    groups = options.pop("groups", [])
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **options)
    restriction.groups.set(groups)


def revise_unpublished(page, **fields):
    """Save a draft revision of a live page without publishing it, as an editor's 'Save draft' does."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision()


class LeakAssertions:
    def assert_hidden_everywhere(self, word, page):
        response = self.search(q=word)
        html = response.content.decode()
        with self.subTest(word=word, surface="results"):
            self.assertEqual(response.context["hits"], [])
            self.assertNotIn(f'href="{page.url}"', html)
        with self.subTest(word=word, surface="counts"):
            self.assertEqual(set(response.context["counts"].values()), {0})
        with self.subTest(word=word, surface="promotions"):
            self.assertEqual(response.context["promotions"], [])
        with self.subTest(word=word, surface="glossary card"):
            self.assertIsNone(response.context["glossary_term"])
            self.assertIsNone(BeautifulSoup(html, "html.parser").select_one(".glossary-answer"))
        with self.subTest(word=word, surface="autocomplete"):
            self.assertEqual(self.client.get("/search/suggest/", {"q": word}).json()["results"], [])

    def assert_shown_everywhere(self, word, page, glossary=True):
        response = self.search(q=word)
        self.assertEqual([hit.url for hit in response.context["promotions"]], [page.url])
        self.assertEqual(response.context["counts"]["all"], 1)
        if glossary:
            self.assertEqual(response.context["glossary_term"].pk, page.pk)
        suggestions = self.client.get("/search/suggest/", {"q": word}).json()["results"]
        self.assertEqual([suggestion["url"] for suggestion in suggestions], [page.url])


class LeakMatrixTests(LeakAssertions, SearchSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        readers = Group.objects.create(name="Members")
        cls.cases = {}
        for kind, parent, factory, summary in (
            ("term", cls.glossary, GlossaryTermPageFactory, "short_definition"),
            ("page", cls.home, StandardPageFactory, "in_brief"),
            ("post", cls.blog, BlogPageFactory, "in_brief"),
        ):

            def make(word, factory=factory, parent=parent, summary=summary, **extra):
                return factory(parent=parent, title=word.title(), **{summary: f"{word} summary"}, **extra)

            cls.cases[f"open{kind}"] = make(f"open{kind}")
            cls.cases[f"draft{kind}"] = make(f"draft{kind}", live=False)
            cls.cases[f"login{kind}"] = make(f"login{kind}")
            restrict(cls.cases[f"login{kind}"], PageViewRestriction.LOGIN)
            cls.cases[f"password{kind}"] = make(f"password{kind}")
            restrict(cls.cases[f"password{kind}"], PageViewRestriction.PASSWORD, password="let-me-in")
            cls.cases[f"group{kind}"] = make(f"group{kind}")
            restrict(cls.cases[f"group{kind}"], PageViewRestriction.GROUPS, groups=[readers])
            live = make(f"revised{kind}")
            revise_unpublished(live, title=f"Pending{kind}", **{summary: f"pending{kind}words"})
            cls.cases[f"pending{kind}"] = cls.cases[f"pending{kind}words"] = live

        section = StandardPageFactory(parent=cls.home, title="Members area", in_brief="For members.")
        restrict(section, PageViewRestriction.LOGIN)
        cls.cases["childpage"] = StandardPageFactory(
            parent=section, title="Childpage", in_brief="childpage summary", body=paragraph_body("childpage")
        )
        for word, page in cls.cases.items():
            if not word.startswith("pending"):  # a pick of a live page rightly shows its published version
                SearchPromotion.objects.create(query=Query.get(word), page=page, sort_order=0)

    def test_public_controls_appear_on_every_surface(self):
        for kind in ("term", "page", "post"):
            with self.subTest(kind=kind):
                self.assert_shown_everywhere(
                    f"open{kind}", self.cases[f"open{kind}"], glossary=kind == "term"
                )

    def test_live_pages_are_found_by_their_published_words(self):
        for kind in ("term", "page", "post"):
            with self.subTest(kind=kind):
                response = self.search(q=f"revised{kind}")
                self.assertEqual(
                    [hit.url for hit in response.context["hits"]], [self.cases[f"pending{kind}"].url]
                )

    def test_drafts_unpublished_changes_and_private_pages_never_surface(self):
        for word, page in self.cases.items():
            if not word.startswith("open"):
                self.assert_hidden_everywhere(word, page)


class PrivateSectionTests(LeakAssertions, SearchSiteTestCase):
    """Whole sections made private: the glossary and blog index pages themselves are restricted."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.term = GlossaryTermPageFactory(parent=cls.glossary, title="Hiddenterm", short_definition="x")
        cls.post = BlogPageFactory(parent=cls.blog, title="Hiddenpost", in_brief="x")
        cls.open_page = StandardPageFactory(parent=cls.home, title="Openpage", in_brief="x")
        restrict(cls.glossary, PageViewRestriction.PASSWORD, password="let-me-in")
        restrict(cls.blog, PageViewRestriction.LOGIN)
        for word, page in (("hiddenterm", cls.term), ("hiddenpost", cls.post), ("openpage", cls.open_page)):
            SearchPromotion.objects.create(query=Query.get(word), page=page, sort_order=0)

    def test_children_of_private_index_pages_never_surface(self):
        self.assert_shown_everywhere("openpage", self.open_page, glossary=False)
        self.assert_hidden_everywhere("hiddenterm", self.term)
        self.assert_hidden_everywhere("hiddenpost", self.post)

    def test_signed_in_editors_see_the_same_public_results(self):
        self.login()
        self.assert_hidden_everywhere("hiddenterm", self.term)
