"""Two servers sharing one PostgreSQL and one Redis: an edit made through one retires the page the
other has cached, within a second. Runs where the suite runs on PostgreSQL and Redis answers."""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django.test import TransactionTestCase

import pytest
import redis
import requests

from tests.base import build_site_tree
from tests.conftest import restore_wagtail_roots
from tests.factories import StandardPageFactory

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
PORTS = (int(os.environ.get("TEST_SERVER_PORT_A", "8101")), int(os.environ.get("TEST_SERVER_PORT_B", "8111")))
ROOT = Path(settings.BASE_DIR)


def redis_answers():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.RedisError:
        return False


def wait_for(port, deadline=60):
    end = time.monotonic() + deadline
    while time.monotonic() < end:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise AssertionError(f"server on {port} did not start")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs the PostgreSQL both servers share")
@pytest.mark.skipif(not redis_answers(), reason="needs Redis")
class TwoServerTests(TransactionTestCase):
    def setUp(self):
        redis.Redis.from_url(REDIS_URL).flushdb()
        restore_wagtail_roots()  # an earlier transactional test may have flushed the tree's root
        self.home = build_site_tree()
        self.page = StandardPageFactory(parent=self.home, slug="about", title="About us")
        editor = get_user_model().objects.create_superuser("editor", "editor@example.org")
        # Hashed as the servers' settings can check it (the test settings hash with MD5).
        editor.password = PBKDF2PasswordHasher().encode("a-long-password", "two-servers", iterations=1000)
        editor.save()
        database = connection.settings_dict
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "relationships.settings.base",
            "SECRET_KEY": "two-servers-test-only",
            "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
            "REDIS_URL": REDIS_URL,
            "PAGE_CACHE_SECONDS": "600",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
            "DEBUG": "true",  # static files by their own names: no collectstatic manifest needed
        }
        self.servers = []
        for port in PORTS:
            server = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "relationships.wsgi",
                    "-b",
                    f"127.0.0.1:{port}",
                    "-w",
                    "1",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            self.servers.append(server)
            self.addCleanup(server.wait, 10)
            self.addCleanup(server.terminate)
        for port in PORTS:
            wait_for(port)

    def url(self, port, path):
        return f"http://localhost:{port}{path}"

    def test_an_unpublish_through_one_server_reaches_the_other_within_a_second(self):
        a, b = PORTS
        first = requests.get(self.url(b, "/about/"), timeout=30)
        self.assertEqual(first.headers.get("X-Page-Cache"), "miss", (first.status_code, first.headers))
        cached = requests.get(self.url(b, "/about/"), timeout=30)
        self.assertEqual((cached.status_code, cached.headers["X-Page-Cache"]), (200, "hit"))

        editor = requests.Session()
        login = self.url(a, "/admin/login/")
        editor.get(login, timeout=30)
        editor.post(
            login,
            data={
                "username": "editor",
                "password": "a-long-password",
                "csrfmiddlewaretoken": editor.cookies["csrftoken"],
            },
            headers={"Referer": login},
            timeout=30,
        )
        unpublish = self.url(a, f"/admin/pages/{self.page.pk}/unpublish/")
        response = editor.post(
            unpublish,
            data={"csrfmiddlewaretoken": editor.cookies["csrftoken"]},
            headers={"Referer": unpublish},
            timeout=30,
        )
        self.assertEqual(
            (response.status_code, response.url), (200, self.url(a, f"/admin/pages/{self.home.pk}/"))
        )
        published_at = time.monotonic()
        self.page.refresh_from_db()
        self.assertFalse(self.page.live)

        status = None
        while time.monotonic() - published_at < 1:
            status = requests.get(self.url(b, "/about/"), timeout=1).status_code
            if status == 404:
                break
        self.assertEqual(status, 404)
