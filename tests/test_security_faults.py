"""Faults: the site with its database unreachable, and concurrent editors on embedded SQLite.

The full PostgreSQL outage (server stopped under gunicorn, then restarted) is bench/fault_postgres.py;
these are the parts that run in CI time without stopping a shared server.
"""

import json
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.db.utils import load_backend
from django.test import Client, SimpleTestCase, TestCase, override_settings

from relationships.settings.database import database_settings

BASE_DIR = Path(settings.BASE_DIR)


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def hung_listener():
    """A real loopback port that accepts connections and never says a word, as a blackholed or
    frozen database server does; yields its port."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held, stopped = [], threading.Event()

    def accept():
        server.settimeout(0.2)
        while not stopped.is_set():
            try:
                held.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server.getsockname()[1]
    finally:
        stopped.set()
        thread.join()
        for sock in held:
            sock.close()
        server.close()


@contextmanager
def standin_database(broken_settings):
    """Swap the default connection for one built from `broken_settings` (no mocks)."""
    original = connections["default"]
    broken_settings = {**original.settings_dict, **broken_settings}
    broken = load_backend(broken_settings["ENGINE"]).DatabaseWrapper(broken_settings, "default")
    connections["default"] = broken
    try:
        yield
    finally:
        broken.close()
        connections["default"] = original


def unreachable_database():
    """A database that cannot be reached: a closed loopback port for PostgreSQL, a file in a
    missing directory for SQLite."""
    original = connections["default"].settings_dict
    if original["ENGINE"] == "django.db.backends.sqlite3":
        return standin_database({"NAME": str(BASE_DIR / "no-such-directory" / "db.sqlite3")})
    return standin_database({"HOST": "127.0.0.1", "PORT": str(unused_port())})


def hung_database(port):
    """PostgreSQL as production settings connect to it, at a port that accepts and never answers."""
    return standin_database(database_settings(f"postgres://postgres@127.0.0.1:{port}/hung", command=False))


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

    @override_settings(PAGE_CACHE_LOOKUP_SECONDS=86400)
    def test_failures_in_middleware_are_the_same_503(self):
        """The shared lookups are read in a middleware, before any view runs."""
        for url in ("/", "/blog/"):
            with self.subTest(url=url), unreachable_database():
                response = self.client.get(url)
            self.assertEqual(response.status_code, 503)
            self.assertEqual(response["Retry-After"], "30")
            self.assertContains(response, "Sorry, something went wrong", status_code=503)

    def test_a_hung_database_is_reported_within_five_seconds(self):
        with hung_listener() as port, hung_database(port):
            started = time.monotonic()
            health = self.client.get("/health/")
            health_took = time.monotonic() - started
            started = time.monotonic()
            with override_settings(PAGE_CACHE_LOOKUP_SECONDS=86400):
                page = self.client.get("/")
            page_took = time.monotonic() - started
        self.assertEqual(health.status_code, 503)
        self.assertLess(health_took, 5)
        self.assertEqual(page.status_code, 503)
        self.assertEqual(page["Retry-After"], "30")
        # Just after a failed connection the process does not wait on the database again, so a
        # worker keeps answering while it is down instead of queueing readers a timeout each.
        self.assertLess(page_took, 1)

    def test_endpoints_that_need_no_database_keep_working(self):
        with unreachable_database():
            response = self.client.get("/.well-known/security.txt")
        self.assertEqual(response.status_code, 200)


class DatabaseTimeoutTests(TestCase):
    def test_the_connection_gives_up_on_a_statement_or_lock_after_ten_seconds(self):
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA busy_timeout")
                self.assertEqual(cursor.fetchone()[0], 10_000)
            else:
                cursor.execute("SHOW statement_timeout")
                self.assertEqual(cursor.fetchone()[0], "10s")

    def test_management_commands_may_wait_longer(self):
        self.assertEqual(database_settings("sqlite:///x.sqlite3", command=True)["OPTIONS"]["timeout"], 600)
        options = database_settings("postgres://u@h/d", command=True)["OPTIONS"]
        self.assertEqual(options["options"], "-c statement_timeout=600000")
        self.assertEqual(options["connect_timeout"], 4)


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
