"""Fixtures shared by pytest-style tests, including the browser tests."""

import os

import factory.random
import pytest

from tests.base import build_site_tree, restore_wagtail_roots

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def same_fake_data(request):
    """Factories' made-up words are the same on every run of a test, so a failure can be repeated
    (a random definition once happened to contain the very word a filter test looked for)."""
    factory.random.reseed_random(request.node.nodeid)


@pytest.fixture(autouse=True)
def fresh_caches():
    """Every test starts with empty caches, as a new deployment does: pages created by factories
    are live without the publish signal that would start a new content generation."""
    from django.conf import settings
    from django.core.cache import caches

    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def home_page(db):
    return build_site_tree()


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the session; missing Chromium is a failure in CI."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required in CI")
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def site_tree(transactional_db, live_server):
    """The site tree for browser tests, with the Site pointing at the live server's port."""
    from wagtail.models import Site

    restore_wagtail_roots()
    home = build_site_tree()
    Site.objects.update(hostname="localhost", port=int(live_server.url.rsplit(":", 1)[1]))
    return home


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)
