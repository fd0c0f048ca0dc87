"""Short addresses and QR codes for printable case cards."""

from functools import lru_cache

from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

import qrcode
import qrcode.image.svg

from core.site_url import site_root

register = template.Library()


@register.simple_tag(takes_context=True)
def short_url(context, story):
    """The story's short address on the site's canonical host, e.g. https://example.org/c/k3m9px/."""
    request = context["request"]
    path = reverse("casestudies:short_url", args=[story.short_code])
    return site_root(request) + path


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
