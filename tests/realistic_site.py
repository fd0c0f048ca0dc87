"""One realistic site with every page template and state, for the accessibility and HTML checks.

`build_realistic_site(home)` fills the tree under `home` through each app's factories and returns
`PAGES`-style pairs of (name, path) covering listings empty, filtered and paginated, past and
upcoming convenings, search with and without results, the 404 page and a form with errors.
"""

import datetime

from django.core.cache import cache
from django.utils import timezone

from wagtail.rich_text import RichText

from core.models import FooterLink, MainMenuItem, SiteSettings
from editorial.models import ShareLink
from glossary.models import GlossaryGroup
from tests.factories import ImageFactory, PersonFactory, StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory, SeriesFactory
from tests.factories.casestudies import (
    CaseMakerPageFactory,
    CaseMakerSectionPageFactory,
    CaseStudyPageFactory,
    EnablerFactory,
    SectorFactory,
)
from tests.factories.events import (
    EventIndexPageFactory,
    EventPageFactory,
    EventPageSpeakerFactory,
    EventSeriesFactory,
)
from tests.factories.glossary import GlossaryIndexPageFactory, GlossaryTermPageFactory
from tests.factories.newsletter import NewsletterIndexPageFactory, NewsletterIssuePageFactory

# Where the glossary suggestion form is posted empty, to render its errors.
SUGGESTION_FORM = "/glossary/suggest/"


def build_realistic_site(home):
    """Content from every app under `home`; returns [(name, path), ...] for every template and state."""
    cache.clear()  # the glossary's rate limit and cached fragments
    photo = ImageFactory(title="A street lunch on a summer afternoon")
    home.hero_image = photo
    home.save_revision().publish()

    glossary = GlossaryIndexPageFactory(parent=home, introduction="Words we use, and what we mean by them.")
    group, _ = GlossaryGroup.objects.get_or_create(
        slug="types-of-relationships", defaults={"name": "Types of relationships"}
    )
    weavers = GlossaryTermPageFactory(
        parent=glossary,
        title="Community weavers",
        slug="community-weavers",
        short_definition="Local connectors who knit people together.",
        group=group,
    )
    GlossaryTermPageFactory(parent=glossary, title="Social plumbing", short_definition="Small structures.")

    StandardPageFactory(
        parent=home,
        title="About us",
        slug="about",
        in_brief="Who we are.",
        body=[
            ("heading", {"text": "What we do", "level": "h2"}),
            (
                "paragraph",
                RichText(
                    f'<p>We support <a linktype="glossary" id="{weavers.pk}">community weavers</a> '
                    "in every town, and <b>gather</b> the evidence.</p>"
                ),
            ),
            (
                "quote",
                {"text": "Relationships are the first mile.", "attribution": "A neighbour", "role": ""},
            ),
            ("image", {"image": {"image": photo, "decorative": False, "alt_text": "Tables along a street"}}),
        ],
    )

    blog = BlogIndexPageFactory(parent=home)
    category = CategoryFactory(name="Practice", slug="practice")
    series = SeriesFactory(title="Kitchen table", slug="kitchen-table")
    author = PersonFactory(name="Helen Simmons", slug="helen-simmons", photo=photo)
    posts = [
        BlogPageFactory(
            parent=blog,
            category=category,
            authors=[author],
            tags=["weaving"],
            date=datetime.date(2024, 3, 1) + datetime.timedelta(days=n),
            listing_image=photo if n % 3 == 0 else None,
            series=series if n < 2 else None,
            series_position=n + 1 if n < 2 else None,
        )
        for n in range(12)
    ]
    posts[0].hero_image = photo
    posts[0].hero_alt = "Neighbours sharing food at long tables"
    posts[0].save_revision().publish()

    convenings = EventIndexPageFactory(parent=home)
    event_series = EventSeriesFactory(name="Kitchen Table Conversations", slug="kitchen-table")
    upcoming = EventPageFactory(parent=convenings, slug="upcoming-convening", series=event_series)
    EventPageSpeakerFactory(page=upcoming, person=author)
    upcoming.save_revision().publish()
    past = EventPageFactory(
        parent=convenings,
        slug="past-convening",
        series=event_series,
        start=timezone.now() - datetime.timedelta(days=40),
        recording_url="https://video.example/recording",
    )
    EventPageFactory(
        parent=convenings, slug="older-convening", start=timezone.now() - datetime.timedelta(days=400)
    )

    case_maker = CaseMakerPageFactory(parent=home)
    section = CaseMakerSectionPageFactory(parent=case_maker, slug="why-relationships")
    education = SectorFactory(name="Education", slug="education")
    time = EnablerFactory(name="Time", slug="time")
    story = CaseStudyPageFactory(
        parent=case_maker,
        slug="the-street-lunch",
        title="The street lunch",
        sectors=[education],
        enablers=[time],
        listing_image=photo,
    )
    CaseStudyPageFactory(parent=case_maker, slug="school-nurse", sectors=[education])
    past_year = past.start.year

    navigation = SiteSettings.load()
    for order, section_page in enumerate([blog, convenings, case_maker, glossary]):
        MainMenuItem.objects.create(
            settings=navigation, link_text=section_page.title, link_page=section_page, sort_order=order
        )
    FooterLink.objects.create(
        settings=navigation, link_text="About us", link_url="https://example.org/about/"
    )

    newsletter = NewsletterIndexPageFactory(parent=home)
    issue = NewsletterIssuePageFactory(parent=newsletter, pages=[posts[0], upcoming, story])
    shared = ShareLink.objects.create(page=posts[0])

    return [
        ("home", "/"),
        ("standard page", "/about/"),
        ("blog index", blog.url),
        ("blog page 2", blog.url + "?page=2"),
        ("blog category", f"{blog.url}category/practice/"),
        ("blog tag", f"{blog.url}tag/weaving/"),
        ("blog author", f"{blog.url}author/helen-simmons/"),
        ("blog year", f"{blog.url}2024/"),
        ("blog series", f"{blog.url}series/kitchen-table/"),
        ("blog post", posts[0].url),
        ("convenings upcoming", convenings.url),
        ("convenings past filtered", f"{convenings.url}past/?year={past_year}&series=kitchen-table"),
        ("convening series", f"{convenings.url}series/kitchen-table/"),
        ("past convening", past.url),
        ("upcoming convening", upcoming.url),
        ("case maker", case_maker.url),
        ("case maker section", section.url),
        ("stories", f"{case_maker.url}stories/"),
        ("stories filtered", f"{case_maker.url}stories/?sector=education&enabler=time"),
        ("stories empty", f"{case_maker.url}stories/?sector=education&scale=system"),
        ("story", story.url),
        ("story card", f"{story.url}card/"),
        ("all cards", f"{case_maker.url}cards/"),
        ("glossary", glossary.url),
        ("glossary filtered", f"{glossary.url}?q=weav"),
        ("glossary a-z", f"{glossary.url}?view=a-z"),
        ("glossary term", weavers.url),
        ("newsletter archive", newsletter.url),
        ("newsletter issue", issue.url),
        ("shared draft", shared.get_absolute_url()),
        ("search with results", "/search/?q=weaving"),
        ("search without results", "/search/?q=zzzxqv"),
        ("search empty query", "/search/"),
        ("not found", "/no-such-page/"),
    ]
