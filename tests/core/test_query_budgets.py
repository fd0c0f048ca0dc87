"""Query budgets with every cache off: what a page costs, however much content the site holds.

Each page is requested twice and only the second request is counted, with every Django cache a
DummyCache so the whole render really runs: the first request only makes the image renditions and
fills Python's own per-process caches (content types, templates), as any earlier visitor would.
Every relation a page can show is filled in (featured, related and reflection posts, speakers,
linked terms), so nothing is measured empty. Listings, feeds and search are measured with 5 items
and again with LARGE items; the counts must not grow (a blog feed's twenty bodies look up their
links and glossary marks together, once per request). LARGE is 60:
a query made per item shows as surely at 60 as at 1,000, and the test stays short.

Ten queries is the budget, for every page type. The site chrome costs five with no cache: the site,
the two routing queries, the site's root paths for URLs, and the site settings with the menu and
footer links (one query, see core.chrome). View restrictions cost none: `.public()` and routing
test them inside their own queries (core.visibility). What a page shows is read in as few queries
as its kinds of content allow: a body's page links and glossary marks together
(core.linked_pages), a post's related posts with its series, home's sections but its posts in one.
"""

import datetime
import re

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site
from wagtail.rich_text import RichText

from blog.models import BlogPageRelatedPost
from casestudies.models import CaseStudyGlossaryTerm, CaseStudyRelatedPost
from glossary.models import GlossaryRelatedTerm
from home.models import HomePageFeaturedItem
from tests.base import SiteTestCase
from tests.factories import ImageFactory, PersonFactory, StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory, SeriesFactory
from tests.factories.casestudies import (
    CaseMakerPageFactory,
    CaseMakerSectionPageFactory,
    CaseStudyPageFactory,
    EnablerFactory,
    SectorFactory,
)
from tests.factories.events import (
    EventIndexPageFactory,
    EventPageFactory,
    EventPagePartnerFactory,
    EventPageSpeakerFactory,
    EventSeriesFactory,
)
from tests.factories.glossary import GlossaryGroupFactory, GlossaryIndexPageFactory, GlossaryTermPageFactory

BUDGET = 10
LARGE = 60

DETAIL_PAGES = ("post", "convening", "convening.ics", "story", "story card", "section", "term", "standard")
LISTINGS = (
    "/",
    "/blog/",
    "/blog/category/{category}/",
    "/blog/series/{series}/",
    "/blog/tag/care/",
    "/blog/author/{author}/",
    "/convenings/",
    "/convenings/past/",
    "/convenings/series/{event_series}/",
    "/case-maker/",
    "/case-maker/stories/",
    "/case-maker/stories/?sector={sector}",
    "/case-maker/cards/",
    "/glossary/",
    "/search/?q=relationships",
    "/search/?q=relationships&type=posts",
    "/blog/feed/",
    "/blog/feed/atom/",
    "/blog/category/{category}/feed/",
    "/blog/series/{series}/feed/",
    "/convenings/feed/",
    "/convenings/calendar.ics",
    "/case-maker/feed/",
    "/case-maker/feed/atom/",
    "/glossary/feed/",
    "/sitemap.xml",
)


class ContentBuilder:
    """Adds posts, convenings, stories and terms (with images, people and relations) to one site."""

    def __init__(self, home):
        self.home = home
        self.image = ImageFactory()
        self.person = PersonFactory(photo=self.image)
        self.guest = PersonFactory(photo=ImageFactory())
        self.category = CategoryFactory(slug="practice")
        self.series = SeriesFactory(slug="letters")
        self.event_series = EventSeriesFactory(slug="kitchen-table")
        self.sector = SectorFactory(slug="health")
        self.enabler = EnablerFactory(slug="time")
        self.group = GlossaryGroupFactory()
        self.blog = BlogIndexPageFactory(parent=home)
        self.convenings = EventIndexPageFactory(parent=home)
        self.case_maker = CaseMakerPageFactory(parent=home)
        self.glossary = GlossaryIndexPageFactory(parent=home)
        self.section = CaseMakerSectionPageFactory(parent=self.case_maker, slug="why")
        self.standard = StandardPageFactory(parent=home, slug="about", listing_image=self.image)
        self.count = 0
        self.last = {}

    def add(self, n):
        now = timezone.now()
        for _ in range(n):
            i = self.count = self.count + 1
            previous = self.last
            term = GlossaryTermPageFactory(
                parent=self.glossary, title=f"Relationships term {i}", group=self.group
            )
            event = EventPageFactory(
                parent=self.convenings,
                title=f"Relationships convening {i}",
                start=now + datetime.timedelta(days=i),
                series=self.event_series,
                listing_image=self.image,
            )
            for person in (self.person, self.guest):
                EventPageSpeakerFactory(page=event, person=person)
            EventPagePartnerFactory(page=event)
            past_event = EventPageFactory(
                parent=self.convenings,
                title=f"Past convening {i}",
                start=now - datetime.timedelta(days=i),
                series=self.event_series,
                listing_image=self.image,
            )
            post = BlogPageFactory(
                parent=self.blog,
                title=f"Relationships post {i}",
                category=self.category,
                series=self.series,
                listing_image=self.image if i % 2 else None,
                hero_image=self.image,
                authors=[self.person, self.guest],
                tags=["care", f"tag-{i}"],
                featured=i % 2 == 0,
                related_convening=past_event,
                body=[
                    (
                        "paragraph",
                        RichText(
                            f'<p>See <a linktype="page" id="{self.standard.pk}">about</a> and '
                            f'<a linktype="page" id="{self.blog.pk}">blog</a>, '
                            f'<a linktype="glossary" id="{term.pk}">term</a>.</p>'
                        ),
                    )
                ],
            )
            story = CaseStudyPageFactory(
                parent=self.case_maker,
                title=f"Relationships story {i}",
                listing_image=self.image,
                sectors=[self.sector],
                enablers=[self.enabler],
            )
            CaseStudyGlossaryTerm.objects.create(page=story, term=term)
            CaseStudyRelatedPost.objects.create(page=story, post=post)
            if previous:
                BlogPageRelatedPost.objects.create(page=post, post=previous["post"])
                GlossaryRelatedTerm.objects.create(page=term, term=previous["term"])
            if i <= 2:
                for page in (post, event, story, self.standard):
                    HomePageFeaturedItem.objects.create(home_page=self.home, page=page)
            self.last = {"post": post, "convening": event, "story": story, "term": term}

    def detail_urls(self):
        pages = dict(self.last, section=self.section, standard=self.standard)
        urls = {name: pages[name].url for name in DETAIL_PAGES if name in pages}
        urls["convening.ics"] = f"{urls['convening']}calendar.ics"
        urls["story card"] = f"{urls['story']}card/"
        return urls

    def listing_urls(self):
        slugs = {
            "category": self.category.slug,
            "series": self.series.slug,
            "author": self.person.slug,
            "event_series": self.event_series.slug,
            "sector": self.sector.slug,
        }
        return {url: url.format(**slugs) for url in LISTINGS}


def warm_query_count(client, url):
    """Queries made by the second of two identical requests (per-process caches warmed by the first)."""
    first = client.get(url)
    assert first.status_code == 200, (url, first.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries), [brief(q["sql"]) for q in queries.captured_queries]


def brief(sql):
    """A query without its column list, so a failure shows at a glance which tables were hit."""
    return re.sub(r"^SELECT .*? FROM ", "SELECT … FROM ", sql)[:300]


EVERY_CACHE_OFF = {
    alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    for alias in ("default", "pages", "generation")
}


@override_settings(PAGE_CACHE_SECONDS=0, CACHES=EVERY_CACHE_OFF)
class QueryBudgetTests(SiteTestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.builder = ContentBuilder(cls.home)
        cls.builder.add(5)
        Site.clear_site_root_paths_cache()

    def measure(self, urls):
        return {name: warm_query_count(self.client, url) for name, url in urls.items()}

    def assert_within_budget(self, counts):
        over = {name: count for name, (count, _) in counts.items() if count > BUDGET}
        self.assertEqual(over, {}, "\n\n".join(f"{name}:\n" + "\n".join(counts[name][1]) for name in over))

    def test_detail_pages_within_budget(self):
        self.assert_within_budget(self.measure(self.builder.detail_urls()))

    def test_listings_feeds_and_search_within_budget_and_constant(self):
        urls = self.builder.listing_urls()
        few = self.measure(urls)
        self.assert_within_budget(few)
        self.builder.add(LARGE - 5)
        Site.clear_site_root_paths_cache()
        many = self.measure(urls)
        grew = {name: (few[name][0], count) for name, (count, _) in many.items() if count > few[name][0]}
        self.assertEqual(grew, {}, "queries grew with the number of items (few, many)")
