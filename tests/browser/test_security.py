"""The enforced Content-Security-Policy breaks nothing: public pages, the page editor and live preview."""

import logging

from django.contrib.auth import get_user_model

from wagtail.rich_text import RichText

from tests.factories import StandardPageFactory

CSP_MARKERS = ("Content Security Policy", "Content-Security-Policy")


def csp_console_errors(page):
    """Start collecting CSP violations from the console of the page and every frame in it."""
    errors = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text) if any(marker in message.text for marker in CSP_MARKERS) else None
        ),
    )
    return errors


def test_public_page_editor_and_live_preview_run_without_csp_violations(site_tree, live_server, page, caplog):
    caplog.set_level(logging.WARNING, logger="csp.reports")
    about = StandardPageFactory(
        parent=site_tree,
        slug="about",
        title="About us",
        body=[
            ("heading", {"text": "Why relationships", "level": "h2"}),
            ("paragraph", RichText("<p>Relationships are the <b>first</b> mile.</p>")),
            (
                "quote",
                {"text": "Everything works better when relationships work well.", "attribution": "TRP"},
            ),
        ],
    )
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-strong-password")
    errors = csp_console_errors(page)

    page.goto(live_server.url + "/about/")
    assert page.get_by_role("heading", level=1).inner_text() == "About us"
    page.get_by_role("button", name="Menu").count()

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a-strong-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")

    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("About the project")
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.get_by_role("heading", level=1, name="About the project").wait_for()
    assert preview.get_by_role("heading", level=2, name="Why relationships").is_visible()

    page.goto(live_server.url + "/about/")
    page.locator("wagtail-userbar").wait_for(state="attached")
    page.wait_for_load_state("networkidle")

    assert errors == [], "\n".join(errors)
    assert [record.getMessage() for record in caplog.records if record.name == "csp.reports"] == []
