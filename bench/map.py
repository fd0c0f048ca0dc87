"""The Relationships Map under load with 10,000 approved entries: req/s, p50 and p99 of the map page
and a filtered view, with nothing cached and with the full-page cache, each as a share of the static
CSS file's rate (the stack's physical limit). Seeds the entries (and a map page) once if missing.

    .venv/bin/python bench/map.py [--entries 10000] [--duration 5]    # BENCH_DATABASE_URL to choose
"""

import argparse
import importlib.util
import random
from pathlib import Path

# Loaded by path: bench/search.py's module name would shadow the site's own `search` app.
_HERE = Path(__file__).resolve().parent
_specs = {
    name: importlib.util.spec_from_file_location(f"bench_{name}", _HERE / f"{name}.py")
    for name in ("load", "search")
}
load, site_bench = (importlib.util.module_from_spec(spec) for spec in _specs.values())
for module, spec in zip((load, site_bench), _specs.values(), strict=True):
    spec.loader.exec_module(module)

FILTERED = "?theme=bench-theme-1&region=london&kind=organisation&looking=funding"
MODES = ("none", "pages")


def seed(total):
    """A map page under the home page and `total` approved entries over 8 themes and every place."""
    site_bench.setup_django(load.DATABASE_URL)
    from home.models import HomePage
    from map.models import MapEntry, MapPage, Status, Theme
    from map.taxonomy import KINDS, NEEDS, REGIONS

    home = HomePage.objects.first()
    if home is None:
        raise SystemExit("No home page: run bench/seed.py (or load the demo content) first.")
    if not MapPage.objects.exists():
        page = MapPage(
            title="Relationships Map", slug="map", in_brief="The map.", privacy_notice="<p>Notice.</p>"
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    themes = [
        Theme.objects.get_or_create(slug=f"bench-theme-{number}", defaults={"name": f"Bench theme {number}"})[
            0
        ]
        for number in range(8)
    ]
    missing = total - MapEntry.objects.public().count()
    rng = random.Random(23)
    start = MapEntry.objects.count()
    for first in range(0, max(missing, 0), 1000):
        entries = MapEntry.objects.bulk_create(
            MapEntry(
                name=f"Bench entry {start + first + number}",
                kind=rng.choice(KINDS)[0],
                region=rng.choice(REGIONS).key,
                description="A fictional entry for the load benchmark.",
                email=f"bench{start + first + number}@example.org",
                status=Status.APPROVED,
                public_fields=["description", "needs"],
                **{f"needs_{key}": rng.random() < 0.3 for key, _ in NEEDS},
            )
            for number in range(min(1000, missing - first))
        )
        MapEntry.themes.through.objects.bulk_create(
            MapEntry.themes.through(mapentry_id=entry.pk, theme_id=theme.pk)
            for entry in entries
            for theme in rng.sample(themes, 2)
        )
    return MapEntry.objects.public().count()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=5, help="seconds per URL and mode")
    args = parser.parse_args()
    count = seed(args.entries)

    def urls_for(env):
        return {
            "map page": "/map/",
            "filtered map": f"/map/{FILTERED}",
            "static CSS": load.sample_urls(env)["static CSS"],
        }

    _client, urls, results = load.measure_modes(MODES, urls_for, args.duration)
    print(
        f"\n{count} approved entries; {load.CONCURRENCY} connections, {args.duration}s per row, 2 gunicorn sync workers\n"
    )
    load.print_rates(MODES, urls, results, 14)


if __name__ == "__main__":
    main()
