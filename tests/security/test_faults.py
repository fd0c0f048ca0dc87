"""Faults: the site with its database unreachable or frozen, and concurrent editors on embedded SQLite.

The full outage under load (PostgreSQL frozen or stopped under gunicorn, then mended) is
bench/fault_postgres.py; these are the parts that run in CI time without stopping a shared server."""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from unittest import skipUnless

from django.conf import settings
from django.db import OperationalError, connection, connections
from django.db.utils import load_backend
from django.test import Client, SimpleTestCase, TestCase, override_settings

from relationships.settings.database import database_settings
from tests.fault_servers import FreezingRelay, hung_listener

BASE_DIR = Path(settings.BASE_DIR)


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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


class Served:
    """The site under gunicorn (one sync worker, the deployed configuration) on a loopback port."""

    def __init__(self, database_url, log):
        self.port, self.log = unused_port(), log
        self.process = subprocess.Popen(  # noqa: S603 - fixed argv
            [str(Path(sys.executable).parent / "gunicorn"), "relationships.wsgi", "-c", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "relationships.settings.test",
                "DATABASE_URL": database_url,
                "GUNICORN_BIND": f"127.0.0.1:{self.port}",
                "WEB_CONCURRENCY": "1",
            },
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def get(self, path, timeout=15):
        """(status, seconds, headers), or the name of the error when no answer came."""
        started = time.monotonic()
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=timeout) as response:  # noqa: S310
                return response.status, time.monotonic() - started, response.headers
        except urllib.error.HTTPError as error:
            return error.code, time.monotonic() - started, error.headers
        except OSError as error:
            return type(error).__name__, time.monotonic() - started, {}

    def wait_until_healthy(self, within):
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.get("/health/", timeout=within)[0] == 200:
                return True
            time.sleep(0.2)
        return False

    def stop(self):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


@skipUnless(connection.vendor == "postgresql", "relays to the PostgreSQL server the tests use")
class FrozenDatabaseTests(TestCase):
    """A PostgreSQL server that stops answering while the site holds connections open to it (a
    stopped process, a paused machine, a stuck pooler): the kernel still acknowledges every byte, so
    neither the connect timeout nor the server's statement timeout nor TCP ends the wait. The site
    reaches the test database through a relay that freezes."""

    def setUp(self):
        database = connection.settings_dict
        self.relay = FreezingRelay((database["HOST"] or "127.0.0.1", int(database["PORT"] or 5432)))
        self.enterContext(self.relay)
        user = database["USER"] + (f":{database['PASSWORD']}" if database["PASSWORD"] else "")
        self.url = f"postgres://{user}@127.0.0.1:{self.relay.port}/{database['NAME']}"

    def query(self):
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0]

    def test_a_statement_left_unanswered_fails_and_the_next_request_connects_afresh(self):
        answer_timeout = 1
        frozen = {**database_settings(self.url, command=False), "CONN_MAX_AGE": 60}
        frozen["OPTIONS"]["answer_timeout"] = answer_timeout
        with standin_database(frozen):
            self.assertEqual(self.query(), 1)
            self.relay.freeze()
            # Without a deadline of its own the query would wait for the thaw and then succeed.
            thaw = threading.Timer(answer_timeout + 5, self.relay.thaw)
            thaw.start()
            self.addCleanup(thaw.cancel)
            started = time.monotonic()
            with self.assertRaises(OperationalError):
                self.query()
            self.assertLess(time.monotonic() - started, answer_timeout + 1)
            connections["default"].close_if_unusable_or_obsolete()  # as at the end of every request
            # For a moment the worker answers at once instead of waiting on the server again.
            started = time.monotonic()
            with self.assertRaises(OperationalError):
                self.query()
            self.assertLess(time.monotonic() - started, 0.5)
            self.relay.thaw()
            time.sleep(settings.DATABASE_RETRY_SECONDS)
            self.assertEqual(self.query(), 1)

    def test_gunicorn_answers_503_in_time_and_recovers_once_the_server_answers(self):
        log = self.enterContext(tempfile.TemporaryFile())
        site = Served(self.url, log)
        self.addCleanup(site.stop)
        if not site.wait_until_healthy(within=60):
            log.seek(0)
            self.fail(f"gunicorn did not start:\n{log.read().decode(errors='replace')}")
        self.relay.freeze()  # the worker holds its connection open (CONN_MAX_AGE)

        status, took, _ = site.get("/health/")
        self.assertEqual(status, 503)
        self.assertLess(took, 5)
        status, took, headers = site.get("/no-such-page/")
        self.assertEqual((status, headers["Retry-After"]), (503, "30"))
        self.assertLess(took, 5)

        self.relay.thaw()
        thawed = time.monotonic()
        self.assertTrue(site.wait_until_healthy(within=15))
        self.assertLess(time.monotonic() - thawed, 5)
        self.assertEqual(site.get("/no-such-page/")[0], 404)
        log.seek(0)
        self.assertNotIn(b"WORKER TIMEOUT", log.read())


class DatabaseTimeoutTests(TestCase):
    def test_the_connection_gives_up_on_a_statement_or_lock_after_ten_seconds(self):
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA busy_timeout")
                self.assertEqual(cursor.fetchone()[0], 10_000)
            else:
                cursor.execute("SHOW statement_timeout")
                self.assertEqual(cursor.fetchone()[0], "10s")
                # With JIT on, the home page's one query over every page type's table took 4 s to
                # compile (and 2 ms to run) on tables not yet analysed.
                cursor.execute("SHOW jit")
                self.assertEqual(cursor.fetchone()[0], "off")

    def test_management_commands_may_wait_longer(self):
        self.assertEqual(database_settings("sqlite:///x.sqlite3", command=True)["OPTIONS"]["timeout"], 600)
        options = database_settings("postgres://u@h/d", command=True)["OPTIONS"]
        self.assertEqual(options["options"], "-c statement_timeout=600000 -c jit=off")
        self.assertEqual(options["connect_timeout"], 4)
        self.assertEqual(options["answer_timeout"], 601)
        self.assertEqual(
            database_settings("postgres://u@h/d", command=False)["OPTIONS"]["answer_timeout"], 11
        )


# The script makes its own SQLite database whatever the suite runs on: the SQLite suite runs it.
@skipUnless(connection.vendor == "sqlite", "runs once, in the SQLite suite")
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
