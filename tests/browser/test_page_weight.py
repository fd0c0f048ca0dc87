"""First visits on a phone: page weight, requests and layout stability of the home page, a post and
the blog index, each loaded into a fresh browser (empty cache).

Every request goes to the site itself (no third-party fonts, scripts or trackers). HTML, CSS, JS
and fonts together stay under 200 KB (content images aside): counted as served here, uncompressed,
which is an upper bound on what a visitor transfers once WhiteNoise or the proxy compresses them.
Each page makes one stylesheet and one script request, and nothing moves once painted.
"""

from urllib.parse import urlsplit

import pytest

from tests.realistic_site import build_realistic_site

BUDGET = 200_000  # bytes of HTML, CSS, JS and fonts on a first visit
PAGES = ("home", "blog post", "blog index")
PHONE = {"width": 412, "height": 823}  # Lighthouse's mobile viewport

# Layout shifts since the page started, as Chromium reports them (input-driven ones excluded): their
# total, and what moved (the element's start and its box before and after), to say why in a failure.
LAYOUT_SHIFT = """() => new Promise((resolve) => {
    new PerformanceObserver((list) => {
        const shifts = list.getEntries().filter((entry) => !entry.hadRecentInput);
        const moved = shifts.flatMap((entry) => entry.sources.map((source) =>
            `${(source.node && (source.node.outerHTML || source.node.nodeName) || "?").slice(0, 120)} ` +
            `${JSON.stringify(source.previousRect)} → ${JSON.stringify(source.currentRect)}`));
        resolve([shifts.reduce((sum, entry) => sum + entry.value, 0), moved]);
    }).observe({type: 'layout-shift', buffered: true});
    setTimeout(() => resolve([0, []]), 500);  // no entries at all: nothing shifted
})"""


@pytest.fixture
def pages(site_tree):
    return dict(build_realistic_site(site_tree))


def first_visit(browser, url):
    """Load `url` in a fresh context; return every URL requested, the finished requests as
    (type, bytes) and the layout shift with what moved. (A request elsewhere fails here, offline, so is
    not finished.)"""
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    requested, finished = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    shift = page.evaluate(LAYOUT_SHIFT)
    loaded = [(request.resource_type, transferred(request)) for request in finished]
    context.close()
    return requested, loaded, shift


def transferred(request):
    sizes = request.sizes()
    return sizes["responseHeadersSize"] + sizes["responseBodySize"]


def test_first_visits_are_light_self_hosted_and_stable(browser, live_server, pages):
    site = urlsplit(live_server.url).netloc
    problems = []
    for name in PAGES:
        requested, loaded, shift = first_visit(browser, live_server.url + pages[name])
        weight = sum(size for kind, size in loaded if kind in ("document", "stylesheet", "script", "font"))
        kinds = [kind for kind, _ in loaded]
        if weight >= BUDGET:
            problems.append(f"{name}: {weight:,} bytes of HTML, CSS, JS and fonts")
        problems += [
            f"{name}: requested {url}"
            for url in requested
            if urlsplit(url).netloc != site and not url.startswith("data:")
        ]
        if (kinds.count("stylesheet"), kinds.count("script")) != (1, 1):
            problems.append(
                f"{name}: {kinds.count('stylesheet')} stylesheets, {kinds.count('script')} scripts"
            )
        total, moved = shift
        if total:
            problems.append(f"{name}: layout shift {total:.4f} from {moved}")
    assert problems == []
