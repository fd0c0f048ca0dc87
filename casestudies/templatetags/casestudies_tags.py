"""Short addresses and QR codes for printable case cards, and the Case Maker's launch video."""

import re
from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Site

import qrcode
import qrcode.image.svg

register = template.Library()

IFRAME_WITHOUT_TITLE = re.compile(r"<iframe\b(?![^>]*\stitle=)", re.IGNORECASE)


@register.simple_tag(takes_context=True)
def short_url(context, story):
    """The story's short address on the site's canonical host, e.g. https://example.org/c/k3m9px/."""
    request = context["request"]
    path = reverse("casestudies:short_url", args=[story.short_code])
    site = Site.find_for_request(request)
    return site.root_url + path if site else request.build_absolute_uri(path)


@register.filter
@lru_cache(maxsize=512)
def qr_svg(url):
    """An inline SVG QR code for `url`, drawn here rather than by a third-party service."""
    image = qrcode.make(
        url,
        image_factory=qrcode.image.svg.SvgPathImage,
        error_correction=qrcode.constants.ERROR_CORRECT_M,
        border=2,
    )
    # The path's fixed id would repeat on a page of many cards; the printed address beside it says the same.
    svg = image.to_string(encoding="unicode").replace(' id="qr-path"', "")
    return mark_safe(svg.replace("<svg ", '<svg aria-hidden="true" class="qr-code" ', 1))  # noqa: S308


@register.simple_tag
def video_player(url, title, max_width=800):
    """The provider's player for `url`, its frame titled for screen readers; "" when it cannot be had.

    The oEmbed lookup fails when the provider is down, the video was removed or the server is
    offline; the template then links to the video instead. Found players are kept as Embed rows.
    """
    try:
        embed = embeds.get_embed(url, max_width=max_width)
    except EmbedException:
        return ""
    if "<iframe" not in embed.html.lower():
        return ""
    title_attribute = format_html('<iframe title="{}"', embed.title or title)
    html = IFRAME_WITHOUT_TITLE.sub(lambda match: title_attribute, embed.html, count=1)
    return mark_safe(html)  # noqa: S308 - the provider's player, as Wagtail's own embed tag renders it
