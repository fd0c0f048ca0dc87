"""Every public URL the security tests sweep (hostile input, headers, cookies).

When a content area lands, add its routes and query parameters here and build its pages in
`build_public_site()`; the hostile-input and no-cookie tests then cover it automatically.
"""

import datetime

from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.base import build_site_tree
from tests.factories import PersonFactory, StandardPageFactory
from tests.factories.blog import BlogIndexPageFactory, BlogPageFactory, CategoryFactory, SeriesFactory
from tests.factories.casestudies import (
    CaseMakerPageFactory,
    CaseMakerSectionPageFactory,
    CaseStudyPageFactory,
    EnablerFactory,
    SectorFactory,
)
from tests.factories.events import EventIndexPageFactory, EventPageFactory, EventSeriesFactory
from tests.factories.glossary import GlossaryGroupFactory, GlossaryIndexPageFactory, GlossaryTermPageFactory
from tests.factories.newsletter import NewsletterIndexPageFactory, NewsletterIssuePageFactory

PUBLIC_ROUTES = (
    "/",
    "/about/",
    "/about/team/",
    "/search/",
    "/search/suggest/",
    "/health/",
    "/sitemap.xml",
    "/robots.txt",
    "/.well-known/security.txt",
    "/blog/",
    "/blog/feed/",
    "/blog/feed/atom/",
    "/blog/category/practice/",
    "/blog/category/practice/feed/",
    "/blog/tag/neighbours/",
    "/blog/author/sam-writer/",
    "/blog/2024/",
    "/blog/series/key-concepts/",
    "/blog/series/key-concepts/feed/",
    "/blog/the-first-mile/",
    "/convenings/",
    "/convenings/past/",
    "/convenings/series/book-club/",
    "/convenings/feed/",
    "/convenings/calendar.ics",
    "/convenings/kitchen-table/",
    "/convenings/kitchen-table/calendar.ics",
    "/convenings/book-club-spring/",
    "/case-maker/",
    "/case-maker/stories/",
    "/case-maker/cards/",
    "/case-maker/feed/",
    "/case-maker/feed/atom/",
    "/case-maker/why-relationships/",
    "/case-maker/the-street-lunch/",
    "/case-maker/the-street-lunch/card/",
    "/c/str33t/",
    "/glossary/",
    "/glossary/feed/",
    "/glossary/suggest/",
    "/glossary/social-plumbing/",
    "/newsletter/",
    "/newsletter/feed/",
    "/newsletter/first-issue/",
    "/documents/1/report.pdf",
    "/media/original_images/missing.jpg",
    "/no-such-page/",
)

# Public pages holding a form: they alone set a cookie, the CSRF token the form needs.
FORM_ROUTES = ("/glossary/suggest/",)

# Every query parameter any public page reads, plus junk ones.
PUBLIC_QUERY_PARAMS = (
    "q",
    "page",
    "tag",
    "topic",
    "category",
    "year",
    "month",
    "letter",
    "type",
    "sort",
    "series",
    "view",
    "from",
    "to",
    "format",
    "order",
    "utm_source",
    "preview",
    "next",
    "sector",
    "scale",
    "enabler",
    "paper",
)


def build_public_site():
    """The default site with one page of each kind the public routes above point at."""
    home = build_site_tree()
    about = StandardPageFactory(parent=home, title="About us", slug="about")
    StandardPageFactory(parent=about, title="Our team", slug="team")

    blog = BlogIndexPageFactory(parent=home)
    BlogPageFactory(
        parent=blog,
        title="The first mile",
        slug="the-first-mile",
        date=datetime.date(2024, 3, 1),
        category=CategoryFactory(name="Practice", slug="practice"),
        series=SeriesFactory(title="Key Concepts", slug="key-concepts"),
        authors=[PersonFactory(name="Sam Writer", slug="sam-writer")],
        tags=["neighbours"],
    )

    convenings = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=convenings, title="Kitchen Table", slug="kitchen-table")
    EventPageFactory(
        parent=convenings,
        title="Book Club: spring",
        slug="book-club-spring",
        start=timezone.now() - datetime.timedelta(days=30),
        series=EventSeriesFactory(name="Book Club", slug="book-club"),
    )

    case_maker = CaseMakerPageFactory(parent=home)
    CaseMakerSectionPageFactory(parent=case_maker, slug="why-relationships")
    CaseStudyPageFactory(
        parent=case_maker,
        slug="the-street-lunch",
        short_code="str33t",
        sectors=[SectorFactory(slug="education")],
        enablers=[EnablerFactory(slug="time")],
    )

    glossary = GlossaryIndexPageFactory(parent=home)
    term = GlossaryTermPageFactory(
        parent=glossary,
        title="Social plumbing",
        slug="social-plumbing",
        also_called="civic plumbing",
        group=GlossaryGroupFactory(),
    )
    SearchPromotion.objects.create(query=Query.get("plumbing"), page=term, sort_order=0)

    newsletter = NewsletterIndexPageFactory(parent=home)
    NewsletterIssuePageFactory(parent=newsletter, slug="first-issue", pages=[term])
    return home
