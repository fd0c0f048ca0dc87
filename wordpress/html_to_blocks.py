"""Turn a WordPress post body (classic editor or Gutenberg) into the site's StreamField blocks.

Text, headings, lists and links become rich text through Wagtail's own editor conversion, which
keeps only the features the site's editor offers: scripts, event handlers, `javascript:` links and
unknown elements never survive it. Images, quotes, embeds and tables become their own blocks.
"""

import re
import secrets
from collections import Counter
from dataclasses import dataclass, field

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from bs4 import BeautifulSoup, NavigableString, Tag

from core.blocks import RICH_TEXT_FEATURES

GUTENBERG_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
# [name attrs] … [/name]; names start with a letter, so footnote marks like [1] are left alone.
SHORTCODE = re.compile(r"\[(/?)([A-Za-z][\w-]*)((?:\s[^\]]*)?)/?\]")
CAPTION = re.compile(r"\[(caption|wp_caption)([^\]]*)\](.*?)\[/\1\]", re.DOTALL | re.IGNORECASE)
EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.DOTALL | re.IGNORECASE)
BLOCK_START = re.compile(r"^\s*<(p|h[1-6]|ul|ol|blockquote|figure|table|div|pre|hr|iframe)\b", re.IGNORECASE)
VIDEO_URL = re.compile(
    r"^https?://(www\.|m\.)?(youtube\.com/watch\?\S+|youtu\.be/\S+|vimeo\.com/\d+\S*)$", re.IGNORECASE
)
IFRAME_VIDEO = re.compile(
    r"^(?:https?:)?//(?:www\.)?(?:youtube(?:-nocookie)?\.com/embed/([\w-]+)|player\.vimeo\.com/video/(\d+))"
)
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
ATTACHMENT_ID = re.compile(r"attachment_(\d+)")
INLINE = {
    "a",
    "abbr",
    "b",
    "br",
    "cite",
    "code",
    "em",
    "i",
    "img",
    "mark",
    "q",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "u",
}
HEADING_LEVELS = {"h1": "h2", "h5": "h4", "h6": "h4"}
# Elements whose content is never shown as text.
DROPPED = {"script", "style", "noscript", "template", "object", "embed", "form", "input", "button", "svg"}
CONVERTER = ContentstateConverter(RICH_TEXT_FEATURES)


@dataclass
class BodyNotes:
    """What converting one body left out or could not resolve, for the import report."""

    shortcodes: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    missing_images: list = field(default_factory=list)
    unresolved_links: list = field(default_factory=list)
    pending_links: int = 0


def rich_text(html):
    """`html` as Wagtail stores rich text, keeping only what the site's editor allows."""
    return CONVERTER.to_database_format(CONVERTER.from_database_format(html))


def plain_text(html):
    return " ".join(BeautifulSoup(html or "", "html.parser").get_text(" ").split())


def first_paragraph_text(html):
    soup = BeautifulSoup(prepare(html or "", BodyNotes()), "html.parser")
    for paragraph in soup.find_all("p"):
        text = " ".join(paragraph.get_text(" ").split())
        if text:
            return text
    return plain_text(html)


def prepare(html, notes):
    """Gutenberg comments stripped, known shortcodes made HTML, others removed and counted, and
    classic-editor text (paragraphs as blank lines) given its paragraphs."""
    gutenberg = "<!-- wp:" in html
    html = GUTENBERG_COMMENT.sub("", html)
    html = CAPTION.sub(caption_to_figure, html)
    html = EMBED.sub(lambda match: embed_figure(match.group(1).strip()), html)

    def remove(match):
        if not match.group(1):
            notes.shortcodes[match.group(2).lower()] += 1
        return ""

    html = SHORTCODE.sub(remove, html)
    return html if gutenberg else autop(html)


def caption_to_figure(match):
    attributes, inner = match.group(2), match.group(3)
    found = ATTACHMENT_ID.search(attributes)
    soup = BeautifulSoup(inner, "html.parser")
    image = soup.find("img")
    if image is None:
        return inner
    if found and not WP_IMAGE_CLASS.search(" ".join(image.get("class", []))):
        image["class"] = [*image.get("class", []), f"wp-image-{found.group(1)}"]
    (image.find_parent("a") or image).extract()
    caption = " ".join(soup.get_text(" ").split())
    return f"<figure>{image}<figcaption>{escape_text(caption)}</figcaption></figure>"


def escape_text(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def embed_figure(url):
    return f'<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">{escape_text(url)}</div></figure>'


def autop(html):
    """WordPress's `wpautop` in brief: blank lines separate paragraphs, a video address alone on
    its line is an embed."""
    chunks = []
    for chunk in re.split(r"\n\s*\n", html.replace("\r\n", "\n")):
        chunk = chunk.strip()
        if not chunk:
            continue
        if VIDEO_URL.match(chunk):
            chunks.append(embed_figure(chunk))
        elif BLOCK_START.match(chunk):
            chunks.append(chunk)
        else:
            chunks.append("<p>" + chunk.replace("\n", "<br>") + "</p>")
    return "\n".join(chunks)


class BodyConverter:
    """Converts bodies for one import; `links` resolves the old site's images, uploads and pages.

    `links` provides `image(attachment_id, url)` → (image or None, alt text, caption) and
    `href(url)` → a dict of rich-text link attributes, `None` for an address outside the old
    site, or `"pending"` for a post or page not imported yet.
    """

    def __init__(self, links):
        self.links = links
        # Page and document links go through the editor conversion as plain addresses under a
        # token no body can guess: it would otherwise look each linked page up, several queries a link.
        self.placeholder = f"/__wordpress-{secrets.token_hex(8)}__/"
        self.internal_links = re.compile(rf'<a href="{re.escape(self.placeholder)}(page|document)/(\d+)/">')

    def convert(self, html):
        """(raw StreamField data, notes) for a WordPress body."""
        notes = BodyNotes()
        self.soup = BeautifulSoup(prepare(html or "", notes), "html.parser")
        self.blocks, self.buffer, self.notes = [], [], notes
        self.visit_all(self.soup)
        self.flush()
        return self.blocks, notes

    def visit_all(self, parent):
        """Visit `parent`'s children, gathering loose text and inline elements into paragraphs."""
        loose = self.soup.new_tag("p")
        for node in list(parent.contents):
            if type(node) is NavigableString or (isinstance(node, Tag) and node.name.lower() in INLINE):
                loose.append(node.extract())
                continue
            if loose.contents:
                self.text(loose)
                loose = self.soup.new_tag("p")
            self.visit(node)
        if loose.contents:
            self.text(loose)

    def visit(self, node):
        if not isinstance(node, Tag):
            return  # comments, processing instructions, doctypes
        name = node.name.lower()
        if name in DROPPED:
            self.notes.removed[name] += 1
        elif name == "iframe":
            self.iframe(node)
        elif name == "table":
            self.table(node)
        elif name == "blockquote":
            self.quote(node)
        elif name == "figure":
            self.figure(node)
        elif name == "img":
            self.image(node, caption="")
        elif name in ("div", "section", "article", "center"):
            self.visit_all(node)
        else:
            self.text(node)

    def text(self, node):
        """Rich text, with any images inside it lifted out into image blocks after it."""
        images = [image.extract() for image in node.find_all("img")]
        for element in node.find_all(DROPPED):
            self.notes.removed[element.name] += 1
            element.decompose()
        for iframe in node.find_all("iframe"):
            self.iframe(iframe.extract())
        if node.name in HEADING_LEVELS:
            node.name = HEADING_LEVELS[node.name]
        self.rewrite_links(node)
        if node.get_text(strip=True):
            self.buffer.append(str(node))
        for image in images:
            self.image(image, caption="")

    def rewrite_links(self, node):
        for anchor in node.find_all("a"):
            href = (anchor.get("href") or "").strip()
            resolved = self.links.href(href) if href else None
            if resolved == "pending":
                self.notes.pending_links += 1
            elif resolved == "unresolved":
                self.notes.unresolved_links.append(href)
            elif isinstance(resolved, dict) and "linktype" in resolved:
                anchor.attrs = {"href": f"{self.placeholder}{resolved['linktype']}/{resolved['id']}/"}
            elif isinstance(resolved, dict):
                anchor.attrs = resolved

    def flush(self):
        if self.buffer:
            html = self.internal_links.sub(r'<a linktype="\1" id="\2">', rich_text("".join(self.buffer)))
            if html.strip():
                self.blocks.append({"type": "paragraph", "value": html})
            self.buffer = []

    def add(self, block_type, value):
        self.flush()
        self.blocks.append({"type": block_type, "value": value})

    def image(self, node, caption):
        found = WP_IMAGE_CLASS.search(" ".join(node.get("class", [])))
        src = node.get("src", "")
        image, alt, attachment_caption = self.links.image(int(found.group(1)) if found else None, src)
        if image is None:
            self.notes.missing_images.append(src or "an image without an address")
            return
        alt = (node.get("alt") or "").strip() or alt
        self.add(
            "image",
            {
                "image": {"image": image.pk, "alt_text": alt, "decorative": not alt},
                "caption": (caption or attachment_caption)[:250],
                "credit": "",
            },
        )

    def figure(self, node):
        wrapper = node.find(class_="wp-block-embed__wrapper")
        if wrapper is not None or "wp-block-embed" in node.get("class", []):
            url = (wrapper or node).get_text(strip=True)
            if VIDEO_URL.match(url) or url.startswith("https://"):
                self.add("embed", url)
            return
        table = node.find("table")
        if table is not None:
            self.table(table, caption=figcaption_text(node))
            return
        image = node.find("img")
        if image is not None:
            self.image(image, caption=figcaption_text(node))
            return
        self.visit_all(node)

    def iframe(self, node):
        """Only recognised video players become embeds; any other frame is dropped and counted."""
        found = IFRAME_VIDEO.match(node.get("src", ""))
        if found is None:
            self.notes.removed["iframe"] += 1
            return
        youtube, vimeo = found.groups()
        self.add(
            "embed", f"https://www.youtube.com/watch?v={youtube}" if youtube else f"https://vimeo.com/{vimeo}"
        )

    def quote(self, node):
        cite = node.find("cite")
        attribution = " ".join(cite.get_text(" ").split()) if cite else ""
        if cite:
            cite.extract()
        paragraphs = [" ".join(p.get_text(" ").split()) for p in node.find_all("p")]
        text = "\n\n".join(p for p in paragraphs if p) or " ".join(node.get_text(" ").split())
        if text:
            self.add("quote", {"text": text, "attribution": attribution[:200], "role": ""})

    def table(self, node, caption=""):
        rows = [
            [" ".join(cell.get_text(" ").split()) for cell in row.find_all(["th", "td"])]
            for row in node.find_all("tr")
        ]
        rows = [row for row in rows if row]
        if not rows:
            return
        width = max(len(row) for row in rows)
        first_row = node.find("tr")
        self.add(
            "table",
            {
                "data": [row + [""] * (width - len(row)) for row in rows],
                "first_row_is_table_header": bool(first_row and first_row.find("th")),
                "first_col_is_header": False,
                "table_caption": caption or figcaption_text(node),
            },
        )


def figcaption_text(node):
    caption = node.find(["figcaption", "caption"])
    return " ".join(caption.get_text(" ").split()) if caption else ""
