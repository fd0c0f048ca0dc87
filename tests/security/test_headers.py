"""Hardening: security headers, Content-Security-Policy, cookies, security.txt and the deploy checks."""

import base64
import hashlib
import importlib
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template import loader
from django.test import Client, SimpleTestCase, TestCase, override_settings

from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.base import SiteTestCase
from tests.factories import StandardPageFactory
from tests.security.public_routes import FORM_ROUTES, PUBLIC_ROUTES, build_public_site

BASE_DIR = Path(settings.BASE_DIR)
PRODUCTION_SECURITY_SETTINGS = (
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_REDIRECT_EXEMPT",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
)


def csp_directives(header):
    """Parse a Content-Security-Policy header into {directive: [sources]}."""
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def production_settings():
    """The security settings exactly as the production module computes them."""
    with mock.patch("relationships.settings.base.SECRET_KEY", secrets.token_urlsafe(48)):
        production = importlib.import_module("relationships.settings.production")
    return {name: getattr(production, name) for name in PRODUCTION_SECURITY_SETTINGS}


class PublicHeaderTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = StandardPageFactory(parent=cls.home, title="About us", slug="about")

    def assert_public_headers(self, response):
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertEqual(response["Referrer-Policy"], "strict-origin-when-cross-origin")
        self.assertEqual(response["Cross-Origin-Opener-Policy"], "same-origin")
        denied = {item.strip() for item in response["Permissions-Policy"].split(",")}
        self.assertLessEqual({"camera=()", "microphone=()", "geolocation=()", "payment=()"}, denied)
        policy = csp_directives(response["Content-Security-Policy"])
        self.assertEqual(policy["default-src"], ["'self'"])
        self.assertIn("'self'", policy["script-src"])
        self.assertTrue(
            all(source in {"'self'"} or source.startswith("'nonce-") for source in policy["script-src"]),
            policy["script-src"],
        )
        self.assertNotIn("script-src-elem", policy)
        self.assertNotIn("script-src-attr", policy)
        self.assertNotIn("'unsafe-inline'", policy["style-src"])
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(policy["frame-ancestors"], ["'none'"])
        self.assertEqual(policy["base-uri"], ["'self'"])
        self.assertEqual(policy["form-action"], ["'self'"])
        self.assertEqual(policy["img-src"][:2], ["'self'", "data:"])
        self.assertEqual(policy["report-uri"], ["/csp-report/"])
        self.assertEqual(policy["report-to"], ["csp"])
        self.assertEqual(response["Reporting-Endpoints"], 'csp="/csp-report/"')

    def test_home_and_standard_page_carry_every_header(self):
        for url in ("/", "/about/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assert_public_headers(response)

    def test_not_found_page_carries_every_header(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, 404)
        self.assert_public_headers(response)

    def test_nonce_appears_only_when_a_template_uses_it(self):
        response = self.client.get("/")
        self.assertNotIn("'nonce-", response["Content-Security-Policy"])

    def test_anonymous_public_pages_set_no_cookies(self):
        for url in ("/", "/about/", "/no-such-page/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(dict(response.cookies), {})
                self.assertNotIn("Set-Cookie", response.headers)

    def test_public_page_carries_hsts_under_production_settings(self):
        with override_settings(**production_settings()):
            response = Client().get("/about/", secure=True)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response["Strict-Transport-Security"], "max-age=31536000; includeSubDomains; preload"
        )

    def test_production_redirects_plain_http_except_health(self):
        with override_settings(**production_settings()):
            client = Client()
            page = client.get("/about/")
            health = client.get("/health/")
        self.assertEqual(page.status_code, 301)
        self.assertEqual(page["Location"], "https://testserver/about/")
        self.assertEqual(health.status_code, 200)


class EveryPublicRouteSetsNoCookiesTests(SiteTestCase):
    """Covers the shared route list, so search, glossary and other forms are checked as they land."""

    @classmethod
    def setUpTestData(cls):
        cls.home = build_public_site()

    def test_no_public_route_sets_a_cookie_on_get(self):
        for url in PUBLIC_ROUTES:
            with self.subTest(url=url):
                response = self.client.get(url, {"q": "relationships", "page": "2"})
                self.assertLess(response.status_code, 500)
                expected = {"csrftoken"} if url in FORM_ROUTES else set()
                self.assertEqual(set(response.cookies), expected, f"{url} set a cookie")


class AdminPolicyTests(SiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.editor = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")

    def test_admin_gets_the_policy_wagtail_works_under(self):
        self.client.force_login(self.editor)
        response = self.client.get(f"/admin/pages/{self.home.pk}/edit/")
        self.assertEqual(response.status_code, 200)
        policy = csp_directives(response["Content-Security-Policy"])
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(policy["base-uri"], ["'self'"])
        self.assertIn("'self'", policy["frame-src"])
        self.assertNotIn("'unsafe-eval'", policy["script-src"])

    def test_preview_may_be_framed_by_the_admin_only(self):
        self.client.force_login(self.editor)
        page = StandardPageFactory(parent=self.home, title="About us", slug="about")
        data = nested_form_data(
            {"title": "About us", "slug": "about", "in_brief": "Who we are.", "body": streamfield([])}
        )
        url = f"/admin/pages/{page.pk}/edit/preview/"
        self.assertEqual(self.client.post(url, data).json()["is_valid"], True)
        response = self.client.get(url, {"mode": ""})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")
        self.assertEqual(csp_directives(response["Content-Security-Policy"])["frame-ancestors"], ["'self'"])

    def test_admin_cookies_are_httponly_lax_and_secure_in_production(self):
        with override_settings(**production_settings()):
            client = Client(enforce_csrf_checks=True)
            login_page = client.get("/admin/login/", secure=True)
            csrf = login_page.cookies["csrftoken"]
            response = client.post(
                "/admin/login/",
                {"username": "admin", "password": "pw", "csrfmiddlewaretoken": csrf.value},
                secure=True,
                headers={"Referer": "https://testserver/admin/login/"},
            )
        self.assertEqual(response.status_code, 302)
        session = response.cookies["sessionid"]
        for cookie in (csrf, session):
            with self.subTest(cookie=cookie.key):
                self.assertTrue(cookie["secure"])
                self.assertTrue(cookie["httponly"])
                self.assertEqual(cookie["samesite"], "Lax")


class ErrorPageTests(SimpleTestCase):
    def test_error_page_style_is_allowed_by_its_hash(self):
        source = (BASE_DIR / "templates" / "500.html").read_text()
        styles = re.findall(r"<style>(.*?)</style>", source, flags=re.S)
        self.assertEqual(len(styles), 1)
        digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
        self.assertEqual(settings.ERROR_PAGE_STYLE_HASH, f"'sha256-{digest}'")
        self.assertIn(
            settings.ERROR_PAGE_STYLE_HASH, settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["style-src"]
        )

    def test_error_page_renders_without_a_database_or_context(self):
        html = loader.render_to_string("500.html")
        self.assertIn("Sorry, something went wrong", html)
        self.assertNotIn("<script", html)

    def test_bad_request_page_shares_the_error_page_frame_without_a_database(self):
        html = loader.render_to_string("400.html")
        self.assertIn("<title>Bad request | The Relationships Project</title>", html)
        self.assertIn("<h1>Bad request</h1>", html)
        self.assertIn("<style>", html)
        self.assertNotIn("something went wrong", html)


class SecurityTxtTests(TestCase):
    def test_security_txt_has_rfc_9116_fields_and_a_future_expiry(self):
        response = self.client.get("/.well-known/security.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
        self.assertEqual(fields["Contact"], settings.SECURITY_CONTACT)
        self.assertTrue(fields["Contact"].startswith(("mailto:", "https://")))
        expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        now = datetime.now(UTC)
        self.assertGreater(expires, now + timedelta(days=30))
        self.assertLess(expires, now + timedelta(days=365))
        self.assertEqual(fields["Canonical"], "http://localhost/.well-known/security.txt")


class CSPReportTests(SimpleTestCase):
    def setUp(self):
        self.client = Client(enforce_csrf_checks=True)

    def post(self, body, content_type="application/csp-report"):
        return self.client.post("/csp-report/", body, content_type=content_type)

    def test_legacy_report_is_accepted_and_logged(self):
        report = {"csp-report": {"document-uri": "https://example.org/", "blocked-uri": "inline"}}
        with self.assertLogs("csp.reports", "WARNING") as logs:
            response = self.post(json.dumps(report))
        self.assertEqual(response.status_code, 204)
        self.assertIn('"blocked-uri": "inline"', logs.output[0])

    def test_reporting_api_list_is_accepted_and_logged(self):
        reports = [{"type": "csp-violation", "body": {"blockedURL": "https://evil.example/x.js"}}]
        with self.assertLogs("csp.reports", "WARNING") as logs:
            response = self.post(json.dumps(reports), "application/reports+json")
        self.assertEqual(response.status_code, 204)
        self.assertIn("evil.example", logs.output[0])

    def test_oversized_report_is_refused_unread(self):
        response = self.post(json.dumps({"csp-report": {"blocked-uri": "x" * 20_000}}))
        self.assertEqual(response.status_code, 413)

    def test_junk_and_other_methods_are_refused(self):
        self.assertEqual(self.post("not json").status_code, 400)
        self.assertEqual(self.post('["x"]').status_code, 400)
        self.assertEqual(self.client.get("/csp-report/").status_code, 405)


class DeployCheckTests(SimpleTestCase):
    def test_production_settings_pass_check_deploy_with_nothing_silenced(self):
        # On a database of its own: the developer's local site (`make run` leaves it at a local
        # address) rightly draws the site-address warning, which is not what this checks.
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "relationships.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "example.org",
            "DATABASE_URL": f"sqlite:///{tempfile.mkdtemp(prefix='relationships-check-')}/empty.sqlite3",
        }
        result = subprocess.run(  # noqa: S603 - fixed argv, our own manage.py
            [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("System check identified no issues (0 silenced).", result.stdout)
        self.assertEqual(getattr(settings, "SILENCED_SYSTEM_CHECKS", []), [])
