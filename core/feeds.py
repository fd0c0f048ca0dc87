"""Newsletter-grade feeds shared by every content app.

Built on Django's syndication framework: the generators below add the elements
RSS-to-email services read (`content:encoded`, `media:content`, enclosures), and
`PageFeed` renders each item's full body with every URL made absolute. Conditional
GET (ETag and Last-Modified → 304) is handled by Django's ConditionalGetMiddleware.
"""

from urllib.parse import urljoin

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape, format_html

from bs4 import BeautifulSoup

from .chrome import site_settings
from .listings import SOCIAL_IMAGE_SPEC, attach_images
from .site_url import site_root

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
MEDIA_NS = "http://search.yahoo.com/mrss/"
URL_ATTRIBUTES = ("href", "src", "poster")


def absolutise(html, base_url):
    """Rewrite relative links and image sources in rendered HTML to absolute URLs."""
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        for attribute in URL_ATTRIBUTES:
            if tag.has_attr(attribute):
                tag[attribute] = urljoin(base_url, tag[attribute])
        if tag.has_attr("srcset"):
            candidates = [part.strip().split(" ", 1) for part in tag["srcset"].split(",") if part.strip()]
            tag["srcset"] = ", ".join(" ".join([urljoin(base_url, c[0]), *c[1:]]) for c in candidates)
    return str(soup)


def with_feed_images(pages, *fields):
    """`pages` as a list, with the images of `fields` and their feed rendition fetched in two queries."""
    return attach_images(pages, *fields, specs=[SOCIAL_IMAGE_SPEC])


class PlainTextDescriptions:
    """Escape the site's plain-text descriptions (In brief, introductions) where feeds carry HTML.

    Readers render RSS descriptions and Atom summaries as HTML, so unescaped text such as
    `<script>` typed into an In brief would run in them.
    """

    def __init__(self, *args, description, **kwargs):
        super().__init__(*args, description=escape(description), **kwargs)

    def add_item(self, *args, description, **kwargs):
        super().add_item(*args, description=escape(description) if description else description, **kwargs)


class MediaRssFeed(PlainTextDescriptions, Rss201rev2Feed):
    """RSS 2.0 with full content and a Media RSS image per item."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS, "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        if item.get("media"):
            handler.addQuickElement("media:content", None, item["media"])


class MediaAtomFeed(PlainTextDescriptions, Atom1Feed):
    """Atom 1.0 with full HTML content and a Media RSS image per entry."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        if item.get("media"):
            handler.addQuickElement("media:content", None, item["media"])


class SiteFeed(Feed):
    """What every feed of the site shares: Media RSS, links on the site's public address and a title
    naming the organisation and the section (`feed_title`), so each is told apart in a reader's list."""

    feed_type = MediaRssFeed
    feed_title = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        # Links in items go to the site's public address (SITE_URL), wherever the feed was fetched from.
        self.base_url = site_root(request) + "/"
        response = super().__call__(request, *args, **kwargs)
        # The XML writer appends thousands of small chunks, each a separate socket write under
        # gunicorn (and a separate pickled piece in the page cache); one joined body is ~10× faster.
        response.content = response.content
        return response

    def title(self):
        organisation = site_settings().organisation_name
        return f"{organisation} — {self.section_title()}"

    def section_title(self):
        """The part of the site the feed follows; an archive's feed names its archive too."""
        return self.feed_title

    def feed_url(self):
        return site_root(self.request) + self.request.path


class PageFeed(SiteFeed):
    """A feed of pages listed under `index_page`; subclasses define `items()`.

    Items are expected to have `in_brief`, a `body` StreamField and an image
    attribute named by `image_attribute` (prefetched with `with_feed_images`).
    """

    image_attribute = "listing_image"

    def __init__(self, index_page, title=None):
        super().__init__()
        self.index_page = index_page
        self.feed_title = title or self.feed_title or index_page.title

    def link(self):
        return self.index_page.get_full_url(self.request)

    def description(self):
        return getattr(self.index_page, "in_brief", "") or self.section_title()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.in_brief

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        # The page's translation key is a UUID fixed at creation: it survives renames and moves.
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_image(self, item):
        return getattr(item, self.image_attribute, None)

    def item_rendition(self, item):
        """The item's image at feed size, or None when there is none or its file is lost."""
        image = self.item_image(item)
        try:
            return image.get_rendition(SOCIAL_IMAGE_SPEC) if image else None
        except OSError:  # Wagtail's SourceImageIOError: the original is gone from media storage
            return None

    def item_image_alt(self, item):
        """What the item's image shows, for readers who cannot see it."""
        image = self.item_image(item)
        return image.default_alt_text if image else ""

    def item_lead_image_html(self, item):
        """The item's image as the first element of its content, where RSS-to-email tools look for
        the picture to head an email with: absolute address, size and alt text."""
        rendition = self.item_rendition(item)
        if rendition is None:
            return ""
        return format_html(
            '<p><img src="{}" width="{}" height="{}" alt="{}"></p>',
            urljoin(self.base_url, rendition.url),
            rendition.width,
            rendition.height,
            self.item_image_alt(item),
        )

    def item_content_html(self, item):
        """The full body, its links made absolute."""
        return absolutise(item.body.render_as_block(), self.base_url)

    def item_enclosures(self, item):
        rendition = self.item_rendition(item)
        if rendition is None:
            return []
        try:
            size = rendition.file.size
        except OSError:  # the file is gone from media storage: the item goes out without its image
            return []
        return [Enclosure(urljoin(self.base_url, rendition.url), str(size), "image/jpeg")]

    def item_extra_kwargs(self, item):
        extra = {"content_html": self.item_lead_image_html(item) + self.item_content_html(item)}
        rendition = self.item_rendition(item)
        if rendition is not None:
            extra["media"] = {
                "url": urljoin(self.base_url, rendition.url),
                "type": "image/jpeg",
                "medium": "image",
                "width": str(rendition.width),
                "height": str(rendition.height),
            }
        return extra
