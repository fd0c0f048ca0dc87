"""Keyboard journeys in Chromium: every page can be walked with Tab in reading order, with focus always
visible and never trapped; the skip link, menu, explorer filters, glossary, pagination and the
suggestion form all work from the keyboard alone. (Search autocomplete has its own test in test_search.)
"""

import re

import pytest
from playwright.sync_api import expect

from tests.realistic_site import build_realistic_site

# Marks every element a keyboard user can Tab to, in document order, and returns how many there are.
MARK_TABBABLE = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
    const tabbable = [...document.querySelectorAll(selector)].filter((element) =>
        element.tabIndex >= 0 && !element.disabled && element.getClientRects().length > 0
        && getComputedStyle(element).visibility !== 'hidden'
    );
    tabbable.forEach((element, index) => { element.dataset.tabOrder = index; });
    return tabbable.length;
}"""

# What the focused element is, and whether a focus indicator can be seen on it or on the
# container that draws it (a card's outline shows when the link stretched over it has focus).
DESCRIBE_FOCUS = """() => {
    const element = document.activeElement;
    const indicated = (node) => {
        const style = getComputedStyle(node);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    };
    let node = element;
    while (node && node !== document.body && !indicated(node)) node = node.parentElement;
    return {
        order: element.dataset.tabOrder === undefined ? null : Number(element.dataset.tabOrder),
        html: element.outerHTML.slice(0, 120),
        visible: node !== null && node !== document.body,
    };
}"""


@pytest.fixture
def pages(site_tree):
    return build_realistic_site(site_tree)


def walk_with_tab(page):
    """Tab through the whole page; return the focus stops and what happened after the last one."""
    count = page.evaluate(MARK_TABBABLE)
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(DESCRIBE_FOCUS))
    page.keyboard.press("Tab")
    return count, stops, page.evaluate(DESCRIBE_FOCUS)


@pytest.mark.parametrize("width", [1280, 320])
def test_tab_reaches_everything_in_reading_order_with_visible_focus(browser, live_server, pages, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    problems = {}
    for name, path in pages:
        page.goto(live_server.url + path)
        count, stops, after_last = walk_with_tab(page)
        orders = [stop["order"] for stop in stops]
        if orders != list(range(count)):
            problems[name] = f"focus order {orders}, expected 0..{count - 1}"
        hidden = [stop["html"] for stop in stops if not stop["visible"]]
        if hidden:
            problems[name] = f"no visible focus on {hidden}"
        if after_last["order"] is not None and after_last["order"] != 0:
            problems[name] = f"focus stuck after the last element: {after_last['html']}"
    context.close()
    assert problems == {}, "\n".join(f"{name}: {problem}" for name, problem in problems.items())


def test_skip_link_moves_focus_to_the_main_content(page, live_server, pages):
    page.goto(live_server.url + "/about/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is inside main, not back in the header
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")


def test_menu_opens_and_closes_from_the_keyboard_on_a_phone(browser, live_server, pages):
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="Menu")
    menu = page.locator("#site-menu")
    expect(menu).to_be_hidden()
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # organisation name
    page.keyboard.press("Tab")
    expect(toggle).to_be_focused()

    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link").first).to_be_focused()

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()
    page.keyboard.press("Shift+Tab")  # and back out again: nothing traps focus
    expect(page.get_by_role("link", name=re.compile("Relationships Project"))).to_be_focused()
    context.close()


def test_explorer_filters_and_pagination_by_keyboard(page, live_server, pages):
    page.goto(live_server.url + "/case-maker/stories/")
    education = page.get_by_label("Education")
    education.focus()
    page.keyboard.press("Space")
    expect(education).to_be_checked()
    page.get_by_role("button", name="Show stories").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/stories/?sector=education")
    expect(page.get_by_role("heading", name="2 stories")).to_be_visible()
    page.get_by_role("link", name=re.compile("Education.*remove filter")).focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/case-maker/stories/\??$"))

    page.goto(live_server.url + "/blog/")
    pagination = page.get_by_role("navigation", name="Pagination")
    pagination.get_by_role("link", name="Next page").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/blog/?page=2")
    expect(pagination.locator("[aria-current=page]")).to_have_text("Page 2")
    pagination.get_by_role("link", name="Previous page").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/blog/?page=1")


def test_glossary_filter_by_keyboard(page, live_server, pages):
    page.goto(live_server.url + "/glossary/")
    box = page.get_by_label("Filter terms")
    box.focus()
    page.keyboard.type("plumb")
    expect(page.locator(".glossary-entry:visible dt")).to_have_text(["Social plumbing"])
    page.keyboard.press("Enter")  # submitting keeps the reader where they are
    expect(box).to_be_focused()
    expect(page.locator("[data-glossary-status]")).to_have_text("1 of 2 terms match.")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Filter")).to_be_focused()


def test_suggestion_form_errors_are_announced_and_lead_to_their_fields(page, live_server, pages):
    page.goto(live_server.url + "/glossary/suggest/")
    term = page.get_by_role("textbox", name=re.compile("^Term"))
    expect(term).to_have_accessible_name(re.compile(r"\(required\)"))
    expect(page.get_by_label("Your name")).to_have_accessible_name(re.compile(r"\(optional\)"))
    page.get_by_role("button", name="Send suggestion").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/glossary/suggest/")
    expect(page).to_have_title(re.compile("^Error: "))

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    expect(summary).to_have_accessible_name("There is a problem with your suggestion")
    definition = page.get_by_role("textbox", name=re.compile("definition", re.IGNORECASE))
    for field in (term, definition):
        expect(field).to_have_accessible_description(re.compile("This field is required"))
    page.keyboard.press("Tab")
    first_error = summary.get_by_role("link").first
    expect(first_error).to_be_focused()
    page.keyboard.press("Enter")
    expect(term).to_be_focused()
    page.keyboard.type("Social prescribing")
    page.keyboard.press("Tab")
    expect(definition).to_be_focused()
