"""schema.org JSON-LD, built one way for every content type that describes itself to search engines
(posts, stories, convenings, glossary terms, map entries): one document wrapper, one publisher, one image."""

from .chrome import site_settings
from .render_memo import social_rendition
from .site_url import site_root

SCHEMA_ORG = "https://schema.org"

EMPTY = (None, "", [], {})


def document(data):
    """`data` as a JSON-LD document: the schema.org context first, and no empty values, which
    search engines read as claims that something is blank."""
    return {"@context": SCHEMA_ORG, **{key: value for key, value in data.items() if value not in EMPTY}}


def organisation(request, **details):
    """The organisation that runs the site, as the publisher or organiser of what it describes."""
    name = site_settings().organisation_name
    return {"@type": "Organization", "name": name, **details}


def sharing_image(page, request):
    """The image shown when `page` is shared: its own, else the site's default (None without both)."""
    own = getattr(page.specific, "get_social_image", lambda: None)() if page else None
    return own or site_settings().default_social_image


def sharing_image_url(page, request):
    """The absolute URL of `sharing_image`, or None when there is none or its file is gone: the same
    image as the page's social card."""
    image = sharing_image(page, request)
    rendition = social_rendition(image) if image else None
    return site_root(request) + rendition.url if rendition else None


def article(page, request, type_name, **details):
    """A post or story as a schema.org Article (or a kind of one, such as BlogPosting)."""
    url = page.get_full_url(request)
    return document(
        {
            "@type": type_name,
            "headline": page.title,
            "url": url,
            "mainEntityOfPage": url,
            "publisher": organisation(request),
            "image": sharing_image_url(page, request),
            **details,
        }
    )
