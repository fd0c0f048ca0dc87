"""An editor announces an online convening; a reader finds it, saves it to a calendar, and reads the reflections later."""

import datetime
import re
import zoneinfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.rich_text import RichText

import icalendar
import pytest
import time_machine
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from events.models import EventPage
from tests.browser.admin_forms import fill_datetime, settle_autosave
from tests.factories.events import EventIndexPageFactory, EventPageFactory, EventSeriesFactory

LONDON = zoneinfo.ZoneInfo("Europe/London")
PASSWORD = "correct horse battery staple"
JOINING_LINK = "https://zoom.example/j/never-public-42"


@pytest.fixture
def editor(site_tree):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", PASSWORD)


def log_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def publish(page):
    settle_autosave(page)
    page.get_by_role("button", name="More actions").click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages")).to_contain_text("published")


def test_announce_attend_and_reflect(page, live_server, site_tree, editor, tmp_path):
    index = EventIndexPageFactory(parent=site_tree)
    day = timezone.localdate() + datetime.timedelta(days=2)
    start = datetime.datetime.combine(day, datetime.time(13, 0), LONDON)

    # The editor announces an online convening in the admin.
    log_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/add/events/eventpage/{index.pk}/")
    page.fill("#id_title", "Relational readiness")
    page.fill("#id_in_brief", "What tells us a place is ready for relationship-centred practice?")
    fill_datetime(page, "#id_start", f"{day:%d/%m/%Y} 13:00")
    fill_datetime(page, "#id_end", f"{day:%d/%m/%Y} 14:15")
    page.select_option("#id_format", "online")
    page.fill("#id_joining_link", JOINING_LINK)
    page.fill("#id_registration_url", "https://forms.example/readiness")
    publish(page)
    event = EventPage.objects.get(title="Relational readiness")
    assert event.start == start

    # A reader sees it under upcoming and downloads its calendar file.
    page.goto(f"{live_server.url}/convenings/")
    upcoming = page.locator("section", has=page.locator("#upcoming-heading"))
    upcoming.get_by_role("link", name="Relational readiness").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Relational readiness")
    expect(page.get_by_role("link", name="Sign up for Relational readiness")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Add to calendar")).click()
    path = tmp_path / "event.ics"
    download_info.value.save_as(path)
    [vevent] = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert str(vevent["summary"]) == "Relational readiness"
    assert vevent.decoded("dtstart") == start
    assert JOINING_LINK not in page.content()
    assert JOINING_LINK.encode() not in path.read_bytes()

    # The day after, the editor adds reflections; the reader finds it among past convenings.
    with time_machine.travel(start + datetime.timedelta(days=1), tick=True):
        page.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
        reflections = page.locator("[data-contentpath=reflections]")
        reflections.locator("button.c-sf-add-button").click()
        page.get_by_role("option", name="Paragraph").click()
        reflections.locator("[role=textbox]").click()
        page.keyboard.type("We left with a lot to reflect on.")
        # Draftail copies its state into the form field shortly after typing stops.
        expect(page.locator("input[name='reflections-0-value']")).to_have_value(re.compile("reflect on"))
        publish(page)

        page.goto(f"{live_server.url}/convenings/")
        expect(page.locator("#upcoming-heading + .card-grid")).to_have_count(0)
        page.get_by_role("link", name="All past convenings and their reflections").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Past convenings")
        page.get_by_role("link", name="Relational readiness").click()
        expect(page.locator(".event-reflections")).to_contain_text("We left with a lot to reflect on.")
        expect(page.get_by_role("link", name=re.compile("Sign up"))).to_have_count(0)
        assert JOINING_LINK not in page.content()


def test_convening_pages_pass_axe(page, live_server, site_tree):
    index = EventIndexPageFactory(parent=site_tree)
    series = EventSeriesFactory(name="Relational Councils", slug="relational-councils")
    EventPageFactory(parent=index, slug="ahead", title="Ahead", series=series)
    EventPageFactory(
        parent=index,
        slug="behind",
        title="Behind",
        start=timezone.now() - datetime.timedelta(days=30),
        series=series,
        reflections=[("paragraph", RichText("<p>What we learned.</p>"))],
    )
    axe = Axe()
    for path in (
        "/convenings/",
        "/convenings/past/",
        "/convenings/series/relational-councils/",
        "/convenings/ahead/",
        "/convenings/behind/",
    ):
        page.goto(live_server.url + path)
        results = axe.run(page)
        assert results.violations_count == 0, (path, results.generate_report())
