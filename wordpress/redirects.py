"""Permanent redirects (Wagtail's redirects app) from every old WordPress address to its new page.

Archive and feed addresses point at a route of the blog's index page (`redirect_page` plus
`redirect_page_route_path`), so they keep working if the blog is moved or renamed.
"""

from datetime import datetime
from urllib.parse import urlparse

from wagtail.contrib.redirects.models import Redirect

from .report import CREATED, UNCHANGED, UPDATED


def old_item_paths(item, index):
    """The addresses WordPress answered for a post or page: its permalink, `?p=`/`?page_id=` and,
    for posts, the dated permalink styles."""
    paths = []
    if item.link and index.is_internal(item.link):
        parsed = urlparse(item.link)
        paths.append(parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    if item.post_type == "page":
        paths.append(f"/?page_id={item.wp_id}")
    else:
        paths.append(f"/?p={item.wp_id}")
        if item.slug and item.date:
            try:
                day = datetime.strptime(item.date[:10], "%Y-%m-%d")
            except ValueError:
                day = None
            if day is not None:
                paths.append(f"/{day:%Y/%m/%d}/{item.slug}/")
                paths.append(f"/{day:%Y/%m}/{item.slug}/")
    return list(dict.fromkeys(Redirect.normalise_path(path) for path in paths))


def archive_routes(blog, categories, tags, authors):
    """(old path, route on the blog index) for the old archives and feeds.

    `categories` and `tags` are slugs (kept as they were); `authors` maps the old author slug to
    the person's slug. WordPress had comment feeds; this site has no comments, so the comments feed
    sends readers to the posts feed, which is what they were following the site for.
    """
    routes = [
        ("/feed/", "feed"),
        ("/feed/rss2/", "feed"),
        ("/feed/atom/", "atom_feed"),
        ("/comments/feed/", "feed"),
    ]
    routes = [(old, blog.reverse_subpage(name)) for old, name in routes]
    for slug in categories:
        routes.append((f"/category/{slug}/", blog.reverse_subpage("category", kwargs={"slug": slug})))
        routes.append(
            (f"/category/{slug}/feed/", blog.reverse_subpage("category_feed", kwargs={"slug": slug}))
        )
    for slug in tags:
        routes.append((f"/tag/{slug}/", blog.reverse_subpage("tag", kwargs={"slug": slug})))
    for old_slug, person_slug in authors.items():
        routes.append((f"/author/{old_slug}/", blog.reverse_subpage("author", kwargs={"slug": person_slug})))
    return [(old, "/" + route.lstrip("/")) for old, route in routes]


def ensure_redirect(old_path, page, route="", dry_run=False):
    """Create or correct one permanent redirect; never one from a page's own address to itself."""
    old_path = Redirect.normalise_path(old_path)
    own_url = page.get_url()
    if not route and own_url and Redirect.normalise_path(own_url) == old_path:
        return None
    existing = Redirect.objects.filter(old_path=old_path, site=None).first()
    if existing is not None and (
        existing.redirect_page_id == page.pk
        and existing.redirect_page_route_path == route
        and existing.is_permanent
        and not existing.redirect_link
    ):
        return UNCHANGED
    if not dry_run:
        Redirect.objects.update_or_create(
            old_path=old_path,
            site=None,
            defaults={
                "redirect_page": page,
                "redirect_page_route_path": route,
                "redirect_link": "",
                "is_permanent": True,
            },
        )
    return CREATED if existing is None else UPDATED
