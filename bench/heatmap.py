"""Heatmap group benchmark: a group of 500 finished results, its page timed next to a plain page.

Creates its own database (rel_bench_heatmap unless BENCH_DATABASE_URL names another), seeds the
demo Heatmap's questions and a group of `--people` results with every statement answered, and
prints the median and p95 of full requests through Django's test client, the query count and the
ratio to a plain page (the target is under 3×). The database is dropped unless --keep is given.
"""

import argparse
import importlib.util
import os
import random
import statistics
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rel_bench_heatmap")
# The search benchmark's database and timing helpers, loaded by path: bench/ is not a package and
# its module name would shadow the site's own `search` app.
_spec = importlib.util.spec_from_file_location("bench_search", HERE / "search.py")
bench_search = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_search)


def seed(people, rng):
    from django.utils import timezone

    from core.demo_loader import DemoContent, read
    from core.models import StandardPage
    from heatmap.models import Answer, HeatmapGroup, HeatmapPage, HeatmapResult
    from heatmap.tokens import new_token
    from tests.base import build_site_tree

    home = build_site_tree()
    plain = StandardPage(title="About us", slug="about", in_brief="About the project.", body=[])
    home.add_child(instance=plain)
    # The demo Heatmap under the home page, without the next steps' links to pages this database lacks.
    spec = next(
        spec for spec in read(HERE.parent / "heatmap" / "demo" / "content.yaml") if spec.model is HeatmapPage
    )
    spec.fields["parent"] = "/"
    for section in spec.fields["sections"]:
        for element in section["value"]["elements"]:
            for step in element["value"]["next_steps"]:
                step["value"]["links"] = []
    heatmap = DemoContent().get(spec)
    version = heatmap.current_version()
    group = HeatmapGroup.objects.create(
        version=version, name="Bench", join_token=new_token()[0], manage_hash=new_token()[1]
    )
    results = HeatmapResult.objects.bulk_create(
        HeatmapResult(version=version, group=group, token_hash=new_token()[1], completed_at=timezone.now())
        for _ in range(people)
    )
    Answer.objects.bulk_create(
        (
            Answer(result=result, statement_key=key, element_key=element["key"], score=rng.randint(1, 5))
            for result in results
            for key, element in version.questions.statements.items()
        ),
        batch_size=5000,
    )
    return plain.url, f"/hm/g/{group.join_token}/"


def report(plain_url, group_url, runs):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    rows = []
    for label, url in (
        ("plain page render (a StandardPage)", plain_url),
        ("group page, 500 results", group_url),
    ):
        samples = bench_search.timed(client, url, runs)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        rows.append((label, statistics.median(samples), bench_search.p95(samples), len(queries)))
    print(f"{'request':<40} {'median':>9} {'p95':>9} {'queries':>8}")
    for label, median, high, count in rows:
        print(f"{label:<40} {median:>7.1f}ms {high:>7.1f}ms {count:>8}")
    print(f"group page / plain page (median): {rows[1][1] / rows[0][1]:.2f}×")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500, help="finished results in the group (default 500)")
    parser.add_argument("--runs", type=int, default=20, help="timed requests per URL (default 20)")
    parser.add_argument("--keep", action="store_true", help="keep the database for a look afterwards")
    args = parser.parse_args()
    bench_search.create_database(DATABASE_URL)
    try:
        bench_search.setup_django(DATABASE_URL)
        from django.core.management import call_command
        from django.db import connection, connections

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        plain_url, group_url = seed(args.people, random.Random(2018))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(
            f"Seeded a group of {args.people} in {time.perf_counter() - started:.1f}s; {args.runs} timed requests per row.\n"
        )
        report(plain_url, group_url, args.runs)
        connections.close_all()
    finally:
        if args.keep:
            print(f"\nKept {DATABASE_URL}")
        else:
            bench_search.drop_database(DATABASE_URL)


if __name__ == "__main__":
    main()
