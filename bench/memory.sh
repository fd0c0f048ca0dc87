#!/usr/bin/env bash
# Memory of gunicorn's workers (2 sync workers, production settings, loopback) serving the demo site:
# resident size when started, after the first 1,000 requests (warm: code, templates and caches loaded)
# and after 10,000 requests spread over every page, search, feeds, the sitemap and a 404.
# Growth between the last two is what a leak would show.
#
#     bench/memory.sh                            # page cache off: every request renders
#     PAGE_CACHE_SECONDS=600 bench/memory.sh     # as deployed, most requests answered from the cache
#     REQUESTS=2000 TIME_LIMIT=120 bench/memory.sh
#
# Bounded: stops after REQUESTS (10,000) or TIME_LIMIT seconds (900), whichever comes first.
set -euo pipefail
source "$(dirname "$0")/demo_site.sh"

export REQUESTS=${REQUESTS:-10000} TIME_LIMIT=${TIME_LIMIT:-900}
export PAGE_CACHE_SECONDS=${PAGE_CACHE_SECONDS:-0}
# gunicorn.conf.py replaces a worker after about 10,000 requests, which bounds any leak in production;
# here recycling is off so the same two workers serve every request.
start_demo_site --workers 2 --max-requests 0 --max-requests-jitter 0
export SITE GUNICORN_PID

"$BIN/python" - <<'EOF'
import http.client
import itertools
import os
import subprocess
import threading
import time
from urllib.parse import urlsplit

import django

django.setup()
from wagtail.models import Page  # noqa: E402

CONNECTIONS = 4
total, limit = int(os.environ["REQUESTS"]), float(os.environ["TIME_LIMIT"])
site = urlsplit(os.environ["SITE"])
workers = subprocess.check_output(["ps", "-o", "pid=", "--ppid", os.environ["GUNICORN_PID"]], text=True).split()
paths = [page.url for page in Page.objects.live().public().filter(depth__gt=1)]
paths += [
    "/search/?q=relationships",
    "/search/?q=convening&page=2",
    "/search/suggest/?q=rel",
    "/blog/feed/",
    "/convenings/calendar.ics",
    "/sitemap.xml",
    "/no-such-page/",
]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        kib = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kib / 1024


def send(count, deadline):
    """Send `count` requests over CONNECTIONS keep-alive connections, cycling through `paths`."""
    queue, lock, sent = itertools.cycle(paths), threading.Lock(), [0]

    def client():
        connection = http.client.HTTPConnection(site.hostname, site.port, timeout=60)
        while time.monotonic() < deadline:
            with lock:
                if sent[0] >= count:
                    return
                sent[0] += 1
                path = next(queue)
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            with lock:
                statuses[response.status] = statuses.get(response.status, 0) + 1

    threads = [threading.Thread(target=client) for _ in range(CONNECTIONS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sent[0]


statuses = {}
first = [rss_mib(pid) for pid in workers]
started, deadline = time.monotonic(), time.monotonic() + limit
warm = send(min(1000, total), deadline)
warm_values = [rss_mib(pid) for pid in workers]
done = warm + send(total - warm, deadline)
last = [rss_mib(pid) for pid in workers]
elapsed = time.monotonic() - started

cache = os.environ["PAGE_CACHE_SECONDS"]
print(
    f"\n{done:,} requests over {len(paths)} URLs in {elapsed:.0f}s ({done / elapsed:.0f} req/s), "
    f"{CONNECTIONS} connections, page cache {'off' if cache == '0' else cache + 's'}\n"
)
print("Responses: " + ", ".join(f"{count:,} × {status}" for status, count in sorted(statuses.items())) + "\n")
rows = [("started", first), (f"after {warm:,}", warm_values)]
if done > warm:
    rows.append((f"after {done:,}", last))
rows.append(("growth, all", [b - a for a, b in zip(first, last, strict=True)]))
if done > warm:
    rows.append((f"growth, {warm:,}→{done:,}", [b - a for a, b in zip(warm_values, last, strict=True)]))
print(f"{'RSS, MiB':22}" + "".join(f"{'worker ' + pid:>14}" for pid in workers))
for label, values in rows:
    sign = "+" if label.startswith("growth") else ""
    print(f"{label:22}" + "".join(f"{value:{sign}14.1f}" for value in values))
if done < total:
    print(f"\nStopped at the {limit:.0f}s time limit before {total:,} requests.")
EOF
