"""Four editors save and publish pages while readers keep requesting them, on a file-based SQLite
database with the site's real settings (WAL, IMMEDIATE transactions, busy timeout).

Prints what happened; exits non-zero if any save or read failed (e.g. "database is locked").
Run: python bench/sqlite_concurrency.py [--writers 4] [--saves 25] [--readers 2] [--json]
"""

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_path):
    os.environ["DATABASE_URL"] = f"sqlite:///{database_path}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "relationships.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def run(writers, saves, readers):
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from core.models import StandardPage
    from tests.base import build_site_tree
    from tests.factories import StandardPageFactory

    call_command("migrate", verbosity=0)
    assert connection.vendor == "sqlite" and not connection.is_in_memory_db()
    journal_mode = connection.cursor().execute("PRAGMA journal_mode").fetchone()[0]
    home = build_site_tree()
    page_ids = [StandardPageFactory(parent=home, slug=f"page-{n}").pk for n in range(writers)]
    urls = [StandardPage.objects.get(pk=pk).url for pk in page_ids]
    connection.close()

    errors, saved, reads = [], [0], [0]
    lock = threading.Lock()
    writers_done = threading.Event()
    start = threading.Barrier(writers + readers)

    def record_error(kind, exc):
        with lock:
            errors.append(f"{kind}: {type(exc).__name__}: {exc}")

    def editor(page_id):
        try:
            start.wait()
            for n in range(saves):
                page = StandardPage.objects.get(pk=page_id)
                page.title = f"Edited {n}"
                page.save_revision().publish()
                with lock:
                    saved[0] += 1
        except Exception as exc:  # noqa: BLE001 - every failure is a finding to report
            record_error("save", exc)
        finally:
            connection.close()

    def reader():
        client = Client()
        try:
            start.wait()
            while not writers_done.is_set():
                for url in urls:
                    response = client.get(url)
                    if response.status_code != 200:
                        raise AssertionError(f"{url} answered {response.status_code}")
                    with lock:
                        reads[0] += 1
        except Exception as exc:  # noqa: BLE001
            record_error("read", exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=editor, args=(pk,)) for pk in page_ids]
    reader_threads = [threading.Thread(target=reader) for _ in range(readers)]
    began = time.monotonic()
    for thread in threads + reader_threads:
        thread.start()
    for thread in threads:
        thread.join()
    writers_done.set()
    for thread in reader_threads:
        thread.join()
    return {
        "journal_mode": journal_mode,
        "writers": writers,
        "readers": readers,
        "saves": saved[0],
        "reads": reads[0],
        "seconds": round(time.monotonic() - began, 2),
        "errors": errors,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--saves", type=int, default=25, help="saves per editor")
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sqlite-concurrency-") as directory:
        setup_django(Path(directory) / "db.sqlite3")
        result = run(args.writers, args.saves, args.readers)
    if args.json:
        print(json.dumps(result))
    else:
        print(
            f"SQLite ({result['journal_mode']}): {result['writers']} editors saved and published "
            f"{result['saves']} revisions while {result['readers']} readers made {result['reads']} "
            f"page requests in {result['seconds']} s; {len(result['errors'])} errors."
        )
        for error in result["errors"]:
            print("  ", error)
    sys.exit(1 if result["errors"] else 0)


if __name__ == "__main__":
    main()
