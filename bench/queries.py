"""Queries per page: the database queries of every public page type, on a cold and a warm cache.

Requests go through Django's test client with the full-page cache off, so every view runs. Cold is
the first request after the shared cache is emptied, warm the one after it. Runs against the
seeded site (bench/seed.py: 1,000 posts, 200 convenings, 100 stories, 200 terms); `--small` seeds
five of each into a database of its own instead, and `--compare` runs both and prints them side by
side. It prints figures and never fails on them. See bench/README.md.
"""

import argparse
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import psycopg

_spec = importlib.util.spec_from_file_location("bench_seed", Path(__file__).with_name("seed.py"))
bench_seed = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_seed)

SMALL_COUNTS = {"posts": 5, "convenings": 5, "stories": 5, "glossary": 5}
SMALL_DATABASE_URL = os.environ.get(
    "BENCH_SMALL_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rel_bench_small"
)


def page_urls():
    """{page type: address} for every public page type of the seeded site."""
    from django.db.models import Count

    from taggit.models import Tag

    from blog.models import BlogPage, Category, Series
    from casestudies.models import CaseMakerSectionPage, CaseStudyPage, Sector
    from core.models import Person, StandardPage
    from events.models import EventPage, EventSeries
    from glossary.models import GlossaryTermPage

    events = EventPage.objects.live().annotate(speaker_count=Count("speakers")).filter(speaker_count__gt=0)
    post = BlogPage.objects.live().filter(series__isnull=False).order_by("pk").first()
    upcoming = events.upcoming().first()
    past = events.past().filter(reflection_posts__isnull=False).first() or events.past().first()
    story = CaseStudyPage.objects.live().order_by("pk").first()
    category = Category.objects.filter(posts__isnull=False).first()
    series = Series.objects.filter(posts__isnull=False).first()
    return {
        "home": "/",
        "blog index": "/blog/",
        "blog index, page 2": "/blog/?page=2",
        "blog category": f"/blog/category/{category.slug}/",
        "blog series": f"/blog/series/{series.slug}/",
        "blog tag": f"/blog/tag/{Tag.objects.filter(blog_blogpagetag_items__isnull=False).first().slug}/",
        "blog author": f"/blog/author/{Person.objects.filter(blog_authorships__isnull=False).first().slug}/",
        "blog year": f"/blog/{post.date.year}/",
        "post": post.url,
        "convenings": "/convenings/",
        "past convenings": "/convenings/past/",
        "convening series": f"/convenings/series/{EventSeries.objects.first().slug}/",
        "convening (upcoming)": upcoming.url,
        "convening (past)": past.url,
        "Case Maker": "/case-maker/",
        "story explorer": "/case-maker/stories/",
        "story explorer, filtered": f"/case-maker/stories/?sector={Sector.objects.first().slug}",
        "case cards": "/case-maker/cards/",
        "Case Maker section": CaseMakerSectionPage.objects.live().first().url,
        "story": story.url,
        "story card": f"{story.url}card/",
        "glossary": "/glossary/",
        "glossary A-Z": "/glossary/?view=a-z",
        "glossary term": GlossaryTermPage.objects.live().first().url,
        "standard page": StandardPage.objects.live().first().url,
        "search": "/search/?q=relationships",
        "search, posts only": "/search/?q=relationships&type=posts",
        "search, newest first": "/search/?q=relationships&sort=newest",
        "search, page 2": "/search/?q=relationships&page=2",
        "autocomplete": "/search/suggest/?q=rel",
        "blog RSS": "/blog/feed/",
        "blog Atom": "/blog/feed/atom/",
        "blog category RSS": f"/blog/category/{category.slug}/feed/",
        "blog series RSS": f"/blog/series/{series.slug}/feed/",
        "convenings RSS": "/convenings/feed/",
        "Case Maker RSS": "/case-maker/feed/",
        "Case Maker Atom": "/case-maker/feed/atom/",
        "glossary RSS": "/glossary/feed/",
        "convenings calendar": "/convenings/calendar.ics",
        "convening calendar": f"{upcoming.url}calendar.ics",
        "sitemap": "/sitemap.xml",
    }


def measure():
    """{page type: (status, cold queries, warm queries)} on the site Django is set up with."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client()

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        return response.status_code, len(captured)

    with override_settings(PAGE_CACHE_SECONDS=0):
        urls = page_urls()
        # One pass first, as on a site that has run a while: image renditions exist, Python's
        # own per-process caches (content types, URL resolvers, templates) are filled.
        for url in urls.values():
            client.get(url)
        rows = {}
        for label, url in urls.items():
            cache.clear()
            status, cold = queries(url)
            _, warm = queries(url)
            rows[label] = (status, cold, warm)
    return rows


def run(url, counts=None):
    """Measure the site at `url`; with `counts`, seed it first into a fresh database and drop it after."""
    if counts:
        bench_seed.site_bench.create_database(url)
    else:
        try:
            psycopg.connect(url).close()
        except psycopg.OperationalError as error:
            raise SystemExit(f"{url} is not reachable ({error}); run bench/seed.py first") from None
    try:
        bench_seed.setup_django(url)
        if counts:
            bench_seed.seed_site(counts)
        from django.db import connections

        rows = measure()
        connections.close_all()
        return rows
    finally:
        if counts:
            bench_seed.site_bench.drop_database(url)


def print_table(columns):
    """`columns` is {heading: rows}; prints cold and warm counts per page type under each heading."""
    labels = list(next(iter(columns.values())))
    print(f"{'page type':<26}" + "".join(f"{heading:>22}" for heading in columns))
    print(f"{'':<26}" + f"{'cold':>14}{'warm':>8}" * len(columns))
    for label in labels:
        cells = []
        for rows in columns.values():
            status, cold, warm = rows[label]
            note = "" if status == 200 else f" ({status})"
            cells.append(f"{cold:>14}{warm:>8}{note}")
        print(f"{label:<26}" + "".join(cells))
    print(
        f"{'most, warm':<26}"
        + "".join(f"{'':>14}{max(r[2] for r in rows.values()):>8}" for rows in columns.values())
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--small", action="store_true", help="seed five of each into a database of its own")
    mode.add_argument("--compare", action="store_true", help="the small site beside the seeded one")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.compare:
        columns = {}
        for heading, flags in (("5 of each", ["--small"]), ("seeded site", [])):
            output = subprocess.check_output([sys.executable, __file__, *flags, "--json"], text=True)
            columns[heading] = {label: tuple(row) for label, row in json.loads(output).items()}
        print_table(columns)
        return
    rows = run(SMALL_DATABASE_URL, SMALL_COUNTS) if args.small else run(bench_seed.DATABASE_URL)
    if args.json:
        print(json.dumps(rows))
    else:
        print_table({"5 of each" if args.small else "seeded site": rows})


if __name__ == "__main__":
    main()
