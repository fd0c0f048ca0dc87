"""An issue as email: table-layout HTML with its CSS inlined, 600 px wide, every URL absolute, and plain text.

Email clients ignore stylesheets and relative links, and many block web fonts, so the HTML carries its
styles inline, names system fonts only and builds every address from the default Site's root URL.
"""

from urllib.parse import urljoin

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags

import css_inline

from core.panels import InstancePanel
from core.site_url import site_root

IMAGE_SPEC = "fill-560x315|format-jpeg"
INLINER = css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False)


def kind(page):
    """What the item is, as readers see it on the site, e.g. 'Convening, 3 March 2026'."""
    label = page._meta.verbose_name[:1].upper() + page._meta.verbose_name[1:]
    start = getattr(page, "start", None)
    return f"{label}, {timezone.localtime(start):%-d %B %Y}" if start else label


def item_image(page, root):
    """The item's card image as an absolute URL with alt text and size, or None."""
    image = getattr(page, "listing_image", None) or getattr(page, "hero_image", None)
    if image is None:
        return None
    try:
        rendition = image.get_rendition(IMAGE_SPEC)
    except OSError:  # the original is gone from media storage: the item goes without its picture
        return None
    return {
        "url": urljoin(root, rendition.url),
        "alt": image.default_alt_text or image.title,
        "width": rendition.width,
        "height": rendition.height,
    }


def context(issue):
    root = site_root(None)  # the default Site: SITE_URL sets it
    entries = [
        {
            "title": page.title,
            "url": page.get_full_url(),
            "kind": kind(page),
            "summary": getattr(page, "in_brief", ""),
            "image": item_image(page, root),
        }
        for page in issue.entries()
    ]
    return {
        "issue": issue,
        "entries": entries,
        "introduction_text": strip_tags(issue.introduction).strip(),
        "web_url": issue.get_full_url(),
        "site_url": root,
    }


def email_html(issue):
    html = render_to_string("newsletter/email/issue.html", context(issue))
    return INLINER.inline(html)


def plain_text(issue):
    return render_to_string("newsletter/email/issue.txt", context(issue))


class EmailPanel(InstancePanel):
    """The issue's email HTML and plain text on its edit screen, to download or copy into the mail tool."""

    template_name = "newsletter/admin/email_panel.html"
    default_name = "email"

    def context_for(self, issue):
        if issue.pk is None:
            return {}
        return {
            "html": email_html(issue),
            "text": plain_text(issue),
            "html_url": reverse("newsletter_email", args=[issue.pk, "html"]),
            "text_url": reverse("newsletter_email", args=[issue.pk, "txt"]),
        }
