"""Permanent redirects (Wagtail's redirects app) from every old WordPress address to its new page.

Archive and feed addresses point at a route of the blog's index page (`redirect_page` plus
`redirect_page_route_path`), so they keep working if the blog is moved or renamed.
"""

from collections import Counter
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


def ensure_redirects(targets, dry_run=False):
    """Create or correct permanent redirects from each old path to its (page, route); never one
    from a page's own address to itself. Returns the count of each outcome."""
    wanted, own_urls = {}, {}
    for old_path, page, route in targets:
        old_path = Redirect.normalise_path(old_path)
        if not route:
            if page.pk not in own_urls:
                own_urls[page.pk] = Redirect.normalise_path(page.get_url() or "")
            if own_urls[page.pk] == old_path:
                continue
        wanted[old_path] = (page, route)
    existing = {
        redirect.old_path: redirect for redirect in Redirect.objects.filter(site=None, old_path__in=wanted)
    }
    outcomes, new = Counter(), []
    for old_path, (page, route) in wanted.items():
        redirect = existing.get(old_path)
        if redirect is not None and (
            (redirect.redirect_page_id, redirect.redirect_page_route_path, redirect.redirect_link)
            == (page.pk, route, "")
            and redirect.is_permanent
        ):
            outcomes[UNCHANGED] += 1
            continue
        outcomes[CREATED if redirect is None else UPDATED] += 1
        if not dry_run:
            fresh = redirect is None
            redirect = redirect or Redirect(old_path=old_path, site=None)
            redirect.redirect_page, redirect.redirect_page_route_path = page, route
            redirect.redirect_link, redirect.is_permanent = "", True
            if fresh:
                new.append(redirect)
            else:
                redirect.save()
    # An import makes thousands: one insert for an item's new ones (they have no save() of their own).
    Redirect.objects.bulk_create(new)
    return outcomes
