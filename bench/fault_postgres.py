"""PostgreSQL outage under load: gunicorn with production settings keeps answering fast with the
static 503 page while the database hangs or is stopped, /health/ says so, and the site recovers by
itself. Prints the time from the fault to the first 503 and from its end to full recovery.

Two faults, each against a dedicated database on the local server over 127.0.0.1 only:

- `hung` (the default, safe beside other users of the server): the site reaches PostgreSQL through a
  relay in this script, which then hangs as a pooler or load balancer in front of a lost database
  does: its open connections drop, and new ones are accepted and never answered.
- `stopped`: the cluster is stopped and started with pg_ctlcluster (run as a user allowed to), and
  is always restarted on the way out.

Run:  python bench/fault_postgres.py [hung|stopped]
Environment: PG_CLUSTER (main), PG_VERSION (the one in /etc/postgresql), PG_PORT (5432),
FAULT_DB (rel_fault), FAULT_SITE_PORT (any free one), OUTAGE_SECONDS (8).
"""

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
from pg_relay import Relay

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PG_VERSION = os.environ.get("PG_VERSION") or sorted(os.listdir("/etc/postgresql"))[-1]
PG_CLUSTER = os.environ.get("PG_CLUSTER", "main")
PG_PORT = int(os.environ.get("PG_PORT", "5432"))
FAULT_DB = os.environ.get("FAULT_DB", "rel_fault")
OUTAGE_SECONDS = float(os.environ.get("OUTAGE_SECONDS", "8"))
CONNECT_TIMEOUT = 4  # the site's default DB_CONNECT_TIMEOUT
FAIL_FAST_LIMIT = CONNECT_TIMEOUT + 2
RECOVERY_LIMIT = 10
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
    name = "PostgreSQL hung (accepts, never answers)"

    def __init__(self, relay):
        self.relay = relay

    def begin(self):
        self.relay.frozen.set()

    def end(self):
        self.relay.frozen.clear()


def first_503_after(load, moment):
    """Seconds from `moment` to the first page answered 503 among requests sent after it."""
    with load.lock:
        done = [
            sent + seconds
            for sent, path, status, seconds, _ in load.results
            if sent >= moment and status == 503
        ]
    return min(done) - moment if done else None


def run_scenario(site, fault):
    failures = []
    paths = page_paths(site)
    log(f"Pages under load: {', '.join(paths)}")
    master_pid = site.process.pid
    with Load(site, paths) as load:
        time.sleep(2)
        stop_at = time.monotonic()
        log(f"Fault: {fault.name}")
        fault.begin()
        stopped_at = time.monotonic()
        log(f"Fault in place after {stopped_at - stop_at:.2f} s; it lasts {OUTAGE_SECONDS:.0f} s")
        time.sleep(OUTAGE_SECONDS)
        outage = load.between(stopped_at + 0.5, time.monotonic())
        health = site.get("/health/")
        time_to_503 = first_503_after(load, stopped_at)
        log("Ending the fault")
        fault.end()
        started_at = time.monotonic()
        recovered_at = None
        while time.monotonic() - started_at < RECOVERY_LIMIT + 5:
            if site.get("/health/")[0] == 200 and all(site.get(path)[0] == 200 for path in paths):
                recovered_at = time.monotonic()
                break
            time.sleep(0.25)
        time.sleep(1)
        after = load.between((recovered_at or time.monotonic()) + 0.5, time.monotonic())
        before = load.between(0, stop_at)

    summarise("Before the outage", before)
    statuses, slowest = summarise("During the outage", outage)
    if not outage:
        failures.append("no requests completed during the outage")
    # A page kept whole in the page cache is still served (200) without the database.
    bad = [r for r in outage if r[2] not in (200, 503)]
    if bad:
        failures.append(
            f"{len(bad)} outage requests answered something other than 200/503, e.g. {bad[0][1:4]}"
        )
    if slowest >= FAIL_FAST_LIMIT:
        failures.append(f"slowest outage request took {slowest:.2f} s (limit {FAIL_FAST_LIMIT} s)")
    pages = [r for r in outage if r[1] != "/health/" and r[2] == 503]
    if not all(r[4] for r in pages):
        failures.append("some outage page responses were not the static error page")
    log(f"/health/ during the outage: {health[0]} in {health[1]:.2f} s {health[2][:80]!r}")
    if health[0] != 503:
        failures.append(f"/health/ answered {health[0]} during the outage")
    if health[1] >= 5:
        failures.append(f"/health/ took {health[1]:.2f} s to report the outage (limit 5 s)")
    if time_to_503 is None:
        failures.append("no request was answered 503 during the outage")
    else:
        log(f"Time to 503: {time_to_503:.2f} s from the fault to the first 503 answer")
    if recovered_at is None:
        failures.append(f"the site did not recover within {RECOVERY_LIMIT + 5} s of PostgreSQL starting")
    else:
        took = recovered_at - started_at
        log(f"Time to recover: {took:.2f} s after the fault ended, same gunicorn master (pid {master_pid})")
        if took > RECOVERY_LIMIT:
            failures.append(f"recovery took {took:.2f} s (limit {RECOVERY_LIMIT} s)")
    after_statuses, _ = summarise("After recovery", after)
    if set(after_statuses) != {200}:
        failures.append(f"requests after recovery answered {after_statuses}")
    if site.process.poll() is not None:
        failures.append("gunicorn exited during the test")
    timeouts = site.log_path.read_text(errors="replace").count("WORKER TIMEOUT")
    log(f"gunicorn worker timeouts: {timeouts}")
    if timeouts:
        failures.append(f"{timeouts} gunicorn workers hung until the worker timeout")
    return failures


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    scenario = sys.argv[1] if len(sys.argv) > 1 else "hung"
    if scenario not in ("hung", "stopped"):
        sys.exit("usage: fault_postgres.py [hung|stopped]")
    if not cluster_online():
        sys.exit(f"PostgreSQL {PG_VERSION}/{PG_CLUSTER} is not online; start it first.")
    failures = ["did not finish"]
    relay = Relay(PG_PORT) if scenario == "hung" else None
    fault = HungFault(relay) if relay else StoppedFault()
    with tempfile.TemporaryDirectory(prefix="fault-postgres-") as directory:
        site = Site(Path(directory), relay.port if relay else PG_PORT)
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
            if failures and os.environ.get("FAULT_LOG"):
                log(f"The gunicorn log is kept in {os.environ['FAULT_LOG']}")
                Path(os.environ["FAULT_LOG"]).write_text(site.log_path.read_text(errors="replace"))
            elif failures:
                log("Last lines of the gunicorn log:")
                print("\n".join(site.log_path.read_text(errors="replace").splitlines()[-60:]))
        finally:
            site.stop()
            if relay:
                relay.close()
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
