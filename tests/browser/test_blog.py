"""An editor writes a post in the Wagtail admin; readers find it on /blog/ and in the feed."""

from django.contrib.auth import get_user_model

import feedparser

from tests.browser.admin_forms import settle_autosave
from tests.factories import ImageFactory, PersonFactory
from tests.factories.blog import BlogIndexPageFactory, CategoryFactory


def choose_in_modal(page, scope, button_name, item_name):
    scope.get_by_role("button", name=button_name).first.click()
    modal = page.locator(".modal-content")
    modal.get_by_role("link", name=item_name).click()
    modal.wait_for(state="hidden")


def test_editor_publishes_a_post_that_reaches_the_blog_and_the_feed(site_tree, live_server, page):
    index = BlogIndexPageFactory(parent=site_tree)
    PersonFactory(name="Iona Lawrence")
    CategoryFactory(name="Reflections")
    ImageFactory(title="Circles on warm paper")
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-strong-password")

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-strong-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    page.goto(f"{live_server.url}/admin/pages/add/blog/blogpage/{index.pk}/")
    page.locator("#id_title").fill("Notes from Birmingham")
    page.get_by_role("textbox", name="In brief").fill(
        "120 practitioners explored the permissions that help us put relationships first."
    )
    choose_in_modal(page, page, "Choose person", "Iona Lawrence")
    choose_in_modal(page, page, "Choose category", "Reflections")

    body = page.locator("#panel-child-content-body-section")
    body.get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name="Paragraph").click()
    body.locator("[contenteditable=true]").fill("Many people stayed long after the official end.")
    body.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Image").click()
    choose_in_modal(page, body, "Choose an image", "Circles on warm paper")
    body.get_by_label("Alt text").fill("Hand-drawn circles overlapping")
    choose_in_modal(
        page, page, "Choose an image", "Circles on warm paper"
    )  # the hero image, first on the form

    settle_autosave(page)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    message = page.locator(".messages").inner_text()
    assert "Notes from Birmingham" in message and "published" in message

    page.goto(live_server.url + "/blog/")
    card = page.locator(".blog-posts .card", has_text="Notes from Birmingham")
    assert "Iona Lawrence" in card.inner_text()
    card.get_by_role("link", name="Notes from Birmingham").click()
    page.wait_for_url("**/blog/notes-from-birmingham/")
    assert page.get_by_role("heading", level=1).inner_text() == "Notes from Birmingham"
    assert page.get_by_role("img", name="Hand-drawn circles overlapping").is_visible()

    feed = feedparser.parse(page.request.get(live_server.url + "/blog/feed/").body())
    assert not feed.bozo
    [entry] = feed.entries
    assert entry.title == "Notes from Birmingham"
    assert entry.author == "Iona Lawrence"
    assert "Many people stayed long after the official end." in entry.content[0].value
    assert entry.media_content[0]["url"].startswith(live_server.url + "/media/images/")
