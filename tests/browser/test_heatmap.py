"""The Relationships Heatmap in Chromium: taken alone and by three members of a group, by keyboard
only, at phone width; axe on every step, error, result and group page; the Nu checker on each."""

import re

from django.test import Client

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from heatmap.models import HeatmapGroup, HeatmapResult
from tests.browser.nu import assert_valid_html
from tests.factories.heatmap import HeatmapPageFactory, take, token_from

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
PHONE = {"width": 360, "height": 780}


@pytest.fixture
def heatmap(site_tree, settings):
    settings.HEATMAP_START_RATE = "1000/h"
    return HeatmapPageFactory(parent=site_tree, title="Relationships Heatmap", slug="heatmap")


class Checks:
    """axe and reflow on each state visited; failures collected so one run reports them all."""

    def __init__(self, page):
        self.page = page
        self.axe = Axe()
        self.failures = {}

    def __call__(self, name):
        for scheme in ("light", "dark"):
            self.page.emulate_media(color_scheme=scheme)
            violations = self.axe.run(self.page, options=AXE_OPTIONS).response["violations"]
            if violations:
                self.failures[f"{name}, {scheme}"] = [
                    f"{v['id']}: {' '.join(v['nodes'][0]['target'])}" for v in violations
                ]
        self.page.emulate_media(color_scheme="light")
        width = self.page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            self.failures[f"{name} reflow"] = [f"{width}px wide"]


def keyboard_answer_step(page, score):
    """Rate every statement on this step with the keyboard: Tab into each radio group, Space picks
    the first rating and the arrow keys move to `score`; then Tab to the continue button, Enter."""
    groups = page.locator("fieldset.hm-statement").count()
    page.locator("fieldset.hm-statement input").first.focus()
    for number in range(groups):
        page.keyboard.press("Space")
        for _ in range(score - 1):
            page.keyboard.press("ArrowRight")
        if number < groups - 1:
            page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("value", "next")
    page.keyboard.press("Enter")


def keyboard_activate(page, locator):
    """Reach a control by tabbing from the main content, then press Enter: no pointer involved."""
    page.locator("#main-content").focus()
    for _ in range(80):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            page.keyboard.press("Enter")
            return
    raise AssertionError(f"never reached {locator} with Tab")


def test_alone_then_as_a_group_by_keyboard_with_retake_and_delete(browser, live_server, heatmap):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15_000)
    check = Checks(page)

    page.goto(live_server.url + heatmap.url)
    check("heatmap page")
    page.get_by_label("A label for your own use (optional)").focus()
    page.keyboard.type("our team, March")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/hm/r/[\w-]{24}/step/1/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Step 1 of 2")
    expect(page.get_by_role("progressbar")).to_have_attribute("value", "1")
    check("step 1")

    # Continuing with nothing chosen: a clear error summary, nothing saved.
    keyboard_activate(page, page.get_by_role("button", name="Save and continue"))
    expect(page.get_by_role("alert")).to_contain_text("Your answers on this step were not saved")
    check("step 1 with errors")

    keyboard_answer_step(page, 2)
    page.wait_for_url("**/step/2/")
    check("step 2")
    # Back keeps the answers: step 1 shows them checked.
    keyboard_activate(page, page.get_by_role("button", name="Back"))
    page.wait_for_url("**/step/1/")
    expect(page.locator("input[type=radio]:checked")).to_have_count(4)
    keyboard_activate(page, page.get_by_role("button", name="Save and continue"))
    page.wait_for_url("**/step/2/")
    keyboard_answer_step(page, 4)
    page.wait_for_url(re.compile(r"/hm/r/[\w-]{24}/$"))
    first_results = page.url
    expect(page.get_by_role("heading", name="Your results: our team, March")).to_be_visible()
    expect(page.get_by_role("table", name=re.compile("Your heatmap"))).to_contain_text("Trusting")
    expect(page.get_by_role("heading", name="Areas to work on")).to_be_visible()
    expect(page.get_by_text("Protect ten minutes to catch up.")).to_be_visible()
    check("results")

    # Retake: a new link whose results show both times side by side.
    keyboard_activate(page, page.get_by_role("button", name="Retake the Heatmap"))
    page.wait_for_url("**/step/1/")
    keyboard_answer_step(page, 5)
    page.wait_for_url("**/step/2/")
    keyboard_answer_step(page, 5)
    page.wait_for_url(re.compile(r"/hm/r/[\w-]{24}/$"))
    assert page.url != first_results
    history = page.get_by_role("table", name=re.compile("Element averages side by side"))
    expect(history.locator("tbody tr").first).to_contain_text("2")
    expect(history.locator("tbody tr").first).to_contain_text("5")
    check("results with change over time")

    # Delete, with the earlier result too: both links stop working at once.
    page.get_by_label("Also delete the earlier results shown above").focus()
    page.keyboard.press("Space")
    keyboard_activate(page, page.get_by_role("button", name="Delete these answers now"))
    page.wait_for_url("**/hm/deleted/")
    expect(page.get_by_role("heading", name="Your answers have been deleted")).to_be_visible()
    check("deleted")
    assert HeatmapResult.objects.count() == 0
    page.goto(first_results)
    expect(page.get_by_role("heading", level=1)).to_contain_text("does not lead to any saved answers")
    check("unknown link")

    # A team: one creates the group, three members join by the link, each by keyboard.
    page.goto(live_server.url + heatmap.url)
    page.get_by_label("Group name (optional)").focus()
    page.keyboard.type("Front desk")
    page.keyboard.press("Enter")
    page.wait_for_url("**/hm/manage/**")
    check("manage group")
    join_url = page.locator("a[href*='/hm/g/']").get_attribute("href")
    join_path = join_url[join_url.index("/hm/g/") :]
    manage_url = page.url
    page.goto(live_server.url + join_path)
    expect(page.get_by_text("appears once at least 3 people have finished")).to_be_visible()
    check("group page before three")
    for score in (1, 3, 5):
        member = browser.new_context(viewport=PHONE).new_page()
        member.goto(live_server.url + join_path)
        member.get_by_role("button", name="Start the Heatmap").focus()
        member.keyboard.press("Enter")
        member.wait_for_url("**/step/1/")
        keyboard_answer_step(member, score)
        member.wait_for_url("**/step/2/")
        keyboard_answer_step(member, score)
        member.wait_for_url(re.compile(r"/hm/r/[\w-]{24}/$"))
        expect(member.get_by_role("link", name="See your group’s heatmap")).to_be_visible()
        member.context.close()

    page.goto(live_server.url + join_path)
    expect(page.get_by_text("3 people have finished")).to_be_visible()
    grid = page.get_by_role("table", name=re.compile("The group’s heatmap"))
    expect(grid.locator("tbody tr").first.locator("td").first).to_have_text("3")
    expect(page.get_by_role("table", name=re.compile("Each person’s average"))).to_contain_text("5")
    expect(page.get_by_role("heading", name="Where people disagree most")).to_be_visible()
    check("group page")

    # The creator closes the group; a late joiner is told so on the form.
    page.goto(manage_url)
    keyboard_activate(page, page.get_by_role("button", name="Close this round to new answers"))
    expect(page.get_by_text("This round is closed to new answers.")).to_be_visible()
    assert HeatmapGroup.objects.get().is_closed
    page.goto(live_server.url + join_path)
    expect(page.get_by_role("button", name="Start the Heatmap")).to_have_count(0)
    check("closed group page")
    context.close()
    assert check.failures == {}


def test_works_without_javascript_and_prints_the_table(browser, live_server, heatmap):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + heatmap.url)
    page.get_by_role("button", name="Start the Heatmap").click()
    for _ in range(2):
        for fieldset in page.locator("fieldset.hm-statement").all():
            fieldset.get_by_label("4: Mostly").check()
        page.locator("button[value=next]").click()
    page.wait_for_url(re.compile(r"/hm/r/[\w-]{24}/$"))
    expect(page.get_by_role("table", name=re.compile("Your heatmap"))).to_contain_text("4")
    page.emulate_media(media="print")
    expect(page.locator(".hm-svg").first).to_be_hidden()
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Delete these answers now")).to_be_hidden()
    expect(page.locator(".hm-table").first).to_be_visible()
    context.close()


def served_pages(heatmap):
    """The HTML of every Heatmap state as the server sends it."""
    client = Client()
    pages = {"heatmap page": client.get(heatmap.url)}
    token = token_from(client.post(f"/hm/start/{heatmap.pk}/", {"label": "Nu"}))
    pages["step 1"] = client.get(f"/hm/r/{token}/step/1/")
    pages["step 1 with errors"] = client.post(f"/hm/r/{token}/step/1/", {"version": "1", "move": "next"})
    pages["start with errors"] = client.post(f"/hm/start/{heatmap.pk}/", {"label": "x" * 100})
    take(client, token, 3)
    pages["results"] = client.get(f"/hm/r/{token}/")
    retake = token_from(client.post(f"/hm/r/{token}/retake/"))
    take(client, retake, 4)
    pages["results with history"] = client.get(f"/hm/r/{retake}/")
    manage = client.post(f"/hm/groups/new/{heatmap.pk}/", {"group-name": "Team"})
    group = HeatmapGroup.objects.get()
    pages["manage"] = client.get(manage["Location"])
    pages["group below three"] = client.get(f"/hm/g/{group.join_token}/")
    for score in (1, 3, 5):
        take(client, token_from(client.post(f"/hm/g/{group.join_token}/join/", {})), score)
    pages["group page"] = client.get(f"/hm/g/{group.join_token}/")
    client.post(manage["Location"], {"action": "close"})
    pages["closed group join"] = client.post(f"/hm/g/{group.join_token}/join/", {})
    pages["unknown link"] = client.get("/hm/r/" + "x" * 24 + "/")
    client.post(f"/hm/r/{retake}/delete/")
    pages["deleted"] = client.get("/hm/deleted/")
    return {name: response.content for name, response in pages.items()}


def test_every_heatmap_state_is_valid_html(heatmap, tmp_path, settings):
    assert_valid_html(served_pages(heatmap), tmp_path)
