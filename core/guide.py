"""The editor guide inside the admin: docs/editor-guide.md rendered as sanitised HTML, and links to its sections.

The guide stays one Markdown file that reads well in the repository; the admin renders it on each
request, so a change to the file shows at once.
"""

from pathlib import Path

from django.conf import settings
from django.urls import reverse

import markdown
import nh3

from .panels import InstancePanel

GUIDE_PATH = Path(settings.BASE_DIR) / "docs" / "editor-guide.md"
SCREENSHOTS_DIR = GUIDE_PATH.parent / "guide"

# The guide's section for each page type, by model label; every page type has one.
SECTIONS = {
    "home.homepage": "fix-a-typo",
    "core.standardpage": "fix-a-typo",
    "blog.blogindexpage": "fix-a-typo",
    "blog.blogpage": "write-a-blog-post",
    "events.eventindexpage": "fix-a-typo",
    "events.eventpage": "announce-a-convening",
    "glossary.glossaryindexpage": "fix-a-typo",
    "glossary.glossarytermpage": "add-a-glossary-term",
    "casestudies.casemakerpage": "launch-video",
    "casestudies.casemakersectionpage": "fix-a-typo",
    "casestudies.casestudypage": "publish-a-story",
    "newsletter.newsletterindexpage": "newsletter",
    "newsletter.newsletterissuepage": "newsletter",
    "map.mappage": "map",
    "heatmap.heatmappage": "heatmap",
}

ALLOWED_TAGS = {
    *("h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "code", "pre", "blockquote", "hr"),
    *("a", "img", "table", "thead", "tbody", "tr", "th", "td", "div", "br"),
}
ALLOWED_ATTRIBUTES = {
    "h2": {"id"},
    "h3": {"id"},
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"align"},
    "td": {"align"},
    "div": {"class"},
}


def render_guide(text=None):
    """(table of contents, body) of the guide as HTML that can hold no script, style or event handler."""
    converter = markdown.Markdown(
        extensions=["attr_list", "tables", "fenced_code", "toc"],
        extension_configs={"toc": {"toc_depth": "2-3"}},
    )
    body = converter.convert(GUIDE_PATH.read_text() if text is None else text)

    def clean(html):
        # The admin header already carries the title, so the guide's own h1 goes, words and all.
        return nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            clean_content_tags={"script", "style", "h1"},
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"https", "mailto"},
        )

    return clean(converter.toc), clean(body)


def section_url(model):
    """The admin guide's address for this page type's section."""
    return f"{reverse('editor_guide')}#{SECTIONS[model._meta.label_lower]}"


class GuidePanel(InstancePanel):
    """A link at the top of an edit screen to the part of the editor guide about this page type."""

    template_name = "core/panels/guide_link.html"
    default_name = "guide"

    def context_for(self, instance):
        return {"guide_url": section_url(type(instance)), "label": instance._meta.verbose_name}
