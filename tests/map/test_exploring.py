"""Finding entries: combinable filters in the URL, the tile map's counts and links, entry pages with only
their public fields, structured data and noindex as the submitter chose, the feed, open data and the
sitemap; and query counts that do not grow with the number of entries."""

import csv
import io
import json

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

import feedparser
from bs4 import BeautifulSoup

from map.models import MapEntry, Status
from tests.base import SiteTestCase
from tests.core.test_query_budgets import EVERY_CACHE_OFF
from tests.factories.casestudies import CaseMakerPageFactory, CaseStudyPageFactory
from tests.factories.glossary import GlossaryIndexPageFactory, GlossaryTermPageFactory
from tests.factories.map import MapEntryFactory, MapPageFactory, ThemeFactory

# With every cache off the site chrome costs five queries (see tests/core/test_query_budgets.py);
# the map adds its themes, a page of entries with their themes and the counts for the tile map.
# Ten is the budget, and it must not grow with the entries.
MAP_QUERY_BUDGET = 10


class ExploreTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.map_page = MapPageFactory(parent=cls.home)
        cls.housing = ThemeFactory(name="Housing", slug="housing")
        cls.health = ThemeFactory(name="Health and care", slug="health-and-care")
        cls.tenants = MapEntryFactory(name="Tenants Together", region="london", themes=[cls.housing])
        cls.clinic = MapEntryFactory(
            name="Slow Clinic",
            region="london",
            kind="programme",
            themes=[cls.health, cls.housing],
            needs_funding=True,
        )
        cls.valleys = MapEntryFactory(
            name="Valleys Befriending",
            region="wales",
            kind="network",
            themes=[cls.health],
            needs_funding=True,
        )
        cls.hidden_needs = MapEntryFactory(
            name="Quiet Funders", region="wales", needs_funding=True, public_fields=["description"]
        )
        cls.waiting = MapEntryFactory(
            name="Waiting Room", region="london", status=Status.PENDING, themes=[cls.housing]
        )

    def names(self, query=""):
        response = self.client.get(f"/map/{query}")
        self.assertEqual(response.status_code, 200)
        return sorted(entry.name for entry in response.context["entries"])

    def tiles(self, query=""):
        return {tile.key: tile for tile in self.client.get(f"/map/{query}").context["tiles"]}

    def test_filters_combine_or_within_and_across(self):
        self.assertEqual(
            self.names(), ["Quiet Funders", "Slow Clinic", "Tenants Together", "Valleys Befriending"]
        )
        self.assertEqual(self.names("?theme=housing"), ["Slow Clinic", "Tenants Together"])
        self.assertEqual(
            self.names("?theme=housing&theme=health-and-care"),
            ["Slow Clinic", "Tenants Together", "Valleys Befriending"],
        )
        self.assertEqual(self.names("?theme=health-and-care&region=wales"), ["Valleys Befriending"])
        self.assertEqual(self.names("?kind=programme&kind=network&region=london"), ["Slow Clinic"])
        self.assertEqual(self.names("?theme=nonsense&region=mars&page=zz"), self.names())

    def test_looking_for_finds_only_entries_that_chose_to_show_it(self):
        self.assertEqual(self.names("?looking=funding"), ["Slow Clinic", "Valleys Befriending"])
        self.assertNotContains(self.client.get(f"/map/entries/{self.hidden_needs.pk}/"), "Funding")

    def test_the_form_reflects_the_url_and_works_without_javascript(self):
        soup = BeautifulSoup(self.client.get("/map/?theme=housing&region=wales").content, "html.parser")
        form = soup.find("form", class_="explorer__filters")
        self.assertEqual(form["method"], "get")
        checked = sorted(box["id"] for box in form.find_all("input", checked=True))
        self.assertEqual(checked, ["region-wales", "theme-housing"])

    def test_tiles_count_matching_entries_and_link_to_their_place(self):
        tiles = self.tiles("?theme=housing")
        self.assertEqual((tiles["london"].count, tiles["wales"].count, tiles["scotland"].count), (2, 0, 0))
        self.assertEqual(tiles["london"].url, "?theme=housing&region=london")
        # Tiles keep counting every place while one is chosen, and the chosen one links back out.
        tiles = self.tiles("?theme=health-and-care&region=wales")
        self.assertEqual((tiles["london"].count, tiles["wales"].count), (1, 1))
        self.assertTrue(tiles["wales"].selected)
        self.assertEqual(tiles["wales"].url, "?theme=health-and-care")
        self.assertEqual({"uk-wide", "international"} <= set(tiles), True)

    def test_a_theme_s_description_is_its_filter_s_hint(self):
        self.housing.description = "Homes, tenancies and neighbours."
        self.housing.save()
        soup = BeautifulSoup(self.client.get("/map/").content, "html.parser")
        box = soup.select_one("#theme-housing")
        self.assertEqual(
            soup.select_one(f"#{box['aria-describedby']}").get_text(), "Homes, tenancies and neighbours."
        )
        self.assertNotIn("aria-describedby", soup.select_one("#theme-health-and-care").attrs)

    def test_each_filter_in_use_links_to_the_map_without_it(self):
        soup = BeautifulSoup(
            self.client.get("/map/?theme=housing&region=wales&region=london").content, "html.parser"
        )
        links = {a.text.split(" (")[0]: a["href"] for a in soup.select(".active-filters a")}
        self.assertEqual(
            links,
            {
                "Theme: Housing": "?region=wales&region=london",
                "Where: Wales": "?theme=housing&region=london",
                "Where: London": "?theme=housing&region=wales",
                "Clear all filters": "/map/",
            },
        )
        self.assertEqual(self.names(links["Where: Wales"]), ["Slow Clinic", "Tenants Together"])
        self.assertFalse(
            BeautifulSoup(self.client.get("/map/").content, "html.parser").select(".active-filters")
        )

    def test_the_tile_map_draws_each_place_where_the_grid_puts_it(self):
        soup = BeautifulSoup(self.client.get("/map/").content, "html.parser")
        # Four columns and five rows of 64-unit tiles with 6-unit gaps between them.
        self.assertEqual(soup.select_one(".tile-map__grid")["viewbox"], "0 0 274 344")
        drawn = {
            tile.find("text").get_text(): (int(tile.rect["x"]), int(tile.rect["y"]))
            for tile in soup.select(".tile-map__grid a")
        }
        # Every nation and English region once; a tile and its gap are 70 units.
        self.assertEqual(len(drawn), 12)
        self.assertEqual(
            (drawn["SCO"], drawn["NI"], drawn["LON"], drawn["SE"]), ((70, 0), (0, 70), (140, 280), (210, 280))
        )
        beside = [item.a.get_text() for item in soup.select(".tile-map__places li")]
        self.assertEqual(beside, ["UK-wide", "International"])

    def test_the_tile_map_is_links_with_a_text_equivalent(self):
        soup = BeautifulSoup(self.client.get("/map/").content, "html.parser")
        svg = soup.find("svg", class_="tile-map__grid")
        links = svg.find_all("a")
        self.assertEqual(len(links), 12)
        london = svg.find("a", href="?region=london")
        self.assertEqual(london["aria-label"], "London: 2 entries")
        text = soup.find(class_="tile-map__text")
        self.assertIn("Wales: 2 entries", text.get_text(strip=False))
        beside = [a.get_text() for a in soup.select(".tile-map__places a")]
        self.assertEqual(beside, ["UK-wide", "International"])

    def test_entry_page_shows_public_fields_themes_related_and_linked_content(self):
        glossary = GlossaryIndexPageFactory(parent=self.home)
        term = GlossaryTermPageFactory(parent=glossary, title="Social plumbing")
        draft = GlossaryTermPageFactory(parent=glossary, title="Unpublished idea", live=False)
        story = CaseStudyPageFactory(
            parent=CaseMakerPageFactory(parent=self.home), title="Tea in the tower blocks"
        )
        self.tenants.glossary_terms.set([term, draft])
        self.tenants.stories.set([story])
        MapEntry.objects.filter(pk=self.tenants.pk).update(public_fields=["description"], town="Peckham")
        response = self.client.get(f"/map/entries/{self.tenants.pk}/")
        self.assertContains(response, "Tenants Together")
        self.assertNotContains(response, "Peckham")
        self.assertNotContains(response, self.tenants.email)
        self.assertContains(response, '<a href="/map/?theme=housing">Housing</a>', html=True)
        self.assertContains(response, "Others on the same themes in London")
        self.assertContains(response, "Slow Clinic")
        self.assertNotContains(response, "Waiting Room")
        self.assertContains(response, "Social plumbing")
        self.assertContains(response, "Tea in the tower blocks")
        self.assertNotContains(response, "Unpublished idea")
        self.assertEqual(self.client.get(f"/map/entries/{self.waiting.pk}/").status_code, 404)

    def test_json_ld_for_organisations_only_where_indexing_is_allowed(self):
        def structured(entry):
            soup = BeautifulSoup(self.client.get(f"/map/entries/{entry.pk}/").content, "html.parser")
            script = soup.find("script", type="application/ld+json")
            robots = soup.find("meta", attrs={"name": "robots"})
            return (
                json.loads(script.string)["@type"] if script else None,
                robots["content"] if robots else None,
            )

        self.assertEqual(structured(self.tenants), ("Organization", None))
        self.assertEqual(structured(self.clinic), (None, None))
        shy = MapEntryFactory(allow_indexing=False)
        self.assertEqual(structured(shy), (None, "noindex"))

    def test_sitemap_lists_only_approved_entries_that_allow_indexing(self):
        shy = MapEntryFactory(allow_indexing=False)
        sitemap = self.client.get("/sitemap.xml").content.decode()
        self.assertIn(f"/map/entries/{self.tenants.pk}/", sitemap)
        self.assertNotIn(f"/map/entries/{shy.pk}/", sitemap)
        self.assertNotIn(f"/map/entries/{self.waiting.pk}/", sitemap)

    def test_feed_lists_newly_approved_entries_only(self):
        response = self.client.get("/map/feed/")
        self.assertEqual(response["Content-Type"], "application/rss+xml; charset=utf-8")
        feed = feedparser.parse(response.content)
        # Named as the site's other feeds, from the organisation's own name in the site settings.
        self.assertEqual(feed.feed.title, "The Relationships Project — Relationships Map: new entries")
        titles = [item.title for item in feed.entries]
        self.assertEqual(len(titles), 4)
        self.assertFalse(any("Waiting Room" in title for title in titles))

    def test_open_data_carries_public_fields_only_and_the_licence(self):
        data = json.loads(self.client.get("/map/open-data/json/").content)
        self.assertEqual(data["licence"]["url"], "https://creativecommons.org/licenses/by/4.0/")
        rows = {row["name"]: row for row in data["entries"]}
        self.assertEqual(
            set(rows), {"Tenants Together", "Slow Clinic", "Valleys Befriending", "Quiet Funders"}
        )
        self.assertEqual(rows["Quiet Funders"]["looking_for"], [])
        self.assertNotIn("email", rows["Slow Clinic"])
        response = self.client.get("/map/open-data/csv/")
        self.assertEqual(response["Link"], '<https://creativecommons.org/licenses/by/4.0/>; rel="license"')
        table = list(csv.DictReader(io.StringIO(response.content.decode())))
        self.assertEqual(len(table), 4)
        self.assertEqual({row["licence"] for row in table}, {"https://creativecommons.org/licenses/by/4.0/"})
        self.assertNotIn(self.tenants.email, response.content.decode())

    def test_open_data_cells_cannot_run_as_spreadsheet_formulas(self):
        MapEntryFactory(name='=HYPERLINK("http://evil.example")', description="@SUM(1)")
        text = self.client.get("/map/open-data/csv/").content.decode()
        self.assertIn("'=HYPERLINK", text)
        self.assertIn("'@SUM(1)", text)


@override_settings(PAGE_CACHE_SECONDS=0, CACHES=EVERY_CACHE_OFF)
class QueryBudgetTests(SiteTestCase):
    """The map page and a filtered view cost the same few queries with 5 entries or 60, counted on a
    second request (Python's own per-process caches warm) with every cache off."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        MapPageFactory(parent=cls.home)
        cls.themes = [ThemeFactory() for _ in range(4)]

    def add_entries(self, count):
        regions = ["london", "wales", "scotland", "uk-wide"]
        created = MapEntry.objects.bulk_create(
            MapEntry(
                name=f"Entry {number}",
                kind="organisation",
                region=regions[number % 4],
                email=f"e{number}@example.org",
                status=Status.APPROVED,
                public_fields=["needs"],
                needs_funding=bool(number % 2),
            )
            for number in range(MapEntry.objects.count(), MapEntry.objects.count() + count)
        )
        through = MapEntry.themes.through
        through.objects.bulk_create(
            through(mapentry_id=entry.pk, theme_id=self.themes[index % 4].pk)
            for index, entry in enumerate(created)
        )

    def count_queries(self, path):
        self.client.get(path)  # the site record and routes are read once per process
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(path).status_code, 200)
        return len(queries)

    def test_query_counts_do_not_grow_with_the_entries(self):
        paths = [
            "/map/",
            f"/map/?theme={self.themes[0].slug}&region=london&looking=funding&kind=organisation",
        ]
        self.add_entries(5)
        small = [self.count_queries(path) for path in paths]
        self.add_entries(55)
        large = [self.count_queries(path) for path in paths]
        self.assertEqual(small, large)
        self.assertLessEqual(max(large), MAP_QUERY_BUDGET)
