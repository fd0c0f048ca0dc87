"""Heatmap group benchmark: a group of 500 finished results, its page timed next to a plain page.

Creates its own database (rel_bench_heatmap unless BENCH_DATABASE_URL names another), seeds the
demo Heatmap's questions and a group of `--people` results with every statement answered, and
prints the median and p95 of full requests through Django's test client, the query count and the
ratio to a plain page (the target is under 3×). The database is dropped unless --keep is given.
"""

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
    from django.test import Client

    client = Client()
    rows = [
        bench_search.timing_row(client, "plain page render (a StandardPage)", plain_url, runs),
        bench_search.timing_row(client, "group page, 500 results", group_url, runs),
    ]
    bench_search.print_timings(rows, 40)
    ratio = statistics.median(rows[1][1]) / statistics.median(rows[0][1])
    print(f"group page / plain page (median): {ratio:.2f}×")


def main():
    parser = bench_search.timing_arguments(__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=500, help="finished results in the group (default 500)")
    args = parser.parse_args()
    with bench_search.own_database(DATABASE_URL, args.keep):
        from django.db import connection, connections

        started = time.perf_counter()
        plain_url, group_url = seed(args.people, random.Random(2018))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(
            f"Seeded a group of {args.people} in {time.perf_counter() - started:.1f}s; {args.runs} timed requests per row.\n"
        )
        report(plain_url, group_url, args.runs)
        connections.close_all()


if __name__ == "__main__":
    main()
