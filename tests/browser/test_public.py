"""What a reader sees: the phone menu never covers what has focus, the Print button stays hidden
until it can work, an in-text definition floats without reflowing its sentence; and screenshots of
the main page types at three widths for reviewers to judge the design by eye."""

import datetime

from django.conf import settings

import pytest
from playwright.sync_api import expect

from tests.factories import ImageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory
from tests.realistic_site import build_realistic_site

# The topmost element at the centre of the focused element: itself (or its child) when it is in view.
FOCUSED_IS_ON_TOP = """() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && (top === element || element.contains(top));
}"""


@pytest.fixture
def pages(site_tree):
    return dict(build_realistic_site(site_tree))


def test_phone_menu_never_covers_the_focused_search_field(browser, live_server, pages):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + pages["home"])
    page.get_by_role("button", name="Menu").click()
    search = page.locator("#site-search-input")
    for _ in range(12):  # from the Menu button, through the links, to the search field
        if page.evaluate("document.activeElement.id") == "site-search-input":
            break
        page.keyboard.press("Tab")
    expect(search).to_be_focused()
    assert page.evaluate(FOCUSED_IS_ON_TOP), "the focused search field is covered"
    search.fill("weaving")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=weaving")
    context.close()


def test_wide_screens_have_the_search_on_the_menus_line(page, live_server, pages):
    page.goto(live_server.url + pages["home"])
    menu_link = page.get_by_role("navigation", name="Main").get_by_role("link").first
    search = page.locator("#site-search-input")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    link_box, search_box = menu_link.bounding_box(), search.bounding_box()
    assert abs((link_box["y"] + link_box["height"] / 2) - (search_box["y"] + search_box["height"] / 2)) < 12


def test_print_button_is_hidden_without_javascript(browser, live_server, pages):
    for scripting in (False, True):
        context = browser.new_context(java_script_enabled=scripting)
        page = context.new_page()
        page.goto(live_server.url + pages["story card"])
        button = page.get_by_role("button", name="Print")
        if scripting:
            expect(button).to_be_visible()
        else:
            assert page.locator(".card-tools__print").is_hidden()
        context.close()


def test_definition_floats_without_reflowing_its_sentence(browser, live_server, pages):
    for width in (375, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(live_server.url + pages["standard page"])
        paragraph = page.locator("p", has=page.locator("a.glossary-term"))
        before = paragraph.bounding_box()
        page.get_by_role("button", name="Definition of Community weavers").click()
        definition = page.locator(".glossary-term__definition")
        expect(definition).to_be_visible()
        after = paragraph.bounding_box()
        assert (after["height"], after["y"]) == (before["height"], before["y"]), f"reflowed at {width}px"
        term_box = page.locator("a.glossary-term").bounding_box()
        assert definition.bounding_box()["y"] >= term_box["y"] + term_box["height"] - 1
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        context.close()


SCREENSHOTS = settings.BASE_DIR / "screenshots"
SCREENSHOT_PAGES = {
    "home": "home",
    "post": "blog post",
    "blog-index": "blog index",
    "convening": "upcoming convening",
    "story": "story",
    "glossary-term": "glossary term",
}
WIDTHS = (375, 768, 1280)


def test_screenshots_of_the_main_pages(browser, live_server, pages):
    """Saved to screenshots/<page>-<width>.png (git-ignored) for reviewers to open."""
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        for name, key in SCREENSHOT_PAGES.items():
            page.goto(live_server.url + pages[key])
            path = SCREENSHOTS / f"{name}-{width}.png"
            page.screenshot(path=path, full_page=True)
            assert path.stat().st_size > 5_000, path
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (
                f"{name} scrolls at {width}px"
            )
        context.close()


# For every card: whether it overflows, whether its title sits inside it, whether it shows a picture,
# how thick its top edge is, and how much empty room is left below its last line.
DESCRIBE_CARDS = """() => [...document.querySelectorAll('.card')].map((card) => {
    const box = card.getBoundingClientRect();
    const title = card.querySelector('.card__title').getBoundingClientRect();
    const body = card.querySelector('.card__body');
    const last = body.lastElementChild.getBoundingClientRect();
    return {
        overflows: card.scrollWidth > card.clientWidth,
        titleInside: title.left >= box.left && title.right <= box.right + 0.5,
        picture: card.querySelector('.card__image') !== null,
        edge: parseFloat(getComputedStyle(card).borderTopWidth),
        emptyBelow: Math.round(box.bottom - last.bottom),
    };
})"""


def test_cards_with_and_without_pictures_and_long_and_short_titles(browser, live_server, site_tree):
    blog = BlogIndexPageFactory(parent=site_tree)
    image = ImageFactory()
    titles = [
        "Hello",
        "What a council learned when it put relationships first in every service it runs, and what it would do again",
        "Neighbourliness-and-relationship-centred-practice-everywhere",
    ]
    for n, title in enumerate(titles * 2):
        BlogPageFactory(
            parent=blog,
            title=title,
            slug=f"card-{n}",
            listing_image=image if n % 2 else None,
            date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n),
        )
    SCREENSHOTS.mkdir(exist_ok=True)
    for width in (375, 1280):
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.goto(live_server.url + blog.url)
        cards = page.evaluate(DESCRIBE_CARDS)
        assert len(cards) == 6
        assert {card["picture"] for card in cards} == {True, False}
        for card in cards:
            assert not card["overflows"] and card["titleInside"], card
            # Without a picture the card has its coloured edge rather than a blank top, and no card
            # is padded out with blank room to match a taller neighbour.
            assert card["picture"] or card["edge"] >= 4, card
            assert card["emptyBelow"] <= 40, card
        page.screenshot(path=SCREENSHOTS / f"cards-{width}.png", full_page=True)
        context.close()
