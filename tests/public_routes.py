"""Every public URL the security tests sweep (hostile input, headers, cookies).

When a content area lands, add its routes and query parameters here and build its pages in
`build_public_site()`; the hostile-input and no-cookie tests then cover it automatically.
"""

from tests.base import build_site_tree
from tests.factories import StandardPageFactory

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
)


def build_public_site():
    """The default site with one page of each kind the public routes above point at."""
    home = build_site_tree()
    about = StandardPageFactory(parent=home, title="About us", slug="about")
    StandardPageFactory(parent=about, title="Our team", slug="team")
    return home
