"""The site's chrome: its settings (name, contact, social links, sharing image) and the main menu
and footer links, read together in one query, once per request.

Templates see the settings as `site_settings` (the context processor below); Python code calls
`site_settings(request)`. The settings row is joined to each list of links, and the two joins are
sent as one union: a list without links still brings the settings row, with an empty link.
"""

from dataclasses import dataclass

from django.db.models import F, Subquery, Value
from django.utils.functional import SimpleLazyObject

from wagtail.models import Page

from .models import SiteSettings
from .render_memo import current_request, memoised

LINK_LISTS = ("menu_items", "footer_links")
# What a link row brings, named apart from the settings' own columns.
LINK_COLUMNS = {
    "position": "sort_order",
    "text": "link_text",
    "address": "link_url",
    "page_id": "link_page_id",
    "page_url_path": "link_page__url_path",
    "page_live": "link_page__live",
}


@dataclass
class Chrome:
    settings: SiteSettings
    links: dict


def settings_columns():
    return [field.attname for field in SiteSettings._meta.concrete_fields]


def read_chrome():
    """The first site settings (the one `SiteSettings.load()` returns) with its links, in one query."""
    first = SiteSettings.objects.filter(pk=Subquery(SiteSettings.objects.order_by("pk").values("pk")[:1]))
    joins = [
        first.values(
            *settings_columns(),
            list_name=Value(name),
            **{alias: F(f"{name}__{column}") for alias, column in LINK_COLUMNS.items()},
        ).order_by()
        for name in LINK_LISTS
    ]
    rows = list(joins[0].union(*joins[1:], all=True).order_by("list_name", "position"))
    if not rows:  # before the settings are first saved
        return Chrome(SiteSettings.load(), {name: [] for name in LINK_LISTS})
    settings = SiteSettings(**{name: rows[0][name] for name in settings_columns()})
    request = current_request()
    links = {name: [] for name in LINK_LISTS}
    for row in rows:
        if row["page_id"]:
            if not row["page_live"]:  # an unpublished page drops out of the menu
                continue
            url = Page(id=row["page_id"], url_path=row["page_url_path"]).get_url(request)
        elif row["address"]:
            url = row["address"]
        else:  # the empty link of a list that has none
            continue
        links[row["list_name"]].append({"text": row["text"], "url": url})
    return Chrome(settings, links)


def chrome():
    return memoised("site chrome", {None}, lambda keys: {None: read_chrome()})[None]


def site_settings():
    """The site settings (generic: one for every site), read with the menus."""
    return chrome().settings


def chrome_links(list_name):
    """The main menu's or the footer's links: [{"text", "url"}], published pages only."""
    return chrome().links[list_name]


def site_settings_context(request):
    """Template context processor: `site_settings`, read only when a template shows it."""
    return {"site_settings": SimpleLazyObject(site_settings)}
