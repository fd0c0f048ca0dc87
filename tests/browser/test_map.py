"""The Relationships Map in Chromium: the whole journey of an entry (add yourself, confirm by the
emailed link, a moderator approves it in the admin, found by filters and the tile map, edited, removed),
the tile map by keyboard, and axe and the Nu HTML checker on the map, a filtered view, an entry, the
form and its errors."""

import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from map.models import MapEntry
from tests.browser.nu import assert_valid_html
from tests.factories.map import MapEntryFactory, MapPageFactory, ThemeFactory
from tests.map.helpers import links_in

PASSWORD = "moderate-carefully"
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


@pytest.fixture
def map_site(site_tree):
    MapPageFactory(parent=site_tree)
    housing = ThemeFactory(name="Housing", slug="housing")
    ThemeFactory(name="Health and care", slug="health-and-care")
    MapEntryFactory(name="Valleys Befriending", region="wales", themes=[housing])
    MapEntryFactory(name="Tenants Together", region="london", themes=[housing], kind="network")
    return get_user_model().objects.create_superuser("moderator", "mod@example.org", PASSWORD)


def email_links():
    return links_in(mail.outbox[-1])


def log_in(page, live_server, user):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def moderate(browser, live_server, moderator, name):
    context = browser.new_context()
    admin = context.new_page()
    log_in(admin, live_server, moderator)
    admin.goto(live_server.url + "/admin/map-entries/?status=pending")
    admin.get_by_role("link", name=name).click()
    admin.get_by_label("Approve").check()
    admin.get_by_role("button", name="Send decision").click()
    expect(admin.get_by_text("saved and emailed to the submitter")).to_be_visible()
    context.close()


def test_add_confirm_approve_find_edit_and_remove(browser, live_server, page, map_site):
    page.goto(live_server.url + "/map/")
    page.get_by_role("link", name="Add yourself to the map").click()
    page.locator("#entry-name").fill("Kettle Street Neighbours")
    page.get_by_label("Network").check()
    page.get_by_role("textbox", name="What you do").fill("We bring neighbours together over tea.")
    page.get_by_label("Housing").check()
    page.get_by_label("Where you work").select_option(label="North West")
    page.get_by_label("Collaborators").check()
    page.locator("#entry-public_fields_0").check()
    page.get_by_label("Your email address").fill("organiser@example.org")
    page.get_by_label("I have read the privacy notice").check()
    page.get_by_role("button", name="Add my entry").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    page.goto(live_server.url + email_links()["confirm"])
    page.get_by_role("button", name="Confirm my entry").click()
    expect(page.get_by_role("heading", name="your address is confirmed")).to_be_visible()

    moderate(browser, live_server, map_site, "Kettle Street Neighbours")

    # Found from the keyboard through the tile map, then with the filters.
    page.goto(live_server.url + "/map/")
    tile = page.locator('svg a[aria-label^="North West"]')
    expect(tile).to_have_attribute("aria-label", "North West: 1 entry")
    tile.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"\?region=north-west$"))
    expect(page.get_by_role("heading", name="1 entry")).to_be_visible()
    page.get_by_label("Housing").check()
    page.get_by_role("button", name="Show entries").click()
    expect(page).to_have_url(re.compile(r"theme=housing"))
    page.get_by_role("link", name="Kettle Street Neighbours").click()
    expect(page.get_by_text("We bring neighbours together over tea.")).to_be_visible()

    # Edit through the link in the approval email; the approved version stays until approved again.
    page.goto(live_server.url + email_links()["manage"])
    page.locator("#entry-name").fill("Kettle Street Friends")
    page.get_by_role("button", name="Save my changes").click()
    expect(page.get_by_role("heading", name="your changes are saved")).to_be_visible()
    page.goto(live_server.url + "/map/")
    expect(page.get_by_role("link", name="Kettle Street Neighbours")).to_be_visible()
    context = browser.new_context()
    admin = context.new_page()
    log_in(admin, live_server, map_site)
    admin.goto(live_server.url + "/admin/map-entries/?has_pending_changes=true")
    admin.get_by_role("link", name="Kettle Street Neighbours").click()
    expect(admin.get_by_text("Kettle Street Friends")).to_be_visible()
    admin.get_by_label("Approve").check()
    admin.get_by_role("button", name="Send decision").click()
    context.close()
    page.goto(live_server.url + "/map/?region=north-west")
    expect(page.get_by_role("link", name="Kettle Street Friends")).to_be_visible()

    page.goto(live_server.url + email_links()["manage"])
    page.get_by_role("button", name="Remove my entry").click()
    expect(page.get_by_role("heading", name="Your entry has been removed")).to_be_visible()
    page.goto(live_server.url + "/map/")
    expect(page.get_by_text("Kettle Street")).to_have_count(0)
    assert not MapEntry.objects.filter(name__startswith="Kettle").exists()


def test_every_tile_is_reachable_and_followed_by_keyboard(live_server, page, map_site):
    page.goto(live_server.url + "/map/?theme=housing")
    page.get_by_role("button", name="Show entries").focus()
    names = []
    for _ in range(12):
        page.keyboard.press("Tab")
        names.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
    assert names[0] == "Scotland: 0 entries"
    assert "Wales: 1 entry" in names and "London: 1 entry" in names
    assert len(set(names)) == 12
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("UK-wide")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"theme=housing&region=south-east$"))


MAP_PAGES = {
    "map": "/map/",
    "filtered map": "/map/?theme=housing&region=wales&kind=organisation&looking=funding",
    "entry": None,
    "form": "/map/join/",
}


def test_map_pages_have_no_wcag_violations(browser, live_server, map_site):
    entry = MapEntry.objects.get(name="Valleys Befriending")
    paths = {**MAP_PAGES, "entry": f"/map/entries/{entry.pk}/"}
    failures = {}
    for width in (320, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        states = list(paths.items())
        for name, path in [*states, ("form with errors", None)]:
            if path:
                page.goto(live_server.url + path)
            else:
                page.goto(live_server.url + "/map/join/")
                page.get_by_role("button", name="Add my entry").click()
                expect(page.get_by_role("heading", name="There is a problem with your entry")).to_be_visible()
            if page.evaluate("document.documentElement.scrollWidth") > width:
                failures[f"{name} at {width}"] = "scrolls sideways"
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                violations = Axe().run(page, options=WCAG).response["violations"]
                if violations:
                    failures[f"{name} at {width}, {scheme}"] = [v["id"] for v in violations]
        context.close()
    assert failures == {}


def test_map_pages_are_valid_html(map_site, tmp_path):
    client = Client()
    entry = MapEntry.objects.get(name="Valleys Befriending")
    pages = {
        name: client.get(path or f"/map/entries/{entry.pk}/").content for name, path in MAP_PAGES.items()
    }
    pages["form with errors"] = client.post("/map/join/", {"name": ""}).content
    assert_valid_html(pages, tmp_path)
