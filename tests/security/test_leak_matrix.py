"""The leak matrix: unpublished, private, expired and scheduled pages appear on no public surface.

Every page type is built in every state that must stay hidden, wired to everything that could
show it (categories, series, tags, authors, related links, glossary marks, featured slots), with
leak pages always newer or sooner than the public controls so a leak would push its way into any
limited list. Each surface is then read as a reader would, and must show its public controls
(so the check can fail) and none of the hidden pages' words.
"""

import datetime

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction

from blog.models import BlogPage, BlogPageRelatedPost
from casestudies.models import CaseStudyGlossaryTerm, CaseStudyRelatedPost
from glossary.models import GlossaryRelatedTerm
from home.models import HomePage, HomePageFeaturedItem
from tests.base import SiteTestCase
from tests.factories import PersonFactory, StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory, SeriesFactory
from tests.factories.casestudies import (
    CaseMakerPageFactory,
    CaseMakerSectionPageFactory,
    CaseStudyPageFactory,
    EnablerFactory,
    SectorFactory,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory, EventSeriesFactory
from tests.factories.glossary import GlossaryIndexPageFactory, GlossaryTermPageFactory

# States whose pages must never surface; "pending" pages are live, and only their unpublished words leak.
HIDDEN_STATES = ("draft", "login", "password", "group", "child", "expired", "scheduled")
KINDS = ("post", "event", "pastevent", "story", "section", "term", "page")
LONG_AGO = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def restrict(page, restriction_type, **options):
    groups = options.pop("groups", [])
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, **options)
    restriction.groups.set(groups)


def glossary_mark(term):
    return {"type": "paragraph", "value": f'<p><a linktype="glossary" id="{term.pk}">marked phrase</a></p>'}


@override_settings(PAGE_CACHE_SECONDS=600)
class LeakMatrixTests(SiteTestCase):
    """Run with the page cache on, as in production; `UncachedLeakMatrixTests` repeats them with it off."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        now = timezone.now()
        cls.readers = Group.objects.create(name="Members")
        cls.blog = BlogIndexPageFactory(parent=cls.home)
        cls.convenings = EventIndexPageFactory(parent=cls.home)
        cls.case_maker = CaseMakerPageFactory(parent=cls.home)
        cls.glossary = GlossaryIndexPageFactory(parent=cls.home)
        cls.category = CategoryFactory(slug="shared-category")
        cls.series = SeriesFactory(slug="shared-series")
        cls.event_series = EventSeriesFactory(slug="shared-convenings")
        cls.author = PersonFactory(slug="shared-author")
        cls.sector = SectorFactory(slug="shared-sector")
        cls.enabler = EnablerFactory(slug="shared-enabler")

        # Private sections, one per app, for the "child of a private page" state.
        private_parents = {
            "post": BlogIndexPageFactory(parent=cls.home, title="Leakprivateblog", slug="leakprivateblog"),
            "event": EventIndexPageFactory(
                parent=cls.home, title="Leakprivateconvenings", slug="leakprivateconv"
            ),
            "story": CaseMakerPageFactory(
                parent=cls.home, title="Leakprivatecasemaker", slug="leakprivatecm"
            ),
            "term": GlossaryIndexPageFactory(
                parent=cls.home, title="Leakprivateglossary", slug="leakprivategl"
            ),
            "page": StandardPageFactory(
                parent=cls.home, title="Leakprivatesection", slug="leakprivatesection"
            ),
        }
        private_parents["pastevent"] = private_parents["event"]
        private_parents["section"] = private_parents["story"]
        for parent in {page.pk: page for page in private_parents.values()}.values():
            restrict(parent, PageViewRestriction.LOGIN)
        public_parents = {
            "post": cls.blog,
            "event": cls.convenings,
            "pastevent": cls.convenings,
            "story": cls.case_maker,
            "section": cls.case_maker,
            "term": cls.glossary,
            "page": cls.home,
        }

        cls.open_term = GlossaryTermPageFactory(
            parent=cls.glossary, title="Leakopenterm", slug="leakopenterm", short_definition="Leakopenterm."
        )
        cls.pages = {}
        for state in ("open", "other", "pending", *HIDDEN_STATES):
            for kind in KINDS:
                if (state, kind) == ("open", "term"):
                    cls.pages[state, kind] = cls.open_term
                    continue
                if state == "other" and kind not in ("post", "term"):
                    continue
                parent = private_parents[kind] if state == "child" else public_parents[kind]
                cls.pages[state, kind] = cls.make(kind, f"leak{state}{kind}", parent, state, now)

        for state in ("pending",):
            for kind in KINDS:
                page = cls.pages[state, kind].specific
                page.title = f"Leakunpublished{kind}"
                if hasattr(page, "in_brief"):
                    page.in_brief = f"Leakunpublished{kind}"
                page.save_revision()
        for (state, _kind), page in cls.pages.items():
            if state == "login":
                restrict(page, PageViewRestriction.LOGIN)
            elif state == "password":
                restrict(page, PageViewRestriction.PASSWORD, password="let-me-in")
            elif state == "group":
                restrict(page, PageViewRestriction.GROUPS, groups=[cls.readers])
            elif state == "expired":
                Page.objects.filter(pk=page.pk).update(expire_at=now - datetime.timedelta(minutes=5))
        call_command("publish_scheduled")

        cls.wire_up()
        cls.hidden_words = [f"leak{state}{kind}" for state in HIDDEN_STATES for kind in KINDS]
        cls.hidden_words += [f"leakunpublished{kind}" for kind in KINDS]
        cls.hidden_words += [page.slug for page in private_parents.values()]

    @classmethod
    def make(cls, kind, word, parent, state, now):
        """One page of `kind` titled and summarised with `word`; leak pages are newer than the controls."""
        public = state in ("open", "other", "pending")
        # Pending pages are public but older than the controls, so limited lists still show the controls.
        when = {"open": LONG_AGO, "other": LONG_AGO, "pending": LONG_AGO - datetime.timedelta(days=1)}.get(
            state, now - datetime.timedelta(days=1)
        )
        common = {
            "parent": parent,
            "title": word.capitalize(),
            "slug": word,
            "live": state != "draft" and state != "scheduled",
            "first_published_at": when,
        }
        body = [glossary_mark(cls.open_term)]
        if kind == "post":
            page = BlogPageFactory(
                **common,
                in_brief=word,
                date=datetime.date(2024, 1, 1) if public else datetime.date(2024, 6, 1),
                category=cls.category,
                series=cls.series,
                series_position=None,
                authors=[cls.author],
                tags=["shared-tag"],
                featured=True,
                body=body,
            )
        elif kind in ("event", "pastevent"):
            if kind == "event":
                start = now + datetime.timedelta(days=60 if public else 10)
            else:
                start = now - datetime.timedelta(days=90 if public else 20)
            page = EventPageFactory(
                **common,
                in_brief=word,
                start=start,
                series=cls.event_series,
                body=body,
                publish=state not in ("draft", "scheduled"),
            )
        elif kind == "story":
            page = CaseStudyPageFactory(
                **common, in_brief=word, body=body, sectors=[cls.sector], enablers=[cls.enabler]
            )
        elif kind == "section":
            page = CaseMakerSectionPageFactory(**common, in_brief=word, body=body)
        elif kind == "term":
            page = GlossaryTermPageFactory(**common, short_definition=word)
        else:
            page = StandardPageFactory(**common, in_brief=word, body=body)
        if state == "scheduled":
            page.go_live_at = now + datetime.timedelta(days=3)
            page.save_revision().publish()
        return page

    @classmethod
    def wire_up(cls):
        """Point every related-items slot at every page, hidden or not."""
        pages = cls.pages
        open_post, open_story = pages["open", "post"], pages["open", "story"]
        posts = [page for (state, kind), page in pages.items() if kind == "post" and page != open_post]
        terms = [page for (state, kind), page in pages.items() if kind == "term" and page != cls.open_term]
        hidden = [page for (state, kind), page in pages.items() if state in HIDDEN_STATES]
        for post in posts:
            BlogPageRelatedPost.objects.create(page=open_post, post=post)
            CaseStudyRelatedPost.objects.create(page=open_story, post=post)
        for term in terms:
            GlossaryRelatedTerm.objects.create(page=cls.open_term, term=term)
            CaseStudyGlossaryTerm.objects.create(page=open_story, term=term)
        for page in [*hidden, pages["open", "page"]]:
            HomePageFeaturedItem.objects.create(home_page=cls.home, page=page)
        post = BlogPage.objects.get(pk=open_post.pk)
        post.body = [glossary_mark(term) for term in [cls.open_term, *terms]]
        post.save_revision().publish()
        BlogPage.objects.filter(pk__in=[open_post.pk, *(post.pk for post in posts)]).update(
            related_convening=pages["open", "pastevent"]
        )
        HomePage.objects.filter(pk=cls.home.pk).update(featured_story=pages["draft", "story"])
        for word, page in [(f"leak{state}{kind}", page) for (state, kind), page in pages.items()]:
            SearchPromotion.objects.create(query=Query.get(word), page=page, sort_order=0)

    def setUp(self):
        super().setUp()
        for alias in settings.CACHES:  # each test starts with no stored pages
            caches[alias].clear()

    def surfaces(self):
        """{url: public controls that must show there}."""
        page = self.pages
        story = page["open", "story"]
        return {
            "/": ["leakopenpost", "leakopenevent", "leakopenstory", "leakopenpage"],
            "/blog/": ["leakopenpost", "leakotherpost"],
            "/blog/?page=2": [],
            "/blog/category/shared-category/": ["leakopenpost"],
            "/blog/tag/shared-tag/": ["leakopenpost"],
            "/blog/author/shared-author/": ["leakopenpost"],
            "/blog/2024/": ["leakopenpost"],
            "/blog/series/shared-series/": ["leakopenpost"],
            "/blog/feed/": ["leakopenpost"],
            "/blog/feed/atom/": ["leakopenpost"],
            "/blog/category/shared-category/feed/": ["leakopenpost"],
            "/blog/series/shared-series/feed/": ["leakopenpost"],
            page["open", "post"].url: ["leakotherpost", "leakopenpastevent", "leakotherterm"],
            "/convenings/": ["leakopenevent", "leakopenpastevent"],
            "/convenings/past/": ["leakopenpastevent"],
            "/convenings/series/shared-convenings/": ["leakopenevent", "leakopenpastevent"],
            "/convenings/feed/": ["leakopenevent"],
            "/convenings/calendar.ics": ["leakopenevent", "leakopenpastevent"],
            page["open", "pastevent"].url: ["leakopenpost"],
            "/case-maker/": ["leakopenstory", "leakopensection"],
            "/case-maker/stories/": ["leakopenstory"],
            "/case-maker/stories/?sector=shared-sector&enabler=shared-enabler": ["leakopenstory"],
            "/case-maker/cards/": ["leakopenstory"],
            "/case-maker/feed/": ["leakopenstory"],
            "/case-maker/feed/atom/": ["leakopenstory"],
            story.url: ["leakotherpost", "leakotherterm"],
            f"{story.url}card/": ["leakopenstory"],
            page["open", "section"].url: ["leakopensection"],
            "/glossary/": ["leakopenterm", "leakotherterm"],
            "/glossary/?view=a-z": ["leakopenterm", "leakotherterm"],
            "/glossary/feed/": ["leakopenterm"],
            self.open_term.url: ["leakotherterm", "leakopenpost", "leakopenstory", "leakopenpage"],
            "/sitemap.xml": [f"leakopen{kind}" for kind in KINDS],
        }

    def assert_no_hidden_page_on_any_public_surface(self):
        for url, controls in self.surfaces().items():
            response = self.client.get(url)
            text = response.content.decode().lower()
            with self.subTest(surface=url):
                self.assertEqual(response.status_code, 200)
                for word in controls:
                    self.assertIn(word, text, f"public control {word} missing from {url}")
                leaked = [word for word in self.hidden_words if word in text]
                self.assertEqual(leaked, [], url)

    def test_no_hidden_page_on_any_public_surface(self):
        self.assert_no_hidden_page_on_any_public_surface()

    def test_no_hidden_page_in_the_shared_lists(self):
        """Read twice with the page cache on: what the first reading stored leaks nothing."""
        with self.settings(PAGE_CACHE_SECONDS=600):
            self.assert_no_hidden_page_on_any_public_surface()
            self.assert_no_hidden_page_on_any_public_surface()

    def test_explorer_counts_only_public_stories(self):
        """The open story and the live one with unpublished changes; nothing else."""
        response = self.client.get("/case-maker/stories/")
        counts = {
            (facet.param, option.value): option.count
            for facet in response.context["facets"]
            for option in facet.options
        }
        self.assertEqual(counts["sector", "shared-sector"], 2)
        self.assertEqual(counts["enabler", "shared-enabler"], 2)
        self.assertEqual(counts["scale", "organisation"], 2)
        self.assertEqual(response.context["stories"].paginator.count, 2)
        self.assertEqual(self.client.get("/case-maker/").context["story_count"], 2)

    def test_search_autocomplete_promotions_and_glossary_card(self):
        for state in ("open", *HIDDEN_STATES, "unpublished"):
            for kind in KINDS:
                word = f"leak{state}{kind}"
                with self.subTest(search=word):
                    response = self.client.get("/search/", {"q": word})
                    context = response.context
                    found = [hit.url for hit in [*context["promotions"], *context["hits"]]]
                    suggested = self.client.get("/search/suggest/", {"q": word}).json()["results"]
                    if state == "open":
                        self.assertIn(self.pages[state, kind].url, found)
                        self.assertIn(word, [suggestion["title"].lower() for suggestion in suggested])
                        if kind == "term":
                            self.assertEqual(context["glossary_term"].pk, self.open_term.pk)
                    else:
                        self.assertEqual(found, [])
                        self.assertEqual(context["counts"]["all"], 0)
                        self.assertEqual(suggested, [])
                        self.assertIsNone(context["glossary_term"])

    def test_hidden_pages_short_urls_and_calendars_are_not_served(self):
        self.assertEqual(self.client.get(f"/c/{self.pages['open', 'story'].short_code}/").status_code, 302)
        for state in HIDDEN_STATES:
            with self.subTest(state=state):
                story = self.pages[state, "story"]
                self.assertEqual(self.client.get(f"/c/{story.short_code}/").status_code, 404)
                for kind in KINDS:
                    page = self.pages[state, kind]
                    urls = [page.url or f"/{page.url_path}"]
                    if kind in ("event", "pastevent"):
                        urls.append(f"{urls[0]}calendar.ics")
                    for url in urls:
                        response = self.client.get(url)
                        if state != "password":  # the password form is a 200 that names nothing
                            self.assertNotEqual(response.status_code, 200, url)
                        self.assertNotIn(page.title, response.content.decode(), url)

    def test_live_pages_show_only_their_published_words(self):
        for kind in KINDS:
            page = self.pages["pending", kind]
            with self.subTest(kind=kind):
                text = self.client.get(page.url).content.decode().lower()
                self.assertIn(f"leakpending{kind}", text)
                self.assertNotIn(f"leakunpublished{kind}", text)

    def test_a_term_made_private_leaves_every_cached_rendering(self):
        """Glossary marks and feed bodies are cached; a new restriction must reach them at once."""
        surfaces = [
            "/blog/feed/",
            "/blog/feed/atom/",
            self.pages["open", "post"].url,
            "/glossary/",
            "/sitemap.xml",
        ]
        for url in surfaces:
            self.assertIn("leakotherterm", self.client.get(url).content.decode().lower(), url)
        restrict(self.pages["other", "term"], PageViewRestriction.GROUPS, groups=[self.readers])
        for url in surfaces:
            with self.subTest(surface=url):
                self.assertNotIn("leakotherterm", self.client.get(url).content.decode().lower())

    def test_a_post_made_private_leaves_every_shared_list(self):
        """Related posts, featured posts and archives are on cached pages; a restriction retires them."""
        surfaces = [
            "/blog/",
            "/blog/category/shared-category/",
            self.pages["open", "post"].url,
            self.pages["open", "story"].url,
            self.pages["open", "pastevent"].url,
        ]
        with self.settings(PAGE_CACHE_SECONDS=600):
            for url in surfaces:
                self.assertIn("leakotherpost", self.client.get(url).content.decode().lower(), url)
            restrict(self.pages["other", "post"], PageViewRestriction.GROUPS, groups=[self.readers])
            for url in surfaces:
                with self.subTest(surface=url):
                    self.assertNotIn("leakotherpost", self.client.get(url).content.decode().lower())


@override_settings(PAGE_CACHE_SECONDS=0)
class UncachedLeakMatrixTests(LeakMatrixTests):
    """The same matrix with every page rendered afresh."""
