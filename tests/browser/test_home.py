"""A reader on a phone uses the menu; an editor logs into the admin."""

from django.contrib.auth import get_user_model

from core.models import MainMenuItem, SiteSettings
from tests.factories import StandardPageFactory


def test_mobile_menu_link_and_admin_login(site_tree, live_server, page):
    about = StandardPageFactory(parent=site_tree, slug="about", title="About us")
    MainMenuItem.objects.create(settings=SiteSettings.load(), link_text="About", link_page=about)
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-strong-password")

    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(live_server.url + "/")
    toggle = page.get_by_role("button", name="Menu")
    menu_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="About")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menu_link.is_visible()

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    menu_link.click()
    page.wait_for_url("**/about/")
    assert page.get_by_role("heading", level=1).inner_text() == "About us"

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-strong-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    assert "Dashboard" in page.title()
