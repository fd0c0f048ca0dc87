"""Seed a PostgreSQL database of its own with the benchmark site: 1,000 posts, 200 convenings,
100 stories and 200 glossary terms, related as on the real site, indexed for search. Used by
load.py, queries.py and memory.sh.

    .venv/bin/python bench/seed.py            # creates rel_bench (BENCH_DATABASE_URL to choose)
"""

import importlib.util
import io
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

# bench/search.py holds the database helpers and the page seeder; loaded by path because its
# module name would shadow the site's own `search` app.
_spec = importlib.util.spec_from_file_location("bench_search", Path(__file__).with_name("search.py"))
site_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site_bench)

COUNTS = {"posts": 1000, "convenings": 200, "stories": 100, "glossary": 200}
DATABASE_URL = site_bench.DATABASE_URL
# Media shared by the seeder and the benchmarks that render its image (git-ignored).
MEDIA_ROOT = Path(__file__).resolve().parent / "results" / "media"


def setup_django(url):
    """Django on `url` with the test settings, keeping media where every benchmark finds it."""
    site_bench.setup_django(url)
    from django.test.utils import override_settings

    override_settings(MEDIA_ROOT=str(MEDIA_ROOT)).enable()


def bench_image():
    """One picture for every listing, hero and portrait, as a small site might reuse a few."""
    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (1300, 700), "#9a3a20").save(buffer, "JPEG")
    return get_image_model().objects.create(
        title="Benchmark picture", file=ImageFile(buffer, name="bench.jpg"), width=1300, height=700
    )


def relate(rng):
    """Give the seeded pages what real ones have: authors, tags, categories, series, speakers,
    sectors, scales, chosen links, glossary marks and images, plus a standard page and the Case
    Maker's sections."""
    from django.db import transaction

    from taggit.models import Tag
    from wagtail.models import Page
    from wagtail.rich_text import RichText

    from blog.models import (
        BlogIndexPage,
        BlogPage,
        BlogPageAuthor,
        BlogPageRelatedPost,
        BlogPageTag,
        Category,
        Series,
    )
    from casestudies.models import (
        CaseMakerPage,
        CaseMakerSectionPage,
        CaseStudyGlossaryTerm,
        CaseStudyPage,
        CaseStudyRelatedPost,
        Enabler,
        Scale,
        Sector,
    )
    from core.models import Person, StandardPage
    from events.models import EventPage, EventPageSpeaker, EventSeries
    from glossary.models import GlossaryGroup, GlossaryRelatedTerm, GlossaryTermPage
    from home.models import HomePage, HomePageFeaturedItem

    with transaction.atomic():
        image = bench_image()
        people = [
            Person.objects.create(name=f"Person {n}", slug=f"person-{n}", photo=image if n < 5 else None)
            for n in range(20)
        ]
        categories = [Category.objects.create(name=f"Category {n}", slug=f"category-{n}") for n in range(6)]
        series = [Series.objects.create(title=f"Series {n}", slug=f"series-{n}") for n in range(4)]
        event_series = [
            EventSeries.objects.create(name=f"Gatherings {n}", slug=f"gatherings-{n}") for n in range(4)
        ]
        sectors = [Sector.objects.create(name=f"Sector {n}", slug=f"sector-{n}") for n in range(5)]
        enablers = [Enabler.objects.create(name=f"Enabler {n}", slug=f"enabler-{n}") for n in range(5)]
        scales = [Scale.objects.create(name=f"Scale {n}", slug=f"scale-{n}", sort_order=n) for n in range(4)]
        groups = [GlossaryGroup.objects.create(name=f"Group {n}", slug=f"group-{n}") for n in range(5)]

        home = HomePage.objects.get()
        blog = BlogIndexPage.objects.get()
        terms = list(GlossaryTermPage.objects.order_by("pk"))
        events = list(EventPage.objects.order_by("start"))
        posts = list(BlogPage.objects.order_by("pk"))
        stories = list(CaseStudyPage.objects.order_by("pk"))
        for number, term in enumerate(terms):
            term.group = groups[number % len(groups)]
        GlossaryTermPage.objects.bulk_update(terms, ["group"])
        GlossaryRelatedTerm.objects.bulk_create(
            GlossaryRelatedTerm(page=term, term=rng.choice(terms)) for term in terms[: len(terms) // 2]
        )
        now = datetime.now(UTC)
        for number, event in enumerate(events):
            event.series = event_series[number % len(event_series)] if number % 2 else None
            event.listing_image = image
            if number % 2:  # half the programme is still to come
                event.start = now + timedelta(days=rng.randint(1, 300), hours=10)
                event.end = event.start + timedelta(hours=2)
        EventPage.objects.bulk_update(events, ["series", "listing_image", "start", "end"])
        EventPageSpeaker.objects.bulk_create(
            EventPageSpeaker(page=event, person=person, sort_order=order)
            for event in events
            for order, person in enumerate(rng.sample(people, 2))
        )
        past_events = [event for event in events if event.end < now] or events
        for number, post in enumerate(posts):
            post.category = rng.choice(categories)
            post.series = series[number % len(series)] if number % 4 == 0 else None
            post.series_position = number // 16 + 1 if post.series else None
            post.listing_image = image if number % 2 else None
            post.hero_image = image
            post.featured = number < 5
            post.related_convening = rng.choice(past_events) if number % 10 == 0 else None
            marks = f'<a linktype="page" id="{blog.pk}">the blog</a> and <a linktype="glossary" id="{rng.choice(terms).pk}">a term</a>'
            post.body = [
                ("paragraph", RichText(f"<p>Read {marks}.</p>")),
                *((block.block_type, block.value) for block in post.body),
            ]
        BlogPage.objects.bulk_update(
            posts,
            ["category", "series", "series_position", "listing_image", "hero_image", "featured"]
            + ["related_convening", "body"],
            batch_size=200,
        )
        BlogPageAuthor.objects.bulk_create(
            BlogPageAuthor(page=post, person=person, sort_order=order)
            for post in posts
            for order, person in enumerate(rng.sample(people, rng.randint(1, 2)))
        )
        BlogPageRelatedPost.objects.bulk_create(
            BlogPageRelatedPost(page=post, post=rng.choice(posts)) for post in posts[::5]
        )
        tags = [Tag.objects.create(name=f"topic {n}", slug=f"topic-{n}") for n in range(40)]
        BlogPageTag.objects.bulk_create(
            BlogPageTag(content_object=post, tag=tag) for post in posts for tag in rng.sample(tags, 3)
        )
        for story in stories:
            story.listing_image = image
            story.scale = rng.choice(scales)
        CaseStudyPage.objects.bulk_update(stories, ["listing_image", "scale"])
        CaseStudyPage.sectors.through.objects.bulk_create(
            CaseStudyPage.sectors.through(casestudypage=story, sector=sector)
            for story in stories
            for sector in rng.sample(sectors, 2)
        )
        CaseStudyPage.enablers.through.objects.bulk_create(
            CaseStudyPage.enablers.through(casestudypage=story, enabler=enabler)
            for story in stories
            for enabler in rng.sample(enablers, 2)
        )
        CaseStudyGlossaryTerm.objects.bulk_create(
            CaseStudyGlossaryTerm(page=story, term=rng.choice(terms)) for story in stories
        )
        CaseStudyRelatedPost.objects.bulk_create(
            CaseStudyRelatedPost(page=story, post=rng.choice(posts)) for story in stories
        )

        case_maker = CaseMakerPage.objects.get()
        for number in range(4):
            case_maker.add_child(
                instance=CaseMakerSectionPage(
                    title=f"Part {number + 1} of the case",
                    slug=f"part-{number + 1}",
                    in_brief="Why relationships come first.",
                    body=[("paragraph", RichText("<p>The case, in brief.</p>"))],
                )
            )
        about = home.add_child(
            instance=StandardPage(
                title="About us",
                slug="about",
                in_brief="Who we are.",
                listing_image=image,
                body=[("paragraph", RichText("<p>Who we are.</p>"))],
            )
        )
        for order, page in enumerate([posts[0], events[-1], stories[0], about]):
            HomePageFeaturedItem.objects.create(home_page=home, page=page, sort_order=order)
        published = datetime(2019, 1, 1, tzinfo=UTC)
        Page.objects.filter(first_published_at__isnull=True).update(
            first_published_at=published, last_published_at=published + timedelta(days=1)
        )


def seed_site(counts, seed=20240611):
    """The benchmark site with `counts` pages of each kind, related, indexed and analysed."""
    from django.core.management import call_command
    from django.db import connection

    from core.models import SiteSettings

    rng = random.Random(seed)
    total = sum(counts.values())
    site_bench.MIX = {kind: count / total for kind, count in counts.items()}
    call_command("migrate", verbosity=0)
    site_bench.seed(total, rng)
    relate(rng)
    SiteSettings.load()
    call_command("update_index", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main():
    site_bench.create_database(DATABASE_URL)
    setup_django(DATABASE_URL)
    seed_site(COUNTS)
    print(f"Seeded {DATABASE_URL}: " + ", ".join(f"{n} {kind}" for kind, n in COUNTS.items()))


if __name__ == "__main__":
    main()
