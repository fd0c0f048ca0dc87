"""axe-core on every page template and state, at phone and desktop widths, in light and dark schemes;
reflow at 320 CSS pixels without sideways scrolling; and the reader's reduced-motion preference.

One site is built once and every page is visited once per width; axe then runs in each colour
scheme on the same page (`emulate_media`), so the sweep costs two browser contexts, not one per page.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.realistic_site import SUGGESTION_FORM, build_realistic_site

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
WIDTHS = (320, 1280)
SCHEMES = ("light", "dark")


@pytest.fixture
def pages(site_tree):
    return build_realistic_site(site_tree)


def open_states(page, live_server, pages):
    """Visit every page, then the states that need interaction; yield (name, page) at each."""
    for name, path in pages:
        response = page.goto(live_server.url + path)
        assert response.status == (404 if name == "not found" else 200), (name, response.status)
        yield name
    page.goto(live_server.url + "/about/")
    page.get_by_role("button", name="Definition of Community weavers").click()
    yield "in-text definition open"
    page.goto(live_server.url + "/glossary/")
    page.get_by_label("Filter terms").fill("zzz")
    yield "glossary live filter with no match"
    page.goto(live_server.url + SUGGESTION_FORM)
    page.get_by_role("button", name="Send suggestion").click()
    page.wait_for_url("**" + SUGGESTION_FORM)
    yield "suggestion form with errors"


def summarise(violations):
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:5])
        for violation in violations
    ]


def test_every_page_and_state_has_no_wcag_violations_and_reflows(browser, live_server, pages):
    axe = Axe()
    failures = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.set_default_timeout(15_000)
        for name in open_states(page, live_server, pages):
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                failures[f"{name} at {width}px"] = [f"scrolls sideways: {scroll_width}px wide"]
            for scheme in SCHEMES:
                page.emulate_media(color_scheme=scheme)
                violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
                if violations:
                    failures[f"{name} at {width}px, {scheme}"] = summarise(violations)
        context.close()
    assert failures == {}


# The longest transition or animation on any element, in seconds, and the page's scroll behaviour.
MOTION = """() => {
    const seconds = (value) => Math.max(...value.split(',').map((part) =>
        part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part)));
    let longest = 0;
    for (const element of document.querySelectorAll('*')) {
        const style = getComputedStyle(element);
        longest = Math.max(longest, seconds(style.transitionDuration), seconds(style.animationDuration));
    }
    return {longest, scroll: getComputedStyle(document.documentElement).scrollBehavior};
}"""


def test_reduced_motion_is_honoured(browser, live_server, pages):
    motion = {}
    for preference in ("no-preference", "reduce"):
        context = browser.new_context(reduced_motion=preference)
        page = context.new_page()
        page.goto(live_server.url + "/glossary/")
        page.get_by_label("Filter terms").focus()
        motion[preference] = page.evaluate(MOTION)
        context.close()
    assert motion["no-preference"]["scroll"] == "smooth"
    assert motion["reduce"]["scroll"] == "auto"
    assert motion["reduce"]["longest"] <= 0.001
