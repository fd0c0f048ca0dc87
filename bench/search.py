"""Search benchmark: seed 10,000 pages on PostgreSQL, then time searches next to a plain page render.

Creates its own database (rel_bench unless BENCH_DATABASE_URL names another), fills it with
posts, convenings, stories, glossary terms and pages written from a fixed vocabulary, builds
the search index, and prints the median and p95 of full requests through Django's test client.
The database is dropped afterwards unless --keep is given. See bench/README.md.
"""

import argparse
import os
import random
import statistics
import sys
import time
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote_plus, urlparse

import psycopg

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rel_bench")
# Share of the seeded pages per type, roughly as the real site will grow.
MIX = {"posts": 0.4, "convenings": 0.2, "stories": 0.2, "glossary": 0.1, "pages": 0.1}
QUERIES = [
    "relationships",
    "community weaving",
    "kinship care",
    "council",
    "loneliness in later life",
    "relational practice",
    "bridge builders handbook",
    "trust OR belonging",
    "no such words anywhere",
]
AUTOCOMPLETE = ["rel", "comm", "kinsh"]
TOPIC_WORDS = """
relationships relational practice community weaving kinship care council councils belonging trust
loneliness later life neighbours neighbourhood connection connector bridge builders handbook heatmap
toolbox convening gathering story stories evidence case maker practitioners network collective
infrastructure lecture learning listening conversation places schools health social prescribing
housing youth work volunteers mutual aid libraries faith groups mediation dialogue public services
commissioning funders charity wellbeing isolation friendship families carers workforce leadership
"""
# Everyday words, weighted so that topic words appear in realistic proportions.
EVERYDAY_WORDS = """
the and of to in a that with for on we our people who what how it as by from this more time
year years way ways first mile not extra one each other together across place local national
small part team new shared idea ideas question questions change made make making help better
"""
VOCABULARY = TOPIC_WORDS.split() + EVERYDAY_WORDS.split() * 3


def words(rng, count):
    return " ".join(rng.choice(VOCABULARY) for _ in range(count))


def sentence(rng, count):
    text = words(rng, count)
    return text[0].upper() + text[1:] + "."


def create_database(url):
    name = urlparse(url).path.lstrip("/")
    with psycopg.connect(url, dbname="postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(url):
    name = urlparse(url).path.lstrip("/")
    with psycopg.connect(url, dbname="postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def own_database(url, keep):
    """A fresh, migrated database for one run, dropped afterwards unless `keep` asks to look at it."""
    create_database(url)
    try:
        setup_django(url)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        yield
    finally:
        if keep:
            print(f"\nKept {url}")
        else:
            drop_database(url)


def setup_django(url):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = url
    # Test settings: DEBUG off as in production, plain static storage so no collectstatic is needed.
    os.environ["DJANGO_SETTINGS_MODULE"] = "relationships.settings.test"
    import django

    django.setup()


def seed(total, rng):
    """The site tree and `total` published pages, with search indexing deferred to one rebuild."""
    from django.db import transaction
    from django.db.models.signals import post_save
    from django.utils.text import slugify

    from wagtail.models import Page, Site
    from wagtail.rich_text import RichText
    from wagtail.search.signal_handlers import post_save_signal_handler
    from wagtail.signal_handlers import disable_reference_index_auto_update

    from blog.models import BlogIndexPage, BlogPage
    from casestudies.models import CaseMakerPage, CaseStudyPage
    from core.models import StandardPage
    from events.models import EventIndexPage, EventPage
    from glossary.models import GlossaryIndexPage, GlossaryTermPage
    from home.models import HomePage

    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = root.add_child(instance=HomePage(title="Home", slug="home", strapline="Benchmark"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    parents = {
        "posts": home.add_child(instance=BlogIndexPage(title="Blog", slug="blog", in_brief="News.")),
        "convenings": home.add_child(instance=EventIndexPage(title="Convenings", slug="convenings")),
        "stories": home.add_child(
            instance=CaseMakerPage(title="Case Maker", slug="case-maker", in_brief="Stories.")
        ),
        "glossary": home.add_child(instance=GlossaryIndexPage(title="Glossary", slug="glossary")),
        "pages": home,
    }

    def body(rng):
        return [("paragraph", RichText(f"<p>{sentence(rng, 60)}</p>")) for _ in range(4)]

    def build(kind, number):
        title = f"{sentence(rng, rng.randint(3, 7))[:-1]} {number}"
        common = {"title": title, "slug": slugify(title)[:80]}
        if kind == "glossary":
            return GlossaryTermPage(**common, short_definition=sentence(rng, 20))
        listing = {**common, "in_brief": sentence(rng, 20), "body": body(rng)}
        if kind == "posts":
            return BlogPage(**listing, date=date(2019, 1, 1) + timedelta(days=rng.randint(0, 2500)))
        if kind == "convenings":
            start = datetime(2019, 1, 1, 10, tzinfo=UTC) + timedelta(days=rng.randint(0, 2500))
            return EventPage(**listing, start=start, end=start + timedelta(hours=2))
        if kind == "stories":
            return CaseStudyPage(**listing)
        return StandardPage(**listing)

    def add_children(parent, pages):
        # Treebeard's add_child validates and looks up siblings for every page; the seed is valid
        # by construction, so paths are numbered here and each page saved once, unvalidated.
        parent.refresh_from_db()
        for step, page in enumerate(pages, start=parent.numchild + 1):
            page.depth = parent.depth + 1
            page.path = Page._get_path(parent.path, page.depth, step)
            page.draft_title = page.title
            page.locale_id = parent.locale_id
            page.save(clean=False)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))

    models = [BlogPage, EventPage, CaseStudyPage, GlossaryTermPage, StandardPage]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    published = datetime(2019, 1, 1, tzinfo=UTC)
    number = 0
    with transaction.atomic(), disable_reference_index_auto_update():
        for kind, share in MIX.items():
            pages = []
            for _ in range(round(total * share)):
                number += 1
                page = build(kind, number)
                page.first_published_at = page.last_published_at = published + timedelta(hours=number)
                pages.append(page)
            add_children(parents[kind], pages)
    for model in models:
        post_save.connect(post_save_signal_handler, sender=model)
    return StandardPage.objects.live().first()


def timed(client, url, runs):
    client.get(url)  # warm caches, as a reader after the first would find them
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return samples


def p95(samples):
    return statistics.quantiles(samples, n=20, method="inclusive")[-1]


def timing_row(client, label, url, runs, detail=""):
    """One row of a timing table: `runs` timed requests of `url`, and the queries one request makes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    samples = timed(client, url, runs)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return label, samples, len(queries), detail


def print_timings(rows, width):
    print(f"{'request':<{width}} {'median':>9} {'p95':>9} {'queries':>8}")
    for label, samples, query_count, detail in rows:
        median, high = statistics.median(samples), p95(samples)
        print(f"{label:<{width}} {median:>7.1f}ms {high:>7.1f}ms {query_count:>8}  {detail}".rstrip())


def timing_arguments(description):
    """The command line of a benchmark that times requests against its own database."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=20, help="timed requests per URL (default 20)")
    parser.add_argument("--keep", action="store_true", help="keep the database for a look afterwards")
    return parser


def report(plain_page, runs):
    from django.test import Client

    from search.query import SearchQuery
    from search.views import searchable_pages

    client = Client()

    def matches(query):
        return searchable_pages().search(SearchQuery.parse(query).terms).count()

    rows = [timing_row(client, "plain page render (a StandardPage)", plain_page.url, runs)]
    for query in QUERIES:
        url = f"/search/?q={quote_plus(query)}"
        rows.append(timing_row(client, f'search "{query}"', url, runs, f"{matches(query):,} matches"))
    searches = rows[1:]
    rows.append(
        timing_row(client, 'search "relationships", newest', "/search/?q=relationships&sort=newest", runs)
    )
    rows.append(
        timing_row(
            client,
            'search "relationships", posts, page 3',
            "/search/?q=relationships&type=posts&page=3",
            runs,
        )
    )
    for prefix in AUTOCOMPLETE:
        rows.append(timing_row(client, f'autocomplete "{prefix}"', f"/search/suggest/?q={prefix}", runs))

    print_timings(rows, 44)
    all_searches = [sample for _label, samples, _queries, _detail in searches for sample in samples]
    print(f"{'all searches above':<44} {statistics.median(all_searches):>7.1f}ms {p95(all_searches):>7.1f}ms")


def main():
    parser = timing_arguments(__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000, help="pages to seed (default 10,000)")
    args = parser.parse_args()

    with own_database(DATABASE_URL, args.keep):
        from django.core.management import call_command
        from django.db import connection, connections

        started = time.perf_counter()
        plain_page = seed(args.pages, random.Random(2018))
        seeded = time.perf_counter() - started
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        indexed = time.perf_counter() - started
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # planner statistics, as autovacuum keeps them on a live site
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
        print(
            f"PostgreSQL {version}: seeded {args.pages:,} pages in {seeded:.0f}s, "
            f"built the search index in {indexed:.0f}s; {args.runs} timed requests per row.\n"
        )
        report(plain_page, args.runs)
        connections.close_all()


if __name__ == "__main__":
    main()
