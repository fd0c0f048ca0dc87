"""Editors' admin flows in Chromium: the guide, share-draft, approvals, the autosave race and the newsletter.

With GUIDE_SCREENSHOTS=1 (`make guide`) these flows also retake the editor guide's screenshots.
"""

import os
import re
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from wagtail.models import Page

import pytest
from playwright.sync_api import expect

from blog.models import BlogPage
from core.roles import apply_roles
from newsletter.email import email_html
from newsletter.models import NewsletterIssuePage
from tests.factories import ImageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.factories.editors import PASSWORD, editor, moderator
from tests.factories.newsletter import NewsletterIndexPageFactory

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "guide"
RACE_ROUNDS = 20


def guide_screenshot(locator, name):
    """Retake one of the guide's pictures from the flow the test has just driven."""
    if os.environ.get("GUIDE_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(exist_ok=True)
        locator.screenshot(path=SCREENSHOTS / f"{name}.png", animations="disabled")


@pytest.fixture
def roles(site_tree):
    apply_roles(apps)
    return site_tree


def log_in(page, live_server, user):
    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_the_help_menu_opens_the_guide_and_edit_screens_link_to_their_section(roles, live_server, page):
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=roles), title="A post")
    log_in(page, live_server, editor())
    page.locator("#wagtail-sidebar").get_by_role("button", name=re.compile(r"^Help")).click()
    page.get_by_role("link", name="Editor guide", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Editor guide")
    expect(page.locator("#share-a-draft")).to_be_visible()
    page.goto(f"{live_server.url}/admin/pages/{post.pk}/edit/")
    link = page.get_by_role("link", name="Editor guide: how to edit this blog post")
    assert link.get_attribute("href") == "/admin/help/#write-a-blog-post"
    guide_screenshot(page.locator("[data-checklist]"), "checklist")


def test_share_draft_screen_copies_the_link_and_the_reader_sees_a_marked_draft(roles, live_server, page):
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=roles), title="Published words", slug="shared")
    post.title = "Words still in draft"
    post.save_revision()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    log_in(page, live_server, editor())
    page.goto(f"{live_server.url}/admin/pages/{post.pk}/share/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Share a draft of “Words still in draft”")
    page.get_by_label("Shared with").fill("Jo, the story's subject")
    page.get_by_role("button", name="Create a share link").click()
    field = page.get_by_label("The new share link")
    url = field.input_value()
    assert url.startswith(live_server.url + "/share/")
    page.get_by_role("button", name="Copy").first.click()
    expect(page.get_by_text("Copied to the clipboard.")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == url
    expect(page.get_by_role("cell", name="Jo, the story's subject", exact=True)).to_be_visible()
    guide_screenshot(page.locator("main"), "share-draft")

    reader = page.context.browser.new_context().new_page()
    response = reader.goto(url)
    assert "no-store" in response.headers["cache-control"]
    expect(reader.get_by_role("note", name="Draft")).to_contain_text("Draft — not published")
    expect(reader.get_by_role("heading", level=1)).to_have_text("Words still in draft")
    reader.context.close()


def test_a_moderator_approves_from_the_dashboard_after_a_confirmation(roles, live_server, page):
    author = editor()
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=roles), title="Kitchen tables", live=False)
    post.save_revision(user=author)
    post.get_workflow().start(post, author)
    log_in(page, live_server, moderator())
    item = page.locator(f"[data-awaiting='{post.pk}']")
    guide_screenshot(page.locator("#welcome, .w-panel--dashboard").first, "approve")
    item.get_by_role("link", name="Approve “Kitchen tables”").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Approve “Kitchen tables”?")
    assert not BlogPage.objects.get(pk=post.pk).live
    page.get_by_role("button", name="Publish now").click()
    expect(page.locator(".messages")).to_contain_text("“Kitchen tables” was approved and is now live.")
    assert BlogPage.objects.get(pk=post.pk).live


def test_publish_wins_over_an_autosave_still_in_flight(roles, live_server, page):
    """Edit, let an autosave start, click Publish while it is in flight: twenty times, Publish always wins."""
    post = BlogPageFactory(parent=BlogIndexPageFactory(parent=roles), title="Round 0", slug="race")
    log_in(page, live_server, moderator())
    edit_url = f"{live_server.url}/admin/pages/{post.pk}/edit/"

    reader = page.context.browser.new_context().new_page()
    for round_number in range(1, RACE_ROUNDS + 1):
        Page.objects.get(pk=post.pk).specific.unpublish()  # each round publishes a draft, as when it failed
        page.goto(edit_url)
        page.wait_for_timeout(2_500)  # Wagtail notes the form's initial state 2 s after loading it
        with page.expect_request(
            lambda request: (
                request.method == "POST" and "application/json" in (request.headers.get("accept") or "")
            ),
            timeout=30_000,
        ):
            page.locator("#id_title").fill(f"Round {round_number}")
        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Publish", exact=True).click()
        expect(page.locator(".messages")).to_contain_text("published")
        page.wait_for_timeout(500)  # let the autosave land
        reader.goto(f"{live_server.url}/blog/race/")
        expect(reader.get_by_role("heading", level=1)).to_have_text(f"Round {round_number}")
        latest = Page.objects.get(pk=post.pk)
        assert latest.live and latest.title == f"Round {round_number}"
        assert not latest.has_unpublished_changes, f"round {round_number} left a newer draft"
    reader.context.close()


def test_an_editor_builds_a_newsletter_issue_that_fits_600_pixels(roles, live_server, page):
    index = BlogIndexPageFactory(parent=roles)
    picture = ImageFactory(title="Chairs", description="Twelve chairs in a circle")
    for number in range(3):
        BlogPageFactory(parent=index, title=f"Post number {number}", listing_image=picture)
    BlogPage.objects.update(first_published_at=timezone.now())
    NewsletterIndexPageFactory(parent=roles)
    log_in(page, live_server, editor())
    page.get_by_role("button", name="Newsletter").click()
    page.get_by_role("link", name="Start an issue").click()
    boxes = page.get_by_role("checkbox")
    expect(boxes).to_have_count(3)
    page.get_by_label(re.compile("Post number 1")).uncheck()
    page.get_by_role("button", name="Start the issue").click()
    expect(page.locator(".messages")).to_contain_text("started as a draft")
    issue = NewsletterIssuePage.objects.get()
    assert [item.page.title for item in issue.items.all()] == ["Post number 0", "Post number 2"]
    expect(page.locator("#newsletter-html")).to_contain_text("Post number 2")

    mail = page.context.browser.new_context(viewport={"width": 600, "height": 900}).new_page()
    mail.set_content(email_html(issue), wait_until="load")
    sizes = mail.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert sizes[0] <= sizes[1] == 600, f"the email scrolls sideways at 600 px: {sizes}"
    assert mail.locator("img").evaluate_all("images => images.every(image => image.complete && image.alt)")
    mail.context.close()
