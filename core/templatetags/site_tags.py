"""Template tags for the site chrome shared by every page."""

import datetime
import json
import re

from django import template
from django.core.paginator import Page as PaginatorPage
from django.core.serializers.json import DjangoJSONEncoder
from django.http import QueryDict
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.embeds import embeds
from wagtail.embeds.exceptions import EmbedException

from core.chrome import chrome_links
from core.render_memo import social_rendition
from core.routing import ancestors
from core.site_url import site_root
from core.structured_data import sharing_image

register = template.Library()

IFRAME_WITHOUT_TITLE = re.compile(r"<iframe\b(?![^>]*\stitle=)", re.IGNORECASE)

# The escapes Django's json_script uses: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """Structured data as a `<script type="application/ld+json">` element, safely escaped."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.simple_tag
def main_menu_links():
    return chrome_links("menu_items")


@register.simple_tag
def footer_links():
    return chrome_links("footer_links")


@register.simple_tag
def page_ancestors(page):
    """The page's ancestors from the home page down, for breadcrumbs; free when the page was routed."""
    return ancestors(page)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's absolute URL without filters, so filtered views do not compete; a listing's page n
    keeps `?page=n`, as each page lists different items."""
    request = context["request"]
    page = context.get("page")
    if page is not None and hasattr(page, "get_full_url"):
        url = page.get_full_url(request) + context.get("canonical_suffix", "")
    else:
        url = site_root(request) + request.path
    number = listing_page_number(context)
    return f"{url}?page={number}" if number > 1 else url


def listing_page_number(context):
    """The number of the page of a paginated listing the template shows; 1 when it shows none."""
    for value in context.flatten().values():
        # type(), not isinstance(): isinstance would evaluate lazy values such as the CSRF token,
        # and a token asked for is a cookie set, which keeps the page out of every cache.
        if issubclass(type(value), PaginatorPage):
            return value.number
    return 1


@register.simple_tag(takes_context=True)
def site_address(context):
    """The public root URL of the site (no trailing slash), for absolute links in templates."""
    return site_root(context.get("request"))


@register.simple_tag(takes_context=True)
def page_social_image(context):
    """The page's own sharing image, else the site's default one."""
    return sharing_image(context.get("page"), context.get("request"))


register.simple_tag(social_rendition)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, for pagination and filters."""
    params = QueryDict(mutable=True)
    params.update(context["request"].GET)
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return params.urlencode()


@register.filter
def page_links(items):
    """The page numbers a Paginator page links to: the first, the last and two either side of
    `items`, with `Paginator.ELLIPSIS` for each gap."""
    return items.paginator.get_elided_page_range(items.number, on_each_side=2, on_ends=1)


@register.filter
def machine_datetime(value):
    """A date or datetime as a valid HTML `datetime` attribute: local time, whole seconds, with offset."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(microsecond=0).isoformat()
    return value.isoformat() if value else ""


@register.filter
def web_address(url):
    """`url` if it is an http(s) address, else "": a stored value is never trusted to be a safe link."""
    return url if isinstance(url, str) and url.lower().startswith(("https://", "http://")) else ""


@register.simple_tag
def video_player(url, title, max_width=800):
    """The provider's player for `url`, its frame titled for screen readers; "" when it cannot be had.

    The oEmbed lookup fails when the provider is down, the video was removed or the server is
    offline; the template then links to the video instead. Found players are kept as Embed rows.
    """
    if not url:
        return ""
    try:
        embed = embeds.get_embed(url, max_width=max_width)
    except EmbedException:
        return ""
    if "<iframe" not in embed.html.lower():
        return ""
    title_attribute = format_html('<iframe title="{}"', embed.title or title)
    html = IFRAME_WITHOUT_TITLE.sub(lambda match: title_attribute, embed.html, count=1)
    return mark_safe(html)  # noqa: S308 - the provider's player, as Wagtail's own embed tag renders it
