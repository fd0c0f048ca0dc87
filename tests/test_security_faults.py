"""Faults: the site with its database unreachable, and concurrent editors on embedded SQLite.

The full PostgreSQL outage (server stopped under gunicorn, then restarted) is bench/fault_postgres.py;
these are the parts that run in CI time without stopping a shared server.
"""

import json
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.utils import load_backend
from django.test import Client, SimpleTestCase

BASE_DIR = Path(settings.BASE_DIR)


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def unreachable_database():
    """Swap the default connection for one to a database that cannot be reached (no mocks):
    a closed loopback port for PostgreSQL, a file in a missing directory for SQLite."""
    original = connections["default"]
    broken_settings = {**original.settings_dict}
    if original.vendor == "sqlite":
        broken_settings["NAME"] = str(BASE_DIR / "no-such-directory" / "db.sqlite3")
    else:
        broken_settings.update(HOST="127.0.0.1", PORT=str(unused_port()))
    broken = load_backend(broken_settings["ENGINE"]).DatabaseWrapper(broken_settings, "default")
    connections["default"] = broken
    try:
        yield
    finally:
        broken.close()
        connections["default"] = original


class DatabaseOutageTests(SimpleTestCase):
    databases = {"default"}  # only ever reached through the unreachable stand-in

    def setUp(self):
        self.client = Client(raise_request_exception=False)

    def test_health_reports_unhealthy(self):
        with unreachable_database():
            response = self.client.get("/health/")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.json(), {"status": "unhealthy", "database": "unavailable"})
        self.assertIn("no-store", response["Cache-Control"])

    def test_pages_fail_fast_with_the_static_error_page(self):
        for url in ("/", "/about/", "/search/?q=relationships", "/no-such-page/"):
            with self.subTest(url=url), unreachable_database():
                started = time.monotonic()
                response = self.client.get(url)
                elapsed = time.monotonic() - started
                self.assertEqual(response.status_code, 503)
                self.assertEqual(response["Retry-After"], "30")
                self.assertIn("no-store", response["Cache-Control"])
                self.assertContains(response, "Sorry, something went wrong", status_code=503)
                self.assertIn("Content-Security-Policy", response)
                self.assertLess(
                    elapsed, settings.DATABASES["default"]["OPTIONS"].get("connect_timeout", 1) + 2
                )

    def test_endpoints_that_need_no_database_keep_working(self):
        with unreachable_database():
            response = self.client.get("/.well-known/security.txt")
        self.assertEqual(response.status_code, 200)


class SQLiteConcurrencyTests(SimpleTestCase):
    def test_concurrent_editor_saves_and_reads_never_hit_database_is_locked(self):
        result = subprocess.run(  # noqa: S603 - fixed argv, our own script
            [sys.executable, "bench/sqlite_concurrency.py", "--writers", "4", "--saves", "12", "--json"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        report = json.loads(result.stdout.splitlines()[-1])
        self.assertEqual(report["errors"], [])
        self.assertEqual(report["journal_mode"], "wal")
        self.assertEqual(report["saves"], 4 * 12)
        self.assertGreater(report["reads"], 0)
