"""Load test: gunicorn (2 sync workers, production settings) on loopback against the seeded database.

For each page and a static CSS file it prints req/s, p50 and p99 with every Django cache a
DummyCache (every request renders everything) and with the full-page cache, and
each page's rate as a share of the static file's (the stack's physical limit). Uses `wrk` when
installed, else a threaded Python client. Bounded: DURATION seconds per URL and mode.

    .venv/bin/python bench/seed.py && .venv/bin/python bench/load.py [--duration 5]
"""

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rel_bench")
CONCURRENCY = 4


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# What is cached in each mode: "none" renders everything on every request with every Django cache
# a DummyCache (as the first visit after an edit does, and then some); "pages" adds the full-page
# cache.
MODES = {"none": ("0", "true"), "pages": ("600", "false")}


def environment(mode):
    page_seconds, caches_off = MODES[mode]
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "relationships.settings.production",
        "SECRET_KEY": "bench-only-" + "x" * 60,  # throwaway: loopback only, never deployed
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DATABASE_URL": DATABASE_URL,
        "MEDIA_ROOT": str(ROOT / "bench" / "results" / "media"),  # where bench/seed.py put its picture
        "PAGE_CACHE_SECONDS": page_seconds,
        "CACHES_OFF": caches_off,
        "LOG_LEVEL": "ERROR",
    }


def sample_urls(env):
    code = (
        "import django;django.setup();"
        "from blog.models import BlogPage;from events.models import EventPage;"
        "print(BlogPage.objects.live().order_by('-date').first().url);"
        "print(EventPage.objects.live().first().url)"
    )
    post, convening = subprocess.check_output([PYTHON, "-c", code], env=env, cwd=ROOT, text=True).split()
    css = subprocess.check_output(
        [
            PYTHON,
            "-c",
            "import django;django.setup();from django.templatetags.static import static;"
            "print(static('css/site.css'))",
        ],
        env=env,
        cwd=ROOT,
        text=True,
    ).strip()
    return {
        "home": "/",
        "blog index": "/blog/",
        "post": post,
        "convening": convening,
        "Case Maker explorer": "/case-maker/stories/",
        "search": "/search/?q=relationships",
        "blog feed": "/blog/feed/",
        "static CSS": css,
    }


def start_gunicorn(env, port):
    process = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "relationships.wsgi",
            "-c",
            "gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            # Steady state: a worker recycled mid-row (gunicorn.conf.py's max_requests) would cost a
            # second of start-up and its local page cache, which real traffic pays once a day.
            "--max-requests",
            "0",
            "--access-logfile",
            "/dev/null",
        ],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health/", timeout=1)
            return process
        except OSError:
            time.sleep(0.2)
    stop(process)
    raise SystemExit("gunicorn did not start")


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=20)


def run_wrk(url, duration):
    out = subprocess.check_output(
        ["wrk", "-t2", f"-c{CONCURRENCY}", f"-d{duration}s", "--latency", url], text=True
    )
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))

    def latency(label):
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)", out).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rate, latency("50"), latency("99")


def run_python(url, duration):
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    samples, deadline = [], time.monotonic() + duration

    def worker():
        conn = http.client.HTTPConnection(parts.hostname, parts.port)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        while time.monotonic() < deadline:
            started = time.perf_counter()
            conn.request("GET", path)
            conn.getresponse().read()
            samples.append((time.perf_counter() - started) * 1000)

    threads = [threading.Thread(target=worker) for _ in range(CONCURRENCY)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cuts = statistics.quantiles(samples, n=100)
    return len(samples) / duration, cuts[49], cuts[98]


def measure_modes(modes, urls_for, duration):
    """Each URL's (req/s, p50, p99) per caching mode, from a gunicorn started afresh for each mode.

    `urls_for(env)` names the URLs to measure; returns the client's name, the URLs and the results.
    """
    measure = run_wrk if shutil.which("wrk") else run_python
    results = {}
    for mode in modes:
        env = environment(mode)
        if not results:
            subprocess.check_call(
                [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT
            )
        urls = urls_for(env)
        port = int(os.environ.get("BENCH_PORT", 0)) or free_port()
        server = start_gunicorn(env, port)
        try:
            for name, path in urls.items():
                url = f"http://127.0.0.1:{port}{path}"
                for _ in range(3):
                    urllib.request.urlopen(url, timeout=60).read()  # warm both workers' caches
                results[(name, mode)] = measure(url, duration)
        finally:
            stop(server)
    return measure.__name__.removeprefix("run_"), urls, results


def print_rates(modes, urls, results, width):
    """One row per URL and mode, with its rate as a share of the static file's in the same mode."""
    print(f"{'page':{width}} {'cached':8} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'% of static':>12}")
    for mode in modes:
        static_rate = results[("static CSS", mode)][0]
        for name in urls:
            rate, p50, p99 = results[(name, mode)]
            share = 100 * rate / static_rate
            print(f"{name:{width}} {mode:8} {rate:8.0f} {p50:8.1f} {p99:8.1f} {share:11.1f}%")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per URL and mode")
    args = parser.parse_args()
    client, urls, results = measure_modes(MODES, sample_urls, args.duration)
    print(
        f"\n{client}, {CONCURRENCY} connections, {args.duration}s per row, "
        "2 gunicorn sync workers, production settings\n"
    )
    print_rates(MODES, urls, results, 22)


if __name__ == "__main__":
    main()
