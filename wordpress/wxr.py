"""Stream a WordPress export (WXR) one author, term or item at a time, in flat memory.

The file is parsed by defusedxml: a document type declaration, entities or external references
are refused before anything is read, so an export cannot reach the server's files or expand into
gigabytes. Each record is yielded as soon as its element closes and its elements are then dropped.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, fields

import defusedxml.ElementTree as DefusedET
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

from core.url_parts import parse_int

# WXR 1.0, 1.1 and 1.2 differ only in the version in these namespaces.
WP_NAMESPACE_PREFIX = "http://wordpress.org/export/"
NAMESPACE_PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
LINE_ATTRIBUTE = "wxr-line"
REFUSALS = {
    DTDForbidden: "it declares a document type (DTD), which a WordPress export never does",
    EntitiesForbidden: "it declares XML entities, which could expand without limit",
    ExternalReferenceForbidden: "it refers to external files or addresses",
}


class WXRError(Exception):
    """The file cannot be imported at all; the message says why and, where it can, on which line."""


@dataclass
class SiteAddress:
    """The old site's own address, to recognise its links in post bodies."""

    url: str


@dataclass
class Author:
    login: str
    display_name: str
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    line: int = 0

    @property
    def label(self):
        return f"author {self.login} (line {self.line})"

    @property
    def name(self):
        full = f"{self.first_name} {self.last_name}".strip()
        return self.display_name or full or self.login


@dataclass
class Term:
    """A category or tag, declared once at the top of the export."""

    kind: str  # "category" or "tag"
    slug: str
    name: str
    description: str = ""
    line: int = 0

    @property
    def label(self):
        return f"{self.kind} {self.slug} (line {self.line})"


def as_int(value):
    return parse_int(value, 0)


def from_element(name, convert=str.strip, default=""):
    """A field read from the item's element `name`, its text passed through `convert`."""
    return field(default=default, metadata={"element": name, "convert": convert})


@dataclass
class Item:
    """A post, page, attachment or any other row of WordPress's posts table."""

    wp_id: int = from_element("wp:post_id", as_int, 0)
    post_type: str = from_element("wp:post_type")
    status: str = from_element("wp:status")
    title: str = from_element("title")
    slug: str = from_element("wp:post_name")
    link: str = from_element("link")
    guid: str = from_element("guid")
    creator: str = from_element("dc:creator")
    content: str = from_element("content:encoded", str)  # bodies keep their white space, as written
    excerpt: str = from_element("excerpt:encoded", str)
    date: str = from_element("wp:post_date")
    date_gmt: str = from_element("wp:post_date_gmt")
    parent: int = from_element("wp:post_parent", as_int, 0)
    menu_order: int = from_element("wp:menu_order", as_int, 0)
    attachment_url: str = from_element("wp:attachment_url")
    comments: int = 0
    terms: list = field(default_factory=list)  # (domain, slug, name)
    meta: dict = field(default_factory=dict)
    line: int = 0

    @property
    def categories(self):
        return [(slug, name) for domain, slug, name in self.terms if domain == "category"]

    @property
    def tags(self):
        return [(slug, name) for domain, slug, name in self.terms if domain == "post_tag"]

    @property
    def label(self):
        return f"{self.post_type} {self.wp_id} “{self.title or self.slug}” (line {self.line})"


def local_name(tag):
    """`{http://wordpress.org/export/1.2/}post_id` → `wp:post_id`, whatever the WXR version."""
    if not tag.startswith("{"):
        return tag
    namespace, _, name = tag[1:].partition("}")
    if namespace.startswith(WP_NAMESPACE_PREFIX):
        return f"excerpt:{name}" if namespace.rstrip("/").endswith("excerpt") else f"wp:{name}"
    prefix = NAMESPACE_PREFIXES.get(namespace)
    return f"{prefix}:{name}" if prefix else name


class LineRecordingBuilder:
    """An ElementTree target that notes the line each element starts on, for error messages.

    expat knows the exact line only while it handles the start tag, so it is read then and kept
    as an attribute no WordPress element has.
    """

    def __init__(self):
        self.builder = ET.TreeBuilder()
        self.expat = None

    def start(self, tag, attrs):
        if self.expat is not None:
            attrs = {**attrs, LINE_ATTRIBUTE: str(self.expat.CurrentLineNumber)}
        return self.builder.start(tag, attrs)

    def end(self, tag):
        return self.builder.end(tag)

    def data(self, text):
        self.builder.data(text)

    def close(self):
        return self.builder.close()


def line_of(element):
    return int(element.get(LINE_ATTRIBUTE, 0))


def text_of(element, name):
    for child in element:
        if local_name(child.tag) == name:
            return (child.text or "").strip()
    return ""


# Item's fields by the element each is read from (`from_element`).
ITEM_FIELDS = {
    item_field.metadata["element"]: item_field for item_field in fields(Item) if item_field.metadata
}


def read_author(element):
    return Author(
        login=text_of(element, "wp:author_login"),
        display_name=text_of(element, "wp:author_display_name"),
        email=text_of(element, "wp:author_email"),
        first_name=text_of(element, "wp:author_first_name"),
        last_name=text_of(element, "wp:author_last_name"),
        line=line_of(element),
    )


def read_term(element, kind):
    if kind == "category":
        slug, name, description = "wp:category_nicename", "wp:cat_name", "wp:category_description"
    else:
        slug, name, description = "wp:tag_slug", "wp:tag_name", "wp:tag_description"
    return Term(
        kind=kind,
        slug=text_of(element, slug),
        name=text_of(element, name),
        description=text_of(element, description),
        line=line_of(element),
    )


def read_item(element):
    item = Item(line=line_of(element))
    for child in element:
        name = local_name(child.tag)
        value = child.text or ""
        if name == "category":
            item.terms.append((child.get("domain", ""), child.get("nicename", ""), value.strip()))
        elif name == "wp:postmeta":
            key, meta_value = text_of(child, "wp:meta_key"), text_of(child, "wp:meta_value")
            if key:
                item.meta[key] = meta_value
        elif name == "wp:comment":
            item.comments += 1
        elif name in ITEM_FIELDS:
            item_field = ITEM_FIELDS[name]
            setattr(item, item_field.name, item_field.metadata["convert"](value))
    if not item.wp_id or not item.post_type:
        raise WXRError(
            f"line {item.line}: an <item> without wp:post_id or wp:post_type is not from a WordPress export"
        )
    return item


def read(path):
    """Yield `SiteAddress`, `Author`, `Term` and `Item` records in file order.

    Raises `WXRError` for a file that is refused, not XML, truncated or not a WordPress export.
    """
    builder = LineRecordingBuilder()
    parser = DefusedET.DefusedXMLParser(
        target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    builder.expat = parser.parser
    root = channel = None
    seen_version = False
    try:
        for event, element in DefusedET.iterparse(path, events=("start", "end"), parser=parser):
            name = local_name(element.tag)
            if event == "start":
                if root is None:
                    root = element
                    if name != "rss":
                        raise WXRError(
                            f"line {line_of(element)}: the file starts with <{name}>, not the <rss> "
                            "of a WordPress export (WXR)"
                        )
                elif channel is None and name == "channel":
                    channel = element
                continue
            if channel is None or element is channel:
                continue
            if name == "wp:wxr_version":
                seen_version = True
            elif name in ("wp:base_site_url", "wp:base_blog_url") and element.text:
                yield SiteAddress(element.text.strip())
            elif name in RECORD_ELEMENTS:
                if not seen_version:
                    raise WXRError(
                        f"line {line_of(element)}: no <wp:wxr_version> before the first entry: "
                        "this is not a WordPress export (WXR)"
                    )
                yield read_record(name, element)
                # Drop what has been read so that memory stays flat however long the export.
                channel.clear()
    except ET.ParseError as error:
        line, column = error.position
        reason = str(error).rsplit(": line", 1)[0]
        raise WXRError(
            f"line {line}, column {column}: not a complete XML file ({reason}); was the export cut short?"
        ) from None
    except DefusedXmlException as error:
        reason = next((text for kind, text in REFUSALS.items() if isinstance(error, kind)), str(error))
        raise WXRError(f"refused: {reason}. Nothing was imported.") from None
    if not seen_version:
        raise WXRError("line 1: no <channel> with a <wp:wxr_version>: this is not a WordPress export (WXR)")


RECORD_ELEMENTS = {"item", "wp:author", "wp:category", "wp:tag"}


def read_record(name, element):
    if name == "item":
        return read_item(element)
    if name == "wp:author":
        return read_author(element)
    return read_term(element, "category" if name == "wp:category" else "tag")
