"""Serving a page with one query however deep it sits, instead of two for every level of the tree.

Wagtail finds a page by asking each level for the child with the next slug, then for that child's
specific row. Here every page that could lie on the path is fetched at once, already specific (through
the parent link of every page model), and the path is walked with Wagtail's own rules: a live
routable page answers its sub-routes before its children are looked at, only a live page is served,
and a page type with its own `route()` takes over from there. Each page keeps its parent, so
breadcrumbs and `get_parent()` cost nothing more.
"""

from functools import cache

from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.url_routing import RouteResult

STANDARD_ROUTES = (Page.route, RoutablePageMixin.route)


@cache
def specific_accessors():
    """{page model: the accessor from a `Page` to its row} for every model built directly on Page."""
    return {
        model: model._meta.parents[Page].remote_field.get_accessor_name()
        for model in get_page_models()
        if Page in model._meta.parents
    }


def with_specific_rows(pages, streamfields=True):
    """`pages` with each model's own columns joined in, for `as_specific`; `streamfields=False`
    leaves out the (large) StreamField columns of listings that never show them."""
    accessors = specific_accessors()
    pages = pages.select_related(*accessors.values())
    if not streamfields:
        pages = pages.defer(
            *(
                f"{accessor}__{field.name}"
                for model, accessor in accessors.items()
                for field in model._meta.local_fields
                if isinstance(field, StreamField)
            )
        )
    return pages


def as_specific(page):
    """The specific page for a row fetched `with_specific_rows`, without a query when it can be."""
    accessor = specific_accessors().get(page.specific_class)
    return getattr(page, accessor) if accessor else page.specific


def specific_pages(pages, streamfields=True):
    """The specific page for each row of the `pages` queryset, all in one query."""
    return [as_specific(page) for page in with_specific_rows(pages, streamfields)]


def route(root, request, path_components):
    """Wagtail's `Page.route` from `root` (the site's root page) down `path_components`."""
    candidates = Page.objects.filter(
        path__startswith=root.path,
        depth__gt=root.depth,
        depth__lte=root.depth + len(path_components),
        slug__in=set(path_components),
    )
    children = {(page.path[: -Page.steplen], page.slug): page for page in specific_pages(candidates)}
    page, remaining = root, list(path_components)
    while True:
        if page is not root and type(page).route not in STANDARD_ROUTES:
            return page.route(request, remaining)
        if isinstance(page, RoutablePageMixin) and page.live:
            try:
                resolver_match = page.resolve_subpage("/" + "".join(f"{part}/" for part in remaining))
            except Http404:
                pass
            else:
                request.routable_resolver_match = resolver_match
                view, args, kwargs = resolver_match
                return RouteResult(page, args=(view, args, kwargs))
        if not remaining:
            if page.live:
                return RouteResult(page)
            raise Http404
        child = children.get((page.path, remaining[0]))
        if child is None:
            raise Http404
        child._cached_parent_obj = page
        page, remaining = child, remaining[1:]


def ancestors(page):
    """The page's ancestors from the home page down, from the parents routing kept when it can."""
    if page.depth <= 2:
        return []
    chain, current = [], page
    while current.depth > 2 and hasattr(current, "_cached_parent_obj"):
        current = current._cached_parent_obj
        chain.append(current)
    if chain and chain[-1].depth == 2:
        return chain[::-1]
    return list(page.get_ancestors()[1:])
