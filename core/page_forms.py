"""The admin form every page type of the site is edited with.

A page's address is its parent's address plus its slug, but some addresses are already answered by
something else: a routable index answers its own sub-routes (`/blog/feed/`, `/blog/2024/`,
`/convenings/past/`) before it looks at its children, and the site's own URLs (`/search/`,
`/admin/`, `/static/`) come before any page. A page given one of those slugs could never be reached,
or would shadow the route. The editor is told so when saving, with the address it would hide.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.urls import Resolver404, resolve

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.contrib.routable_page.models import RoutablePageMixin

# Named, not imported: Wagtail's views module needs the models this module is loaded with. The
# site's page view hands over to Wagtail's.
PAGE_VIEWS = ("core.views.serve", "wagtail.views.serve")


def first_segment(pattern):
    """The literal first path segment of a route pattern (`category` for `category/<slug:slug>/`)."""
    text = str(pattern).lstrip("^")
    head = text.split("/", 1)[0]
    return head if head and not any(mark in head for mark in "<>()[]\\?*+.$") else None


def hidden_route(parent, slug):
    """The address that a child of `parent` called `slug` would hide, or None if the slug is free."""
    parent_path = urlsplit(parent.get_url() or "").path or None
    if parent_path is None:  # not under any site: nothing to hide
        return None
    address = f"{parent_path}{slug}/"

    page = parent.specific_deferred
    if isinstance(page, RoutablePageMixin):
        try:
            page.resolve_subpage(f"/{slug}/")
            return address
        except Resolver404:
            pass
        if any(first_segment(route.pattern) == slug for route in page.get_subpage_urls()):
            return address

    if address.startswith(settings.STATIC_URL):
        return address
    try:
        match = resolve(address)
    except Resolver404:
        return None
    serves_pages = f"{match.func.__module__}.{match.func.__name__}" in PAGE_VIEWS
    return None if serves_pages else address


class SitePageForm(WagtailAdminPageForm):
    """Refuses a slug whose address the parent page or the site already answers."""

    def clean(self):
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        if slug and self.parent_page is not None:
            address = hidden_route(self.parent_page, slug)
            if address:
                self.add_error(
                    "slug",
                    forms.ValidationError(
                        "The address %(address)s is already used by the site itself, so a page there "
                        "could never be shown. Choose another slug.",
                        params={"address": address},
                        code="reserved_slug",
                    ),
                )
        return cleaned_data
