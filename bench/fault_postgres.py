"""PostgreSQL outage under load: gunicorn with production settings keeps answering fast with the
static 503 page while the database hangs or is stopped, /health/ says so, and the site recovers by
itself. Prints the time from the fault to the first 503 and from its end to full recovery.

Two faults, each against a dedicated database on the local server over 127.0.0.1 only:

- `hung` (the default, safe beside other users of the server): the site reaches PostgreSQL through a
  relay (tests/fault_servers.py) which then hangs as a frozen server does: new connections are accepted and
  never answered, and the workers' open connections stay open and silent.
- `stopped`: the cluster is stopped and started with pg_ctlcluster (run as a user allowed to), and
  is always restarted on the way out.

Run:  python bench/fault_postgres.py [hung|stopped]
Environment: PG_CLUSTER (main), PG_VERSION (the one in /etc/postgresql), PG_PORT (5432),
FAULT_DB (rel_fault), FAULT_SITE_PORT (any free one), OUTAGE_SECONDS (8).
"""

import contextlib
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from relationships.settings.database import database_settings  # noqa: E402 - a script has only bench/ on its path
from tests.fault_servers import FreezingRelay  # noqa: E402

BIN = Path(sys.executable).parent
PG_VERSION = os.environ.get("PG_VERSION") or sorted(os.listdir("/etc/postgresql"))[-1]
PG_CLUSTER = os.environ.get("PG_CLUSTER", "main")
PG_PORT = int(os.environ.get("PG_PORT", "5432"))
FAULT_DB = os.environ.get("FAULT_DB", "rel_fault")
OUTAGE_SECONDS = float(os.environ.get("OUTAGE_SECONDS", "8"))
# The limits the site's web requests run with (DB_CONNECT_TIMEOUT, DB_STATEMENT_TIMEOUT), as served.
DB_OPTIONS = database_settings(f"postgres://postgres@127.0.0.1:{PG_PORT}/{FAULT_DB}", command=False)[
    "OPTIONS"
]
CONNECT_TIMEOUT = DB_OPTIONS["connect_timeout"]
FAIL_FAST_LIMIT = CONNECT_TIMEOUT + 2
# A query already sent when the server froze is given up after the answer deadline (statement timeout and a second).
IN_FLIGHT_LIMIT = DB_OPTIONS["answer_timeout"] + 2
HEALTH_LIMIT = 5
RECOVERY_LIMIT = 10
RECOVERY_WINDOW = 120  # long enough to measure a slow recovery, not only to fail it
# The search page is never kept in the page cache, so it needs the database every time.
UNCACHED_PATH = "/search/"
LOAD_THREADS = 6
ERROR_PAGE_TEXT = b"Sorry, something went wrong"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def pg_ctl(action):
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", PG_VERSION, PG_CLUSTER, action],
        check=True,
        timeout=60,
    )


def cluster_online():
    result = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True)
    return any(
        line.split()[:2] == [PG_VERSION, PG_CLUSTER] and "online" in line
        for line in result.stdout.splitlines()
    )


def admin_connection():
    return psycopg.connect(
        host="127.0.0.1", port=PG_PORT, user="postgres", dbname="postgres", autocommit=True, connect_timeout=5
    )


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Site:
    """The production-like site under gunicorn on a loopback port."""

    def __init__(self, workdir, database_port=PG_PORT):
        self.port = int(os.environ.get("FAULT_SITE_PORT") or free_port())
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "relationships.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(48),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{database_port}/{FAULT_DB}",
            "MEDIA_ROOT": str(workdir / "media"),
            "SERVE_MEDIA": "true",
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_TIMEOUT": "30",
            # A worker killed for hanging prints where it hung.
            "PYTHONFAULTHANDLER": "1",
        }
        self.log_path = workdir / "gunicorn.log"
        self.process = None

    def manage(self, *args):
        subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, check=True, timeout=600)

    def start(self):
        with open(self.log_path, "wb") as output:
            self.process = subprocess.Popen(
                [str(BIN / "gunicorn"), "relationships.wsgi", "-c", "gunicorn.conf.py"],
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.get("/health/")[0] == 200:
                return
            time.sleep(0.2)
        raise RuntimeError("gunicorn did not become healthy within 30 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)

    def get(self, path, timeout=40):
        """(status, seconds, body) for a GET over loopback, as if behind the TLS proxy."""
        request = urllib.request.Request(self.base + path, headers={"X-Forwarded-Proto": "https"})  # noqa: S310
        started = time.monotonic()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback http only
                return response.status, time.monotonic() - started, response.read()
        except urllib.error.HTTPError as error:
            return error.code, time.monotonic() - started, error.read()
        except OSError as error:
            return f"{type(error).__name__}", time.monotonic() - started, b""


def page_paths(site):
    status, _, body = site.get("/sitemap.xml")
    assert status == 200, f"sitemap answered {status}"
    paths = sorted(
        {re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", body.decode())}
    )
    return paths[:8] or ["/"]


class Load:
    """Threads requesting pages and /health/ continuously, recording every answer."""

    def __init__(self, site, paths):
        self.site, self.paths = site, [*paths, "/health/"]
        self.results, self.lock, self.stopped = [], threading.Lock(), threading.Event()
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(LOAD_THREADS)]

    def run(self, offset):
        n = offset
        while not self.stopped.is_set():
            path = self.paths[n % len(self.paths)]
            sent = time.monotonic()
            status, seconds, body = self.site.get(path)
            with self.lock:
                self.results.append((sent, path, status, seconds, ERROR_PAGE_TEXT in body))
            n += 1

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        for thread in self.threads:
            thread.join()

    def between(self, start, end):
        """Requests sent at or after start that completed before end."""
        with self.lock:
            return [r for r in self.results if start <= r[0] and r[0] + r[3] < end]


def summarise(label, results):
    statuses = {}
    for _, _, status, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    slowest = max((seconds for *_, seconds, _ in results), default=0)
    log(f"{label}: {len(results)} requests, statuses {statuses}, slowest {slowest:.2f} s")
    return statuses, slowest


class StoppedFault:
    name = "PostgreSQL stopped"

    def begin(self):
        pg_ctl("stop")

    def end(self):
        pg_ctl("start")


class HungFault:
    name = "PostgreSQL hung (accepts, never answers, open connections silent)"

    def __init__(self, relay):
        self.begin, self.end = relay.freeze, relay.thaw


def first_answer(results, moment, path=None, status=503):
    """Seconds from `moment` until the first `status` answer (to `path`, or any) was complete."""
    done = [
        sent + took
        for sent, to, got, took, _ in results
        if got == status and path in (None, to) and sent + took >= moment
    ]
    return min(done) - moment if done else None


def wait_for_recovery(site, paths):
    """The moment /health/ and then every page answered 200 in one round, or None."""
    deadline = time.monotonic() + RECOVERY_WINDOW
    while time.monotonic() < deadline:
        if all(site.get(path)[0] == 200 for path in ["/health/", *paths]):
            return time.monotonic()
        time.sleep(0.25)
    return None


def run_scenario(site, fault):
    paths = [*page_paths(site), UNCACHED_PATH]
    log(f"Pages under load: {', '.join(paths)}")
    master_pid = site.process.pid
    # Every page rendered once first (its image renditions made), as on a site that has run a while:
    # recovery is then the time the site takes to answer again, not the time of first renders.
    for path in paths:
        status, seconds, _ = site.get(path, timeout=120)
        log(f"Warm {path}: {status} in {seconds:.2f} s")
    with Load(site, paths) as load:
        time.sleep(2)
        log(f"Fault: {fault.name}, for {OUTAGE_SECONDS:.0f} s")
        began = time.monotonic()
        fault.begin()
        time.sleep(OUTAGE_SECONDS)
        log("Ending the fault")
        fault.end()
        ended = time.monotonic()
        recovered_at = wait_for_recovery(site, paths)
        time.sleep(1)
        after = load.between((recovered_at or time.monotonic()) + 0.5, time.monotonic())
        before = load.between(0, began)
    # Every request in flight while the fault lasted, however long it then took.
    outage = [r for r in load.results if r[0] < ended and r[0] + r[3] >= began]
    return check(site, master_pid, before, outage, after, began, ended, recovered_at)


def check(site, master_pid, before, outage, after, began, ended, recovered_at):
    failures = []
    summarise("Before the outage", before)
    summarise("During the outage", outage)
    # A page kept whole in the page cache is still served (200) without the database.
    bad = [r for r in outage if r[2] not in (200, 503)]
    if bad:
        failures.append(f"{len(bad)} outage requests answered neither 200 nor 503, e.g. {bad[0][1:4]}")
    in_flight = max((r[3] for r in outage if r[0] < began), default=0)
    sent_after = max((r[3] for r in outage if r[0] >= began), default=0)
    if in_flight >= IN_FLIGHT_LIMIT:
        failures.append(
            f"a request in flight at the fault took {in_flight:.2f} s (limit {IN_FLIGHT_LIMIT} s)"
        )
    if sent_after >= FAIL_FAST_LIMIT:
        failures.append(
            f"a request sent during the fault took {sent_after:.2f} s (limit {FAIL_FAST_LIMIT} s)"
        )
    if not all(r[4] for r in outage if r[1] != "/health/" and r[2] == 503):
        failures.append("some outage page responses were not the static error page")
    time_to_503 = first_answer(outage, began)
    health_503 = first_answer(outage, began, "/health/")
    health_slowest = max((r[3] for r in outage if r[1] == "/health/"), default=None)
    if time_to_503 is None or health_503 is None:
        failures.append("no page or no /health/ request was answered 503 during the outage")
    elif health_slowest >= HEALTH_LIMIT:
        failures.append(f"/health/ took {health_slowest:.2f} s to answer (limit {HEALTH_LIMIT} s)")
    recovery = recovered_at - ended if recovered_at else None
    if recovery is None:
        failures.append(f"the site did not recover within {RECOVERY_WINDOW} s of the fault ending")
    elif recovery > RECOVERY_LIMIT:
        failures.append(f"recovery took {recovery:.2f} s (limit {RECOVERY_LIMIT} s)")
    after_statuses, _ = summarise("After recovery", after)
    if set(after_statuses) != {200}:
        failures.append(f"requests after recovery answered {after_statuses}")
    if site.process.poll() is not None:
        failures.append("gunicorn exited during the test")
    timeouts = site.log_path.read_text(errors="replace").count("WORKER TIMEOUT")
    if timeouts:
        failures.append(f"{timeouts} gunicorn workers hung until the worker timeout")

    def seconds(value):
        return "none" if value is None else f"{value:.2f} s"

    log(f"Time to the first 503:            {seconds(time_to_503)} after the fault began")
    log(
        f"Time to the first /health/ 503:   {seconds(health_503)}; slowest /health/ {seconds(health_slowest)}"
    )
    log(
        f"Slowest answer, sent in the fault: {seconds(sent_after)}; in flight when it began {seconds(in_flight)}"
    )
    log(
        f"Time to recover:                  {seconds(recovery)} after the fault ended (gunicorn {master_pid})"
    )
    log(f"gunicorn worker timeouts:         {timeouts}")
    return failures


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    scenario = sys.argv[1] if len(sys.argv) > 1 else "hung"
    if scenario not in ("hung", "stopped"):
        sys.exit("usage: fault_postgres.py [hung|stopped]")
    if not cluster_online():
        sys.exit(f"PostgreSQL {PG_VERSION}/{PG_CLUSTER} is not online; start it first.")
    failures = ["did not finish"]
    with contextlib.ExitStack() as stack:
        relay = stack.enter_context(FreezingRelay(("127.0.0.1", PG_PORT))) if scenario == "hung" else None
        fault = HungFault(relay) if relay else StoppedFault()
        site = Site(
            Path(stack.enter_context(tempfile.TemporaryDirectory())), relay.port if relay else PG_PORT
        )
        try:
            with admin_connection() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{FAULT_DB}" WITH (FORCE)')
                connection.execute(f'CREATE DATABASE "{FAULT_DB}"')
            log(f"Preparing database {FAULT_DB}, demo content and static files")
            site.manage("migrate", "--noinput", "-v0")
            site.manage("load_demo_content", "--force")
            site.manage("collectstatic", "--noinput", "-v0")
            site.start()
            log(f"gunicorn (production settings, 2 sync workers) serving on {site.base}")
            failures = run_scenario(site, fault)
            if os.environ.get("FAULT_LOG"):
                log(f"The gunicorn log is kept in {os.environ['FAULT_LOG']}")
                Path(os.environ["FAULT_LOG"]).write_text(site.log_path.read_text(errors="replace"))
            elif failures:
                log("Last lines of the gunicorn log:")
                print("\n".join(site.log_path.read_text(errors="replace").splitlines()[-60:]))
        finally:
            site.stop()
            if not cluster_online():
                log("Restarting PostgreSQL after a failure")
                pg_ctl("start")
            try:
                with admin_connection() as connection:
                    connection.execute(f'DROP DATABASE IF EXISTS "{FAULT_DB}" WITH (FORCE)')
            except psycopg.Error as error:
                log(f"Could not drop {FAULT_DB}: {error}")
            log(f"PostgreSQL {PG_VERSION}/{PG_CLUSTER} online: {cluster_online()}")
    if failures:
        log("FAILED: " + "; ".join(failures))
        sys.exit(1)
    log(
        f"PASSED ({scenario}): fast static 503s and unhealthy /health/ during the outage; "
        "recovery without restarting gunicorn"
    )


if __name__ == "__main__":
    main()
