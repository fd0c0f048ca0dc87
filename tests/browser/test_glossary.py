"""A reader filters the glossary and opens a term's definition in place; an editor marks a term."""

import re

from django.contrib.auth import get_user_model
from django.core.cache import cache

from wagtail.models import Page
from wagtail.rich_text import RichText

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from glossary.models import GlossaryGroup
from tests.factories import StandardPageFactory
from tests.factories.glossary import GlossaryIndexPageFactory, GlossaryTermPageFactory


def build_glossary(home):
    cache.clear()
    glossary = GlossaryIndexPageFactory(parent=home)
    # The seeded groups are gone if an earlier live-server test flushed the database.
    groups = {
        slug: GlossaryGroup.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in [
            ("types-of-relationships", "Types of relationships"),
            ("places-and-spaces", "Places and spaces"),
        ]
    }
    weavers = GlossaryTermPageFactory(
        parent=glossary,
        title="Community weavers",
        short_definition="Local connectors who knit people together.",
        group=groups["types-of-relationships"],
    )
    GlossaryTermPageFactory(
        parent=glossary,
        title="Social plumbing",
        also_called="social infrastructure",
        short_definition="The small structures relationships flow through.",
        group=groups["places-and-spaces"],
    )
    GlossaryTermPageFactory(
        parent=glossary, title="Éclair moments", short_definition="Small sweet surprises.", group=None
    )
    return weavers


def assert_accessible(page):
    violations = [
        violation
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert violations == [], [violation["id"] for violation in violations]


def test_filter_box_narrows_the_glossary_as_you_type(site_tree, live_server, page):
    build_glossary(site_tree)
    page.goto(live_server.url + "/glossary/")
    entries = page.locator(".glossary-entry")
    assert entries.count() == 3
    assert_accessible(page)

    page.get_by_label("Filter terms").fill("infrastr")
    visible = page.locator(".glossary-entry:visible")
    assert visible.count() == 1
    assert visible.locator("dt").inner_text() == "Social plumbing"
    assert not page.get_by_role("heading", name="Types of relationships").is_visible()
    expect(page.locator("[data-glossary-status]")).to_contain_text("1 of 3")

    page.get_by_label("Filter terms").fill("eclair")  # no accent typed, accented term found
    assert page.locator(".glossary-entry:visible dt").inner_text() == "Éclair moments"

    page.get_by_label("Filter terms").fill("zzz")
    assert page.locator(".glossary-entry:visible").count() == 0
    assert page.get_by_text("No terms match your filter").is_visible()

    page.get_by_label("Filter terms").fill("")
    assert page.locator(".glossary-entry:visible").count() == 3


def test_keyboard_opens_a_terms_definition_in_running_text(site_tree, live_server, page):
    weavers = build_glossary(site_tree)
    StandardPageFactory(
        parent=site_tree,
        slug="about",
        title="About us",
        body=[
            (
                "paragraph",
                RichText(
                    f'<p>We support <a linktype="glossary" id="{weavers.pk}">community weavers</a> everywhere.</p>'
                ),
            )
        ],
    )
    page.goto(live_server.url + "/about/")
    link = page.get_by_role("link", name="community weavers")
    assert link.get_attribute("href") == "/glossary/community-weavers/"
    definition = page.get_by_text("Local connectors who knit people together.")
    assert not definition.is_visible()

    link.focus()
    page.keyboard.press("Tab")
    toggle = page.get_by_role("button", name="Definition of Community weavers")
    assert toggle.evaluate("element => element === document.activeElement")
    assert toggle.get_attribute("aria-expanded") == "false"

    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert definition.is_visible()
    assert toggle.get_attribute("aria-controls") == definition.get_attribute("id")
    assert_accessible(page)

    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not definition.is_visible()

    page.keyboard.press("Space")
    assert definition.is_visible()

    link.click()
    page.wait_for_url("**/glossary/community-weavers/")
    assert page.get_by_role("heading", level=1).inner_text() == "Community weavers"
    assert page.get_by_role("link", name="About us").is_visible()  # the usage list


def test_editor_marks_a_phrase_with_the_glossary_button(site_tree, live_server, page):
    build_glossary(site_tree)
    about = StandardPageFactory(
        parent=site_tree,
        slug="about",
        title="About us",
        body=[("paragraph", RichText("<p>Weavers matter.</p>"))],
    )
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-strong-password")
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-strong-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    page.locator(".public-DraftEditor-content").first.click()
    page.keyboard.press("Home")
    for _ in range(len("Weavers")):
        page.keyboard.press("Shift+ArrowRight")
    page.get_by_role("button", name="Glossary term").click()
    chooser = page.locator(".modal-content")
    expect(chooser).to_contain_text('Only pages of type "Glossary term" may be chosen')
    chooser.get_by_role("link", name="Community weavers").click()
    expect(page.locator(".TooltipEntity")).to_have_count(1)
    # Draftail writes the editor's state to its form field a moment after each change.
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile('"type":"GLOSSARY"'))

    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has been updated")).to_be_visible()
    about.refresh_from_db()
    source = about.get_latest_revision_as_object().body[0].value.source
    assert (
        f'<a linktype="glossary" id="{Page.objects.get(slug="community-weavers").pk}">Weavers</a>' in source
    )
