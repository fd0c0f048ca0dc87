"""Search in Chromium: autocomplete from the header box by keyboard, and filtering results by type."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.glossary import GlossaryIndexPageFactory, GlossaryTermPageFactory


@pytest.fixture
def content(site_tree):
    blog = BlogIndexPageFactory(parent=site_tree)
    glossary = GlossaryIndexPageFactory(parent=site_tree)
    return {
        "post": BlogPageFactory(parent=blog, title="Weaving a village together", in_brief="Weaving stories."),
        "term": GlossaryTermPageFactory(parent=glossary, title="Weaver", short_definition="A connector."),
        "page": StandardPageFactory(parent=site_tree, title="Weaving toolkit", in_brief="Tools for weaving."),
    }


def test_choosing_a_suggestion_with_the_keyboard(page, live_server, content):
    page.goto(live_server.url + "/")
    box = page.locator("#site-search-input")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("weav", delay=30)

    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox.get_by_role("option")).to_have_count(3)
    expect(box).to_have_attribute("aria-expanded", "true")

    box.press("ArrowDown")
    box.press("ArrowDown")
    second = listbox.get_by_role("option").nth(1)
    expect(second).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", second.get_attribute("id"))
    chosen_title = second.locator("span").first.inner_text()
    box.press("ArrowUp")
    box.press("ArrowUp")  # wraps round to the last option
    last = listbox.get_by_role("option").nth(2)
    expect(last).to_have_attribute("aria-selected", "true")
    box.press("ArrowDown")  # back to the first
    box.press("ArrowDown")
    expect(second).to_have_attribute("aria-selected", "true")

    box.press("Enter")
    target = next(item for item in content.values() if item.title == chosen_title)
    expect(page).to_have_url(live_server.url + target.url)


def test_escape_closes_suggestions_and_enter_submits_the_plain_form(page, live_server, content):
    page.goto(live_server.url + "/")
    box = page.locator("#site-search-input")
    box.press_sequentially("weav", delay=30)
    expect(page.get_by_role("listbox").get_by_role("option")).to_have_count(3)
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("listbox")).to_be_hidden()
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=weav$"))


def test_filtering_results_by_type(page, live_server, content):
    page.goto(live_server.url + "/")
    page.locator("#site-search-input").fill("weaving")
    page.locator(".site-search button").click()
    expect(page.locator("h1")).to_have_text("Search")
    results = page.locator(".search-hit__title")
    expect(results).to_have_count(2)

    filters = page.get_by_role("navigation", name="Filter results by type")
    filters.get_by_role("link", name=re.compile(r"^Posts")).click()
    expect(page).to_have_url(re.compile(r"type=posts"))
    expect(results).to_have_count(1)
    expect(results.first).to_have_text(content["post"].title)
    expect(filters.locator("[aria-current]")).to_have_text(re.compile(r"Posts\s+1"))


def test_search_works_without_javascript(browser, live_server, content):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(live_server.url + "/")
    tab.locator("#site-search-input").fill("weaver")
    tab.locator("#site-search-input").press("Enter")
    expect(tab.locator(".glossary-answer h2")).to_have_text("Weaver")
    expect(tab.locator("#site-search-input")).not_to_have_attribute("role", "combobox")
    context.close()
