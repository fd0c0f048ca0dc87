"""Every public URL the security tests sweep (hostile input, headers, cookies).

When a content area lands, add its routes and query parameters here and build its pages in
`build_public_site()`; the hostile-input and no-cookie tests then cover it automatically.
"""

from tests.base import build_site_tree
from tests.factories import StandardPageFactory
from tests.factories_casestudies import (
    CaseMakerPageFactory,
    CaseMakerSectionPageFactory,
    CaseStudyPageFactory,
    EnablerFactory,
    SectorFactory,
)

PUBLIC_ROUTES = (
    "/",
    "/about/",
    "/about/team/",
    "/search/",
    "/health/",
    "/sitemap.xml",
    "/robots.txt",
    "/.well-known/security.txt",
    "/blog/",
    "/blog/feed/",
    "/convenings/",
    "/convenings/calendar.ics",
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
    "/documents/1/report.pdf",
    "/media/original_images/missing.jpg",
    "/no-such-page/",
)

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
    "series",
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
    case_maker = CaseMakerPageFactory(parent=home)
    CaseMakerSectionPageFactory(parent=case_maker, slug="why-relationships")
    CaseStudyPageFactory(
        parent=case_maker,
        slug="the-street-lunch",
        short_code="str33t",
        sectors=[SectorFactory(slug="education")],
        enablers=[EnablerFactory(slug="time")],
    )
    return home
