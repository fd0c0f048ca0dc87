"""Hostile input: at least 10,000 malformed requests across every public route, never a 5xx.
The four kinds of attack together send REQUEST_TARGET requests; each checks it sent its share.

Routes and query parameters come from tests/security/public_routes.py; extend them there as apps land.
Hypothesis draws the attacks; every example is sent to every route, and the examples per
strategy shrink as routes are added so the run stays just above REQUEST_TARGET requests.
"""

import logging
import math
from contextlib import contextmanager
from urllib.parse import quote

from django.test import Client, SimpleTestCase

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.base import SiteTestCase
from tests.security.public_routes import PUBLIC_QUERY_PARAMS, PUBLIC_ROUTES, build_public_site

ALLOWED_STATUSES = {200, 301, 302, 304, 400, 403, 404, 405}
REQUEST_TARGET = 10_000
PLANNED_REQUESTS = 10_500  # headroom in case Hypothesis runs out of distinct examples early
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "BREW")
LONG = 100_000

NASTY_VALUES = (
    "",
    "\x00",
    "a\x00b",
    "%00",
    "%zz",
    "%",
    "%%",
    "100%",
    "%u0041",
    "%C0%AE%C0%AE%2F",
    "%ED%A0%80",
    "%FF%FE%FD",
    "\r\nSet-Cookie: pwned=1",
    "%0d%0aSet-Cookie:%20pwned=1",
    "../../../../etc/passwd",
    "..%2F..%2F..%2Fetc%2Fpasswd",
    "/\\evil.example/",
    "//evil.example/",
    "x" * LONG,
    "%" * LONG,
    "\ufdfa" * 2_000,  # each expands to 18 characters under NFKC
    "e\u0301" * 5_000,  # stacked combining accents
    "\ufb03" * 5_000,
    "\U0001d504" * 1_000,
    "\u202e\u2066",
    "0",
    "-1",
    "1e9",
    "1e309",
    "9" * 400,
    "NaN",
    "inf",
    "-0",
    "1.5",
    "0x10",
    "\u0661\u0662\u0663",
    "\u00b2",
    '"',
    "'",
    "' OR '1'='1",
    "a AND b OR NOT c",
    '"unterminated',
    "*",
    "title:relationships",
    "-",
    "+-+",
    "a -b +c",
    "NEAR(a b)",
    "(((",
    "^",
    "\\",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "{{7*7}}",
    "{% debug %}",
    "${jndi:ldap://x}",
    "2025-02-30",
    "9999-99-99",
)
NASTY_NAMES = ("", "%zz", "a\x00", "page[]", "__proto__", "x" * 1_000)
PATH_MUTATIONS = (
    "{route}%00",
    "{route}%zz",
    "{route}%",
    "{route}..%2f..%2f",
    "{route}/../../",
    "{route}%2e%2e/%2e%2e/",
    "/{route}",
    "{route}//",
    "{route}\u00e9\ufdfa/",
    "{route}%E9/",
    "{route}%0d%0aLocation:%20https://evil.example/",
    "{route}" + "a" * LONG + "/",
    "{route}page/2/",
    "{route}?",
    "{route};jsessionid=x",
)
HOSTS = (
    "localhost",
    "testserver",
    "evil.example",
    "localhost:99999",
    "localhost:-1",
    "[::1",
    "a" * 300,
    "localhost\x00evil",
    "",
    "localhost:80@evil.example",
    "LOCALHOST.",
    "127.0.0.1",
)
IF_MODIFIED_SINCE = (
    "garbage",
    "Mon, 32 Foo 99999 99:99:99 GMT",
    "0",
    "-1",
    "9" * 50,
    "Thu, 01 Jan 1970 00:00:00 GMT",
    "Fri, 31 Dec 9999 23:59:59 GMT",
    "\x00",
)

values = st.one_of(st.sampled_from(NASTY_VALUES), st.text(max_size=40), st.integers().map(str))
names = st.one_of(st.sampled_from(PUBLIC_QUERY_PARAMS), st.sampled_from(NASTY_NAMES))
encodings = st.sampled_from(("raw", "quoted"))
query_strings = st.lists(st.tuples(names, values, encodings), max_size=6).map(
    lambda pairs: "&".join(
        f"{name}={value if how == 'raw' else quote(value, safe='', errors='surrogatepass')}"
        for name, value, how in pairs
    )
)
paginator_abuse = st.lists(
    st.sampled_from(("0", "-1", "1e9", "99999999999999999999999", "abc", "", "1", "2", "%00")),
    min_size=1,
    max_size=4,
).map(lambda pages: "&".join(f"page={page}" for page in pages))
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_HOST": st.sampled_from(HOSTS),
        "HTTP_X_FORWARDED_HOST": st.sampled_from(HOSTS),
        "HTTP_X_FORWARDED_PROTO": st.sampled_from(("https", "gopher", "\x00")),
        "HTTP_IF_MODIFIED_SINCE": st.sampled_from(IF_MODIFIED_SINCE),
        "HTTP_IF_NONE_MATCH": st.sampled_from(('"x"', "*", "W/", "\x00", "x" * 10_000)),
        "HTTP_RANGE": st.sampled_from(("bytes=0-0", "bytes=-1", "bytes=9-1", "bytes=" + ",0-0" * 1000)),
        "HTTP_COOKIE": st.sampled_from(
            ("sessionid=junk", "csrftoken=\x00", "sessionid=" + "a" * 5_000, "=;=;")
        ),
        "HTTP_ACCEPT_LANGUAGE": st.sampled_from(("zz", "*;q=abc", "en-GB," * 1_000, "\x00")),
        "HTTP_USER_AGENT": st.sampled_from(("", "x" * LONG)),
        "HTTP_REFERER": st.sampled_from(("javascript:alert(1)", "http://[::1", "\x00")),
    },
)
bodies = st.one_of(
    st.just(("", "application/octet-stream")),
    st.tuples(
        st.sampled_from(NASTY_VALUES), st.sampled_from(("application/x-www-form-urlencoded", "text/plain"))
    ),
    st.just(('--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n', "multipart/form-data; boundary=x")),
    st.just(("{", "application/json")),
)


@contextmanager
def quiet_request_logs():
    """Hide the thousands of expected 4xx log lines (bad Host is logged as an error); 5xx still logs."""
    quiet = {
        "django.request": logging.ERROR,
        "django.security": logging.CRITICAL,
        "csp.reports": logging.ERROR,
    }
    loggers = [logging.getLogger(name) for name in quiet]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(quiet[logger.name])
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def examples_for(share):
    """Examples for one strategy, given its share of the planned requests; each example hits every route."""
    return math.ceil(PLANNED_REQUESTS * share / len(PUBLIC_ROUTES))


def hostile_settings(share):
    return settings(
        max_examples=examples_for(share),
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


class HostileInputTestCase(SiteTestCase):
    """One kind of attack against every public route, with its `share` of REQUEST_TARGET. The four
    kinds are four classes so that the test workers share the sweep instead of one running it all."""

    share = None

    @classmethod
    def setUpTestData(cls):
        cls.home = build_public_site()

    def setUp(self):
        self.client = Client(enforce_csrf_checks=True)
        self.sent = 0
        self.seen = {}

    def send(self, method, path, query="", meta=None, body=("", "application/octet-stream")):
        data, content_type = body
        url = f"{path}?{query}" if query else path
        response = self.client.generic(method, url, data=data, content_type=content_type, **(meta or {}))
        self.sent += 1
        self.seen[response.status_code] = self.seen.get(response.status_code, 0) + 1
        described = f"{method} {url[:300]!r} headers={ {k: v[:80] for k, v in (meta or {}).items()} }"
        self.assertIn(response.status_code, ALLOWED_STATUSES, described)
        self.assertNotIn("pwned", response.cookies, described)
        self.assertFalse(response.get("Location", "").startswith("https://evil.example"), described)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            self.assertIn("Content-Security-Policy", response, described)

    def sweep(self, attack):
        """Run the Hypothesis-driven `attack`, then check it sent its share of the requests."""
        with quiet_request_logs():
            attack()
        counts = dict(sorted(self.seen.items()))
        print(f"\n{type(self).__name__}: {self.sent} requests, status counts {counts}")  # noqa: T201
        self.assertGreaterEqual(self.sent, math.ceil(REQUEST_TARGET * self.share))


class QueryAttackTests(HostileInputTestCase):
    share = 0.35

    def test_any_method_query_and_body_never_answers_5xx(self):
        @hostile_settings(share=self.share)
        @given(method=st.sampled_from(METHODS), query=query_strings, body=bodies)
        def attack(method, query, body):
            for route in PUBLIC_ROUTES:
                self.send(method, route, query, body=body)

        self.sweep(attack)
        self.assertGreater(self.seen.get(200, 0), 0, "no route answered 200: the sweep hit nothing real")


class PaginatorAttackTests(HostileInputTestCase):
    share = 0.15

    def test_any_page_number_never_answers_5xx(self):
        @hostile_settings(share=self.share)
        @given(query=paginator_abuse, extra=query_strings)
        def attack(query, extra):
            for route in PUBLIC_ROUTES:
                self.send("GET", route, f"{query}&{extra}")

        self.sweep(attack)


class PathAttackTests(HostileInputTestCase):
    share = 0.25

    def test_any_mangled_path_never_answers_5xx(self):
        @hostile_settings(share=self.share)
        @given(mutation=st.sampled_from(PATH_MUTATIONS), method=st.sampled_from(METHODS), query=query_strings)
        def attack(mutation, method, query):
            for route in PUBLIC_ROUTES:
                self.send(method, mutation.format(route=route.rstrip("/")), query)

        self.sweep(attack)


class HeaderAttackTests(HostileInputTestCase):
    share = 0.25

    def test_any_headers_never_answer_5xx(self):
        @hostile_settings(share=self.share)
        @given(meta=headers, method=st.sampled_from(METHODS), query=query_strings)
        def attack(meta, method, query):
            for route in PUBLIC_ROUTES:
                self.send(method, route, query, meta)

        self.sweep(attack)


class SweepTests(SimpleTestCase):
    def test_the_kinds_of_attack_together_send_the_whole_target(self):
        self.assertEqual(sum(kind.share for kind in HostileInputTestCase.__subclasses__()), 1)
