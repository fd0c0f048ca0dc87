#!/usr/bin/env bash
# Lighthouse (mobile, its default simulated throttling) on the home page, a post and the blog index
# of the demo site served with production settings; prints the four category scores per page.
#
#     bench/lighthouse.sh            # one run per page
#     RUNS=5 bench/lighthouse.sh     # the median of five runs per page (scores vary run to run)
#
# Needs Node 18+, npm and Debian's Chromium. Reports are kept in bench/results/lighthouse/.
set -euo pipefail
source "$(dirname "$0")/demo_site.sh"

RUNS=${RUNS:-1}
# Lighthouse 12 is the last line that runs on Debian's Node 20. It gets its own npm prefix because a
# `--no-save` install prunes every package it did not install itself, such as the HTML checker.
LIGHTHOUSE_VERSION=12.8.2
LIGHTHOUSE_PREFIX=$ROOT/node_modules/.lighthouse
LIGHTHOUSE=$LIGHTHOUSE_PREFIX/node_modules/.bin/lighthouse
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
REPORTS=$ROOT/bench/results/lighthouse

if [ ! -x "$LIGHTHOUSE" ] || [ "$("$LIGHTHOUSE" --version)" != "$LIGHTHOUSE_VERSION" ]; then
    npm install --prefix "$LIGHTHOUSE_PREFIX" --no-save --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
fi
mkdir -p "$REPORTS"
start_demo_site
declare -A PAGES=([home]=/ [post]=$(newest_post_path) [blog-index]=/blog/)

for name in home post blog-index; do
    url=$SITE${PAGES[$name]}
    curl -fs "$url" > /dev/null # the first request fills the page cache and renders images, as on a live site
    for run in $(seq "$RUNS"); do
        # Lighthouse now and then fails to record a trace on a busy machine; such a run is repeated.
        for attempt in 1 2 3; do
            "$LIGHTHOUSE" "$url" --quiet --chrome-flags="$CHROME_FLAGS" \
                --only-categories=performance,accessibility,best-practices,seo \
                --output=json --output=html --output-path="$REPORTS/$name-$run" && break
            [ "$attempt" = 3 ] && exit 1
        done
    done
done

"$BIN/python" - "$REPORTS" "$RUNS" <<'EOF'
import json, statistics, sys
from pathlib import Path

reports, runs = Path(sys.argv[1]), int(sys.argv[2])
categories = ["performance", "accessibility", "best-practices", "seo"]
metrics = ["largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]
print(f"\nLighthouse, mobile, {'median of ' + str(runs) + ' runs' if runs > 1 else 'one run'} per page\n")
print(f"{'page':12}" + "".join(f"{c:>16}" for c in categories) + f"{'LCP s':>8}{'TBT ms':>8}{'CLS':>7}")
for name in ("home", "post", "blog-index"):
    results = [json.loads((reports / f"{name}-{run}.report.json").read_text()) for run in range(1, runs + 1)]
    scores = [statistics.median(r["categories"][c]["score"] * 100 for r in results) for c in categories]
    values = [statistics.median(r["audits"][m]["numericValue"] for r in results) for m in metrics]
    print(
        f"{name:12}" + "".join(f"{s:16.0f}" for s in scores)
        + f"{values[0] / 1000:8.2f}{values[1]:8.0f}{values[2]:7.3f}"
    )
print(f"\nFull reports: {reports}/<page>-<run>.report.html")
EOF
