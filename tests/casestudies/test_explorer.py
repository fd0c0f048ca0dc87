"""The story explorer's filters and counts, its editable labels, the feeds, privacy and constant query counts."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction

import feedparser
from bs4 import BeautifulSoup

from casestudies.models import CaseStudyPage
from tests.base import SiteTestCase
from tests.factories import ImageFactory
from tests.factories.casestudies import (
    CaseMakerPageFactory,
    CaseStudyPageFactory,
    EnablerFactory,
    ScaleFactory,
    SectorFactory,
)

STORIES_URL = "/case-maker/stories/"


class ExplorerTestCase(SiteTestCase):
    """Four published stories, plus a draft and a private story that must never be counted."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.case_maker = CaseMakerPageFactory(parent=cls.home)
        cls.education = SectorFactory(name="Education", slug="education", description="Schools and colleges.")
        cls.health = SectorFactory(name="Public health", slug="public-health")
        cls.arts = SectorFactory(name="The arts", slug="the-arts")
        cls.time = EnablerFactory(name="Time", slug="time")
        cls.continuity = EnablerFactory(name="Continuity", slug="continuity")
        # The five scales a migration seeds, made here too because a flushed database has none.
        cls.scales = {
            slug: ScaleFactory(slug=slug)
            for slug in ("individual", "team", "organisation", "place", "system")
        }

        def story(slug, sectors, enablers, scale, **fields):
            return CaseStudyPageFactory(
                parent=cls.case_maker,
                slug=slug,
                title=slug.replace("-", " ").title(),
                sectors=sectors,
                enablers=enablers,
                scale=cls.scales[scale],
                **fields,
            )

        story("breakfast-club", [cls.education], [cls.time], "team")
        story("school-nurse", [cls.education, cls.health], [cls.continuity], "place")
        story("coffee-morning", [cls.health], [cls.time, cls.continuity], "team")
        story("community-choir", [cls.arts], [], "system")
        story("hidden-draft", [cls.education], [cls.time], "team", live=False)
        private = story("hidden-private", [cls.education], [cls.time], "team")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")

    def explore(self, query=""):
        response = self.client.get(STORIES_URL + query)
        self.assertEqual(response.status_code, 200)
        return BeautifulSoup(response.content, "html.parser")

    def titles(self, soup):
        return sorted(a.text for a in soup.select(".card__title a"))

    def counts(self, soup, param):
        """{value: count} read from the checkbox labels of one facet."""
        counts = {}
        for box in soup.select(f"input[name='{param}']"):
            label = soup.find("label", attrs={"for": box["id"]})
            counts[box["value"]] = int(label.select_one(".facet__count").text.strip("()").split()[0])
        return counts


class ExplorerFilterTests(ExplorerTestCase):
    def test_unfiltered_lists_published_public_stories_with_counts(self):
        soup = self.explore()
        self.assertEqual(
            self.titles(soup), ["Breakfast Club", "Coffee Morning", "Community Choir", "School Nurse"]
        )
        self.assertEqual(soup.find(id="results-heading").text, "4 stories")
        self.assertEqual(self.counts(soup, "sector"), {"education": 2, "public-health": 2, "the-arts": 1})
        self.assertEqual(self.counts(soup, "enabler"), {"continuity": 2, "time": 2})
        self.assertEqual(
            self.counts(soup, "scale"),
            {"individual": 0, "team": 2, "organisation": 0, "place": 1, "system": 1},
        )
        self.assertNotIn("Hidden", soup.text)
        self.assertEqual(len(soup.find_all("h1")), 1)

    def test_one_facet_filters_and_other_facets_count_within_it(self):
        soup = self.explore("?sector=education")
        self.assertEqual(self.titles(soup), ["Breakfast Club", "School Nurse"])
        # A facet's own counts ignore its own selection, so other sectors show what ticking them adds.
        self.assertEqual(self.counts(soup, "sector"), {"education": 2, "public-health": 2, "the-arts": 1})
        self.assertEqual(self.counts(soup, "enabler"), {"continuity": 1, "time": 1})
        self.assertEqual(self.counts(soup, "scale")["team"], 1)
        self.assertTrue(soup.find("input", id="sector-education").has_attr("checked"))
        self.assertFalse(soup.find("input", id="sector-the-arts").has_attr("checked"))

    def test_enabler_alone_and_scale_alone(self):
        self.assertEqual(self.titles(self.explore("?enabler=continuity")), ["Coffee Morning", "School Nurse"])
        self.assertEqual(self.titles(self.explore("?scale=system")), ["Community Choir"])

    def test_facets_combine_with_and_and_values_within_a_facet_with_or(self):
        soup = self.explore("?sector=education&enabler=time")
        self.assertEqual(self.titles(soup), ["Breakfast Club"])
        self.assertEqual(self.counts(soup, "sector"), {"education": 1, "public-health": 1, "the-arts": 0})
        self.assertEqual(self.counts(soup, "enabler"), {"continuity": 1, "time": 1})
        self.assertEqual(
            self.titles(self.explore("?sector=education&sector=the-arts")),
            ["Breakfast Club", "Community Choir", "School Nurse"],
        )
        self.assertEqual(self.titles(self.explore("?scale=team&enabler=continuity")), ["Coffee Morning"])

    def test_all_three_facets_combine_with_counts(self):
        soup = self.explore("?sector=education&scale=team&enabler=time")
        self.assertEqual(self.titles(soup), ["Breakfast Club"])
        self.assertEqual(soup.find(id="results-heading").text, "1 story")
        self.assertEqual(self.counts(soup, "sector"), {"education": 1, "public-health": 1, "the-arts": 0})
        self.assertEqual(
            self.counts(soup, "scale"),
            {"individual": 0, "team": 1, "organisation": 0, "place": 0, "system": 0},
        )
        self.assertEqual(self.counts(soup, "enabler"), {"continuity": 0, "time": 1})
        self.assertEqual(
            soup.find("a", string="Print this story as case cards")["href"],
            "/case-maker/cards/?sector=education&scale=team&enabler=time",
        )

    def test_two_scales_count_every_story_of_either(self):
        soup = self.explore("?scale=team&scale=place")
        self.assertEqual(self.titles(soup), ["Breakfast Club", "Coffee Morning", "School Nurse"])
        self.assertEqual(soup.find(id="results-heading").text, "3 stories")

    def test_scales_read_from_individual_to_system(self):
        boxes = self.explore().select("input[name='scale']")
        self.assertEqual(
            [box["value"] for box in boxes], ["individual", "team", "organisation", "place", "system"]
        )

    def test_no_matches_says_so(self):
        soup = self.explore("?sector=the-arts&enabler=time")
        self.assertEqual(self.titles(soup), [])
        self.assertIn("No stories match", soup.find("main").text)

    def test_junk_values_are_ignored(self):
        soup = self.explore(
            "?sector=nope&sector=education&sector=&scale=huge&enabler=%00&enabler=time%27--&page=abc&q=<b>"
        )
        self.assertEqual(self.titles(soup), ["Breakfast Club", "School Nurse"])
        self.assertEqual(
            [a.text for a in soup.select(".active-filters a")][0], "Sector: Education (remove filter) ×"
        )
        self.assertNotIn("nope", soup.find("main").decode())
        self.assertEqual(self.titles(self.explore("?page=999")), self.titles(self.explore()))

    def test_repeated_long_and_id_values_are_harmless(self):
        everything = self.titles(self.explore())
        repeated = self.explore("?sector=education&sector=education&scale=team&scale=team")
        self.assertEqual(self.titles(repeated), ["Breakfast Club"])
        self.assertEqual(self.counts(repeated, "sector")["education"], 1)
        long_value = "x" * 5000
        soup = self.explore(f"?sector={long_value}&scale={long_value}&enabler={long_value}&page={long_value}")
        self.assertEqual(self.titles(soup), everything)
        self.assertNotIn(long_value, soup.decode())
        # Filters take slugs only: a scale's database id is junk like any other value.
        self.assertEqual(self.titles(self.explore(f"?scale={self.scales['system'].pk}")), everything)
        many = "&".join(f"sector=s{number}" for number in range(500))
        self.assertEqual(self.titles(self.explore(f"?{many}")), everything)

    def test_active_filters_link_to_the_view_without_them(self):
        soup = self.explore("?sector=education&enabler=time&page=1")
        links = {a.text.split(" (")[0]: a["href"] for a in soup.select(".active-filters a")}
        self.assertEqual(links["Sector: Education"], "?enabler=time")
        self.assertEqual(links["Enabler: Time"], "?sector=education")
        self.assertEqual(links["Clear all filters"], STORIES_URL)
        cards_link = soup.find("a", string="Print this story as case cards")
        self.assertEqual(cards_link["href"], "/case-maker/cards/?sector=education&enabler=time")

    def test_labels_and_descriptions_are_editable(self):
        self.education.name = "Schools"
        self.education.description = "Learning in and out of the classroom."
        self.education.save()
        soup = self.explore()
        label = soup.find("label", attrs={"for": "sector-education"})
        self.assertTrue(label.text.startswith("Schools"))
        box = soup.find("input", id="sector-education")
        self.assertEqual(soup.find(id=box["aria-describedby"]).text, "Learning in and out of the classroom.")

    def test_scale_labels_and_descriptions_are_editable(self):
        team = self.scales["team"]
        team.name = "Small group"
        team.description = "A handful of people working side by side."
        team.save()
        soup = self.explore("?scale=team")
        self.assertTrue(soup.find("label", attrs={"for": "scale-team"}).text.startswith("Small group"))
        box = soup.find("input", id="scale-team")
        self.assertEqual(
            soup.find(id=box["aria-describedby"]).text, "A handful of people working side by side."
        )
        self.assertEqual(soup.select_one(".active-filters a").text, "Scale: Small group (remove filter) ×")

    def test_pagination_keeps_the_filters(self):
        for number in range(12):
            CaseStudyPageFactory(parent=self.case_maker, slug=f"extra-{number}", sectors=[self.arts])
        soup = self.explore("?sector=the-arts")
        self.assertEqual(len(soup.select(".card")), 12)
        self.assertEqual(soup.find("a", rel="next")["href"], "?sector=the-arts&page=2")
        self.assertEqual(len(self.explore("?sector=the-arts&page=2").select(".card")), 1)

    def test_canonical_address_ignores_the_filters(self):
        soup = self.explore("?sector=education")
        self.assertEqual(soup.find("link", rel="canonical")["href"], "http://localhost/case-maker/stories/")


@override_settings(PAGE_CACHE_SECONDS=600)
class ScaleSnippetTests(ExplorerTestCase):
    """Editors rename, reorder and delete scales in the admin; readers see the change at once."""

    def setUp(self):
        cache.clear()
        self.editor = Client()
        self.editor.force_login(get_user_model().objects.create_superuser("scales", "s@example.org", "x"))

    def scale_url(self, action, scale):
        return reverse(f"wagtailsnippets_casestudies_scale:{action}", args=[scale.pk])

    def scale_labels(self):
        soup = self.explore()
        return [
            soup.find("label", attrs={"for": box["id"]}).contents[0].strip()
            for box in soup.select("input[name='scale']")
        ]

    def test_a_renamed_scale_shows_on_the_cached_explorer(self):
        self.client.get(STORIES_URL)
        self.assertEqual(self.client.get(STORIES_URL)["X-Page-Cache"], "hit")
        team = self.scales["team"]
        response = self.editor.post(
            self.scale_url("edit", team),
            {"name": "Small group", "slug": "team", "description": "A handful of people side by side."},
        )
        self.assertEqual(response.status_code, 302)
        response = self.client.get(STORIES_URL)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertIn("Small group", self.scale_labels())
        self.assertContains(response, "A handful of people side by side.")

    def test_reordering_scales_reorders_the_filter(self):
        system = self.scales["system"]
        response = self.editor.post(self.scale_url("reorder", system) + "?position=0")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.scale_labels(), ["System", "Individual", "Team", "Organisation", "Place"])

    def test_deleting_a_scale_keeps_its_stories(self):
        story = CaseStudyPage.objects.get(slug="community-choir")
        story.save_revision().publish()
        system = self.scales["system"]
        response = self.editor.post(self.scale_url("delete", system))
        self.assertEqual(response.status_code, 302)
        story.refresh_from_db()
        self.assertIsNone(story.scale)

        soup = self.explore()
        self.assertIn("Community Choir", self.titles(soup))
        self.assertNotIn("system", self.counts(soup, "scale"))
        self.assertEqual(self.titles(self.explore("?scale=system")), self.titles(soup))
        page = BeautifulSoup(self.client.get(story.url).content, "html.parser")
        self.assertNotIn("Scale", page.select_one(".story__facts").text)
        # The saved revision still names the deleted scale; the editor opens it without one.
        edit = self.editor.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
        self.assertEqual(edit.status_code, 200)
        self.assertIsNone(edit.context["form"].initial["scale"])


class PrivacyTests(ExplorerTestCase):
    def test_drafts_and_private_stories_are_absent_everywhere(self):
        pages = {
            "explorer": self.client.get(STORIES_URL),
            "index": self.client.get("/case-maker/"),
            "cards": self.client.get("/case-maker/cards/"),
            "feed": self.client.get("/case-maker/feed/"),
            "atom": self.client.get("/case-maker/feed/atom/"),
        }
        for name, response in pages.items():
            with self.subTest(name):
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("Hidden", response.content.decode())
        self.assertIn("Explore all 4 stories", pages["index"].content.decode())


class FeedTests(ExplorerTestCase):
    def test_rss_feed_carries_whole_stories_with_absolute_links(self):
        story = CaseStudyPageFactory(
            parent=self.case_maker,
            slug="with-everything",
            title="With everything",
            sectors=[self.health],
            storyteller_name="Neil Denton",
            what_they_did="Opened the doors.",
            evidence=[
                ("evidence", {"figure": "70%", "label": "wanted more", "source": "YouGov", "source_url": ""})
            ],
            listing_image=ImageFactory(),
        )
        response = self.client.get("/case-maker/feed/")
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        feed = feedparser.parse(response.content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        self.assertEqual(feed.feed.title, "The Relationships Project — Case Maker stories")
        self.assertEqual(feed.feed.link, "http://localhost/case-maker/")
        self.assertEqual(len(feed.entries), 5)
        entry = next(e for e in feed.entries if e.title == "With everything")
        self.assertEqual(entry.link, "http://localhost/case-maker/with-everything/")
        self.assertEqual(entry.author, "Neil Denton")
        self.assertEqual([tag.term for tag in entry.tags], ["Public health"])
        content = entry.content[0].value
        for text in ("Opened the doors.", "70%", "We did what anyone would do."):
            self.assertIn(text, content)
        self.assertTrue(entry.media_content[0]["url"].startswith("http://localhost/"))
        self.assertEqual(entry.id, f"urn:uuid:{story.translation_key}")

    def test_atom_feed_is_valid(self):
        feed = feedparser.parse(self.client.get("/case-maker/feed/atom/").content)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        self.assertEqual(len(feed.entries), 4)

    def test_feeds_are_advertised_on_every_page(self):
        soup = BeautifulSoup(self.client.get("/case-maker/").content, "html.parser")
        self.assertTrue(
            soup.find("link", rel="alternate", href="/case-maker/feed/", type="application/rss+xml")
        )


class QueryCountTests(SiteTestCase):
    """Listing 50 stories costs the same number of queries as listing 5."""

    URLS = (
        "/case-maker/stories/?sector=sector-a&scale=organisation&enabler=time",
        "/case-maker/cards/",
        "/case-maker/feed/",
    )

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.case_maker = CaseMakerPageFactory(parent=cls.home)
        cls.sectors = [SectorFactory(slug="sector-a"), SectorFactory(slug="sector-b")]
        cls.enabler = EnablerFactory(slug="time")
        cls.images = [ImageFactory() for _ in range(3)]

    def add_stories(self, count):
        start = getattr(self, "story_total", 0)
        for number in range(start, start + count):
            CaseStudyPageFactory(
                parent=self.case_maker,
                slug=f"story-{number}",
                sectors=self.sectors,
                enablers=[self.enabler],
                listing_image=self.images[number % len(self.images)],
            )
        self.story_total = start + count

    def queries_for(self, url):
        self.client.get(url)  # renditions and cached feed content are made once, on first view
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_explorer_cards_and_feed_queries_do_not_grow_with_stories(self):
        self.add_stories(5)
        few = {url: self.queries_for(url) for url in self.URLS}
        self.add_stories(45)
        for url in self.URLS:
            with self.subTest(url):
                self.client.get(url)
                with self.assertNumQueries(few[url]):
                    self.client.get(url)
