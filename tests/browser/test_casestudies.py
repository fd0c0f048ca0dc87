"""A reader narrows the stories by two facets, reads one, and opens its printable card."""

from axe_playwright_python.sync_playwright import Axe

from casestudies.models import CaseStudyPage
from tests.factories.casestudies import (
    CaseMakerPageFactory,
    CaseStudyPageFactory,
    EnablerFactory,
    ScaleFactory,
    SectorFactory,
)


def assert_accessible(page):
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_filter_by_two_facets_open_a_story_and_its_card(site_tree, live_server, page):
    case_maker = CaseMakerPageFactory(parent=site_tree)
    education = SectorFactory(name="Education", slug="education")
    health = SectorFactory(name="Public health", slug="public-health")
    time = EnablerFactory(name="Time", slug="time")
    continuity = EnablerFactory(name="Continuity", slug="continuity")
    CaseStudyPageFactory(
        parent=case_maker,
        slug="breakfast-club",
        title="The breakfast club",
        sectors=[education],
        enablers=[time],
        scale=ScaleFactory(name="Team", slug="team"),
        what_they_did="Opened the hall at eight.",
    )
    CaseStudyPageFactory(parent=case_maker, slug="school-nurse", sectors=[education], enablers=[continuity])
    CaseStudyPageFactory(parent=case_maker, slug="coffee-morning", sectors=[health], enablers=[time])

    page.goto(live_server.url + "/case-maker/stories/")
    assert page.locator(".card__title").count() == 3
    assert_accessible(page)
    page.get_by_label("Education").check()
    page.get_by_label("Time").check()
    page.get_by_role("button", name="Show stories").click()
    page.wait_for_url("**/case-maker/stories/?sector=education&enabler=time")
    assert page.locator(".card__title").all_inner_texts() == ["The breakfast club"]
    assert page.get_by_role("heading", name="1 story").is_visible()
    assert page.get_by_label("Education").is_checked()

    page.get_by_role("link", name="The breakfast club").click()
    page.wait_for_url("**/case-maker/breakfast-club/")
    assert page.get_by_role("heading", level=1).inner_text() == "The breakfast club"
    assert (
        page.get_by_role("link", name="Team", exact=True).get_attribute("href")
        == "/case-maker/stories/?scale=team"
    )
    assert_accessible(page)

    page.get_by_role("link", name="Print the case card").click()
    page.wait_for_url("**/case-maker/breakfast-club/card/")
    card = page.locator(".case-card")
    assert "Opened the hall at eight." in card.inner_text()
    assert page.locator(".case-card__qr svg").is_visible()
    assert page.get_by_role("button", name="Print").is_visible()  # revealed by the script
    assert_accessible(page)

    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.locator(".card-tools").is_hidden()
    assert card.is_visible()
    page.emulate_media(media="screen")

    code = CaseStudyPage.objects.get(slug="breakfast-club").short_code
    short_link = card.get_by_role("link", name=f"/c/{code}/")
    short_link.click()
    page.wait_for_url("**/case-maker/breakfast-club/")
