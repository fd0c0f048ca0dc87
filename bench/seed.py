"""Seed a PostgreSQL database of its own with the benchmark site: 1,000 posts, 200 convenings,
100 stories and 200 glossary terms, indexed for search. Used by load.py, queries.py and memory.sh.

    .venv/bin/python bench/seed.py            # creates rel_bench (BENCH_DATABASE_URL to choose)
"""

import importlib.util
import random
from pathlib import Path

# bench/search.py holds the database helpers and the page seeder; loaded by path because its
# module name would shadow the site's own `search` app.
_spec = importlib.util.spec_from_file_location("bench_search", Path(__file__).with_name("search.py"))
site_bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(site_bench)

COUNTS = {"posts": 1000, "convenings": 200, "stories": 100, "glossary": 200}
DATABASE_URL = site_bench.DATABASE_URL


def main():
    total = sum(COUNTS.values())
    site_bench.MIX = {kind: count / total for kind, count in COUNTS.items()}
    site_bench.create_database(DATABASE_URL)
    site_bench.setup_django(DATABASE_URL)
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    site_bench.seed(total, random.Random(20240611))
    call_command("update_index", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"Seeded {DATABASE_URL}: " + ", ".join(f"{n} {kind}" for kind, n in COUNTS.items()))


if __name__ == "__main__":
    main()
