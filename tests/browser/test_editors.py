"""The editors' everyday tasks, driven through the real admin in Chromium by Editors and Moderators."""

import re
from unittest import mock

from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Collection, Page

import feedparser
import pytest
import time_machine
from playwright.sync_api import expect

from blog.models import BlogPage
from casestudies.models import CaseStudyPage
from core.roles import apply_roles
from events.models import EventPage
from glossary.models import GlossaryTermPage
from tests.browser.admin_forms import fill_datetime, settle_autosave
from tests.factories import ImageFactory, PersonFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory
from tests.factories.casestudies import CaseMakerPageFactory, ScaleFactory, SectorFactory
from tests.factories.editors import PASSWORD, editor, moderator
from tests.factories.events import EventIndexPageFactory
from tests.factories.glossary import (
    GlossaryIndexPageFactory,
    GlossarySuggestionFactory,
    GlossaryTermPageFactory,
)


@pytest.fixture
def roles(site_tree):
    """The groups and workflow the data migration makes, re-made after the previous test's flush."""
    apply_roles(apps)
    return site_tree


def log_in(page, live_server, user):
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def log_out(page):
    page.context.clear_cookies()


def choose_in_modal(page, scope, button_name, item_name):
    scope.get_by_role("button", name=button_name).first.click()
    modal = page.locator(".modal-content")
    modal.get_by_role("link", name=item_name).click()
    modal.wait_for(state="hidden")


def submit_for_moderation(page):
    settle_autosave(page)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to Moderators approval")).click()
    expect(page.locator(".messages")).to_contain_text("submitted")


def approve(page, live_server, page_id):
    """A Moderator approves the page from its edit view: Approve is the main button, then confirmed."""
    page.goto(f"{live_server.url}/admin/pages/{page_id}/edit/")
    page.locator("footer").get_by_role("link", name="Approve", exact=True).click()
    page.get_by_role("button", name=re.compile(r"^Publish (now|at its scheduled time)$")).click()
    expect(page.locator(".messages")).to_contain_text("was approved")
    page.wait_for_load_state()


def test_1_editor_writes_a_post_with_image_and_term_and_moderator_approves(roles, live_server, page):
    index = BlogIndexPageFactory(parent=roles)
    PersonFactory(name="Iona Lawrence")
    CategoryFactory(name="Reflections")
    ImageFactory(title="Circles on warm paper", collection=Collection.get_first_root_node())
    glossary = GlossaryIndexPageFactory(parent=roles)
    weavers = GlossaryTermPageFactory(parent=glossary, title="Community weavers", slug="community-weavers")
    writer, approver = editor(), moderator()

    log_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/pages/add/blog/blogpage/{index.pk}/")
    page.locator("#id_title").fill("Weavers in Wigan")
    page.get_by_role("textbox", name="In brief").fill(
        "What community weavers taught us about neighbourliness."
    )
    choose_in_modal(page, page, "Choose person", "Iona Lawrence")
    choose_in_modal(page, page, "Choose category", "Reflections")
    body = page.locator("#panel-child-content-body-section")
    body.get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name="Paragraph").click()
    body.locator("[contenteditable=true]").fill("Weavers knit streets together.")
    body.locator("[contenteditable=true]").click()
    page.keyboard.press("Home")
    for _ in range(len("Weavers")):
        page.keyboard.press("Shift+ArrowRight")
    page.get_by_role("button", name="Glossary term").click()
    page.locator(".modal-content").get_by_role("link", name="Community weavers").click()
    expect(page.locator(".TooltipEntity")).to_have_count(1)
    body.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Image").click()
    choose_in_modal(page, body, "Choose an image", "Circles on warm paper")
    body.get_by_label("Alt text").fill("Hand-drawn circles overlapping")
    expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile('"type":"GLOSSARY"'))

    submit_for_moderation(page)
    post = BlogPage.objects.get(title="Weavers in Wigan")
    assert not post.live
    assert page.request.get(live_server.url + "/blog/weavers-in-wigan/").status == 404

    log_out(page)
    log_in(page, live_server, approver)
    approve(page, live_server, post.pk)
    post.refresh_from_db()
    assert post.live

    page.goto(live_server.url + "/blog/weavers-in-wigan/")
    assert page.get_by_role("heading", level=1).inner_text() == "Weavers in Wigan"
    assert page.get_by_role("img", name="Hand-drawn circles overlapping").is_visible()
    assert page.locator(f'a[href="{weavers.url}"]').count() == 1
    feed = feedparser.parse(page.request.get(live_server.url + "/blog/feed/").body())
    assert [entry.title for entry in feed.entries] == ["Weavers in Wigan"]


def test_5_editor_turns_a_glossary_suggestion_into_a_published_term(roles, live_server, page):
    GlossaryIndexPageFactory(parent=roles)
    GlossarySuggestionFactory(term="Kitchen table", definition="A small, informal gathering around food.")
    writer, approver = editor(), moderator()

    log_in(page, live_server, writer)
    page.get_by_role("button", name="Glossary").click()
    page.get_by_role("link", name="Term suggestions").click()
    page.get_by_role("link", name="Start a term from this suggestion").click()
    page.get_by_role("button", name="Start the draft term").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    expect(page.locator("#id_short_definition")).to_have_value("A small, informal gathering around food.")
    page.locator("#id_short_definition").fill("An informal gathering where people share food and talk.")
    submit_for_moderation(page)

    log_out(page)
    log_in(page, live_server, approver)
    term = GlossaryTermPage.objects.get(title="Kitchen table")
    approve(page, live_server, term.pk)
    term.refresh_from_db()
    assert term.live
    page.goto(live_server.url + "/glossary/")
    expect(page.locator("body")).to_contain_text("An informal gathering where people share food and talk.")


def test_6_editor_fixes_a_typo_through_a_draft_and_preview(roles, live_server, page):
    index = BlogIndexPageFactory(parent=roles)
    post = BlogPageFactory(parent=index, title="Relatoinships first", slug="relationships-first")
    writer, approver = editor(), moderator()

    log_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/pages/{post.pk}/edit/")
    page.locator("#id_title").fill("Relationships first")
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")

    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("Relationships first")

    live = page.context.browser.new_context().new_page()
    live.goto(live_server.url + "/blog/relationships-first/")
    assert live.get_by_role("heading", level=1).inner_text() == "Relatoinships first"

    submit_for_moderation(page)
    log_out(page)
    log_in(page, live_server, approver)
    approve(page, live_server, post.pk)
    live.reload()
    assert live.get_by_role("heading", level=1).inner_text() == "Relationships first"
    live.context.close()


def test_7_editor_shares_a_draft_and_revokes_it(roles, live_server, page):
    index = BlogIndexPageFactory(parent=roles)
    post = BlogPageFactory(parent=index, title="Published words", slug="shared-post")
    post.title = "Words still in draft"
    post.save_revision()

    log_in(page, live_server, editor())
    page.goto(f"{live_server.url}/admin/pages/{post.pk}/edit/")
    header_menu = page.get_by_role("navigation", name="Actions", exact=True)
    header_menu.get_by_role("button", name="Actions").click()
    header_menu.get_by_role("link", name="Share draft").click()
    page.get_by_label("Shared with").fill("Jo, the story's subject")
    page.get_by_role("button", name="Create a share link").click()
    url = page.get_by_label("The new share link").input_value()

    anonymous = page.context.browser.new_context().new_page()
    response = anonymous.goto(url)
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    assert anonymous.get_by_role("heading", level=1).inner_text() == "Words still in draft"
    assert anonymous.locator('meta[name="robots"]').get_attribute("content") == "noindex, nofollow"
    assert anonymous.locator("[data-wagtail-userbar], wagtail-userbar").count() == 0

    page.get_by_role("button", name="Revoke").click()
    expect(page.locator(".messages")).to_contain_text("revoked")
    response = anonymous.goto(url)
    assert response.status == 410
    assert anonymous.get_by_role("heading", level=1).inner_text() == "This link no longer works"
    anonymous.context.close()


def test_8_editor_cannot_publish_or_open_areas_outside_their_role(roles, live_server, page):
    index = BlogIndexPageFactory(parent=roles)
    post = BlogPageFactory(parent=index, title="A live post", slug="a-live-post")
    post.unpublish()

    log_in(page, live_server, editor())
    page.goto(f"{live_server.url}/admin/pages/{post.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    expect(page.get_by_role("button", name=re.compile("Submit to Moderators approval"))).to_be_visible()
    expect(page.get_by_role("button", name="Publish", exact=True)).to_have_count(0)
    assert not Page.objects.get(pk=post.pk).live

    page.goto(live_server.url + "/admin/users/")
    page.wait_for_url(live_server.url + "/admin/")
    expect(page.locator(".messages")).to_contain_text(
        "Sorry, you do not have permission to access this area."
    )
    page.goto(live_server.url + "/admin/redirects/")
    expect(page.locator(".messages")).to_contain_text(
        "Sorry, you do not have permission to access this area."
    )


def test_2_scheduled_post_goes_live_only_after_publish_scheduled(roles, live_server, page):
    index = BlogIndexPageFactory(parent=roles)
    post = BlogPageFactory(parent=index, title="Tomorrow's reflection", slug="tomorrows-reflection")
    post.unpublish()
    writer, approver = editor(), moderator()

    log_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/pages/{post.pk}/edit/")
    page.get_by_role("button", name="Status").click()
    page.get_by_role("button", name="Set schedule").click()
    dialog = page.get_by_role("dialog").filter(has_text="Set publishing schedule")
    tomorrow = timezone.localtime() + timezone.timedelta(days=1)
    dialog.locator("input[name='go_live_at']").fill(tomorrow.strftime("%d/%m/%Y %H:%M"))
    dialog.get_by_role("button", name="Save schedule").click()
    submit_for_moderation(page)

    log_out(page)
    log_in(page, live_server, approver)
    approve(page, live_server, post.pk)
    assert page.request.get(live_server.url + "/blog/tomorrows-reflection/").status == 404

    call_command("publish_scheduled")
    assert page.request.get(live_server.url + "/blog/tomorrows-reflection/").status == 404
    later = timezone.now() + timezone.timedelta(days=1, minutes=5)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")
    assert page.request.get(live_server.url + "/blog/tomorrows-reflection/").status == 200


def test_3_editor_announces_a_convening_then_adds_reflections_and_a_reflection_post(roles, live_server, page):
    convenings = EventIndexPageFactory(parent=roles)
    blog = BlogIndexPageFactory(parent=roles)
    CategoryFactory(name="Reflections")
    PersonFactory(name="Iona Lawrence")
    writer, approver = editor(), moderator()
    day = timezone.localdate() + timezone.timedelta(days=3)

    log_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/pages/add/events/eventpage/{convenings.pk}/")
    page.fill("#id_title", "Kitchen table in Leeds")
    page.fill("#id_in_brief", "An evening conversation about neighbourliness over food.")
    fill_datetime(page, "#id_start", f"{day:%d/%m/%Y} 18:00")
    fill_datetime(page, "#id_end", f"{day:%d/%m/%Y} 20:00")
    page.select_option("#id_format", "in_person")
    page.fill("#id_venue_name", "Leeds Central Library")
    page.fill("#id_registration_url", "https://forms.example/kitchen-table")
    submit_for_moderation(page)
    event = EventPage.objects.get(title="Kitchen table in Leeds")
    log_out(page)
    log_in(page, live_server, approver)
    approve(page, live_server, event.pk)
    page.goto(live_server.url + "/convenings/")
    expect(page.get_by_role("link", name="Kitchen table in Leeds")).to_be_visible()

    with time_machine.travel(event.end + timezone.timedelta(days=1), tick=True):
        log_out(page)
        log_in(page, live_server, writer)
        page.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
        reflections = page.locator("[data-contentpath=reflections]")
        reflections.locator("button.c-sf-add-button").click()
        page.get_by_role("option", name="Paragraph").click()
        reflections.locator("[role=textbox]").click()
        page.keyboard.type("Twenty neighbours came; most stayed late.")
        expect(page.locator("input[name='reflections-0-value']")).to_have_value(re.compile("stayed late"))
        page.fill("#id_attendance", "20 neighbours")
        submit_for_moderation(page)

        page.goto(f"{live_server.url}/admin/pages/add/blog/blogpage/{blog.pk}/")
        page.locator("#id_title").fill("What the kitchen table taught us")
        page.get_by_role("textbox", name="In brief").fill("Notes from an evening in Leeds.")
        choose_in_modal(page, page, "Choose person", "Iona Lawrence")
        choose_in_modal(page, page, "Choose category", "Reflections")
        choose_in_modal(page, page, "Choose a page (Convening)", "Kitchen table in Leeds")
        body = page.locator("#panel-child-content-body-section")
        body.get_by_role("button", name="Insert a block").click()
        page.get_by_role("option", name="Paragraph").click()
        body.locator("[contenteditable=true]").fill("Food first, then talk.")
        expect(page.locator("input[name='body-0-value']")).to_have_value(re.compile("Food first"))
        submit_for_moderation(page)
        post = BlogPage.objects.get(title="What the kitchen table taught us")
        assert post.related_convening_id == event.pk

        log_out(page)
        log_in(page, live_server, approver)
        approve(page, live_server, event.pk)
        approve(page, live_server, post.pk)
        page.goto(live_server.url + event.url)
        expect(page.locator(".event-reflections")).to_contain_text(
            "Twenty neighbours came; most stayed late."
        )
        reflection_posts = page.locator(".event-reflection-posts")
        expect(reflection_posts.get_by_role("link", name="What the kitchen table taught us")).to_be_visible()


def test_4_editor_adds_a_story_with_two_sectors_and_prints_its_card(roles, live_server, page):
    case_maker = CaseMakerPageFactory(parent=roles)
    SectorFactory(name="Education", slug="education")
    SectorFactory(name="Public health", slug="public-health")
    ScaleFactory(name="Place", slug="place")
    writer, approver = editor(), moderator()

    log_in(page, live_server, writer)
    page.goto(f"{live_server.url}/admin/pages/add/casestudies/casestudypage/{case_maker.pk}/")
    page.fill("#id_title", "The school nurse's open door")
    page.fill("#id_in_brief", "A school nurse who made time to listen, and what changed.")
    page.fill("#id_organisation", "Hillside Primary")
    page.fill("#id_place", "Barnsley")
    page.get_by_label("Education").check()
    page.get_by_label("Public health").check()
    page.get_by_label("Scale").select_option(label="Place")
    page.fill("#id_what_they_did", "Kept her door open at lunchtime for anyone who wanted to talk.")
    page.fill("#id_what_changed", "Fewer children were sent home unwell.")
    expect(page.locator("[data-checklist]")).to_contain_text("Save a draft")
    submit_for_moderation(page)
    story = CaseStudyPage.objects.get(title="The school nurse's open door")
    draft = story.get_latest_revision_as_object()
    assert sorted(draft.sectors.values_list("name", flat=True)) == ["Education", "Public health"]
    assert draft.scale.name == "Place"

    log_out(page)
    log_in(page, live_server, approver)
    approve(page, live_server, story.pk)
    page.goto(live_server.url + story.url)
    page.get_by_role("link", name="Print the case card").click()
    page.wait_for_url("**/card/")
    card = page.locator(".case-card")
    expect(card).to_contain_text("Fewer children were sent home unwell.")
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    page.emulate_media(media="print")
    expect(card).to_be_visible()
