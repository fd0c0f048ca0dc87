"""Serving a page with two queries however deep it sits, its site's root page included, instead
of two for every level of the tree.

Wagtail finds a page by asking each level for the child with the next slug, then for that child's
specific row. Here every page that could lie on the path is fetched at once as a plain row, then
the pages the path passes through are fetched again, specific, joining only their own models' tables
(joining every page model's table costs more to build than to run). The path is walked with
Wagtail's own rules: a live routable page answers its sub-routes before its children are looked at,
only a live page is served, and a page type with its own `route()` takes over from there. Each page
keeps its (specific) parent, so breadcrumbs and `get_parent().specific` cost nothing more.
"""

from functools import cache

from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.http import Http404
from django.utils.module_loading import import_string

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site, get_page_models
from wagtail.url_routing import RouteResult

STANDARD_ROUTES = (Page.route, RoutablePageMixin.route)


def restricted_here():
    """Whether a view restriction sits on a page itself or on the tree's root: what
    `core.visibility.PublicPage.get_view_restrictions` needs to know of a served page and each of
    its ancestors, asked in the query that fetches them (an alias is left to Wagtail there)."""
    return Exists(PageViewRestriction.objects.filter(Q(page_id=OuterRef("pk")) | Q(page__depth=1)))


@cache
def specific_accessors():
    """{page model: the accessor from a `Page` to its row} for every model built directly on Page."""
    return {
        model: model._meta.parents[Page].remote_field.get_accessor_name()
        for model in get_page_models()
        if Page in model._meta.parents
    }


def with_specific_rows(pages, streamfields=True, models=None):
    """`pages` with each model's own columns joined in, for `as_specific`; `streamfields=False`
    leaves out the (large) StreamField columns of listings that never show them, and `models`, when
    known, limits the join to those page models' tables."""
    accessors = specific_accessors()
    if models is not None:
        accessors = {model: accessor for model, accessor in accessors.items() if model in models}
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


def specific_pages(pages, streamfields=True, models=None):
    """The specific page for each row of the `pages` queryset, all in one query."""
    return [as_specific(page) for page in with_specific_rows(pages, streamfields, models)]


def pages_on_path(root, path_components):
    """The specific `root`, and {(parent's tree path, slug): specific page} for the pages
    `path_components` passes through below it. The last of them comes with the relations its page
    type names in `served_with` (what its own template shows), and their images' renditions."""
    walked, page = [root], root
    if path_components:
        candidates = Page.objects.filter(
            path__startswith=root.path,
            depth__gt=root.depth,
            depth__lte=root.depth + len(path_components),
            slug__in=set(path_components),
        )
        children = {(page.path[: -Page.steplen], page.slug): page for page in candidates}
        for slug in path_components:
            page = children.get((page.path, slug))
            if page is None:
                break
            walked.append(page)
    served = walked[-1].specific_class
    served_with = getattr(served, "served_with", ())
    accessor = specific_accessors().get(served)
    pages = Page.objects.filter(pk__in=[page.pk for page in walked])
    if accessor:
        pages = pages.select_related(*(f"{accessor}__{name}" for name in served_with))
    pages = with_specific_rows(
        pages.annotate(restricted_here=restricted_here()), models={page.specific_class for page in walked}
    )
    specific = {}
    for page in pages:
        specific[page.pk] = as_specific(page)
        specific[page.pk].restricted_here = page.restricted_here
    last = specific.get(walked[-1].pk)
    if last is not None and not getattr(last, "own_images_with_cards", False):
        images = [getattr(last, name) for name in served_with]
        # Every rendition of the page's own images in one query: its picture and its sharing image.
        # A page type that shows cards reads them with its cards' instead (`attach_images`).
        prefetch_related_objects(
            [image for image in images if isinstance(image, AbstractImage)], "renditions"
        )
    root = specific.pop(root.pk, root)
    return root, {(page.path[: -Page.steplen], page.slug): page for page in specific.values()}


def route(root, request, path_components, children=None):
    """Wagtail's `Page.route` from `root` (the site's root page) down `path_components`; a page type
    routed from the site's root uses it as its `route` method.

    The pages an address passes through are fetched in two queries (`children`, when the caller
    fetched them already); the walk follows Wagtail's rules.
    """
    if children is None:
        children = pages_on_path(root, path_components)[1]
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


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, with the site's root page fetched in the same query as the
    pages on the path (Wagtail fetches it first, on its own); None where Wagtail answers None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    path_components = [component for component in path.split("/") if component]
    # Wagtail starts from `site.root_page.localized`; with WAGTAIL_I18N_ENABLED off that is the root.
    root, children = pages_on_path(site.root_page, path_components)
    try:
        if type(root).route is route:
            return route(root, request, path_components, children)
        return root.route(request, path_components)
    except Http404:
        return None


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


def late(dotted_path):
    """The view, form or feed at `dotted_path`, imported when first called.

    The one place the site imports late. Models sit at the bottom of their app: its feeds, forms
    and views import them. A routable page still answers its own sub-routes, so it names the code
    that serves them by path here rather than importing a module that imports the page back.
    """

    def call(*args, **kwargs):
        return import_string(dotted_path)(*args, **kwargs)

    return call
