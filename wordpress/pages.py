"""Posts become blog posts and pages standard pages, live, draft or scheduled as they were."""

import json
import re
from datetime import UTC, datetime

from django.utils import timezone
from django.utils.text import Truncator, slugify

from taggit.models import Tag
from wagtail.models import Page

from blog.models import BlogPage, BlogPageAuthor
from core.models import StandardPage

from .html_to_blocks import first_paragraph_text, plain_text
from .registry import fingerprint
from .report import CREATED, UNCHANGED, UPDATED

IN_BRIEF_LENGTH = 300
LIVE, DRAFT, SCHEDULED = "live", "draft", "scheduled"
STATUSES = {"publish": LIVE, "draft": DRAFT, "pending": DRAFT, "future": SCHEDULED}
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def parse_date(local, gmt):
    """WordPress's GMT date when it has one (drafts have none), else its local date in the site's zone."""
    for value, zone in ((gmt, UTC), (local, None)):
        try:
            moment = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
        except (TypeError, ValueError):
            continue
        return moment.replace(tzinfo=zone) if zone else timezone.make_aware(moment)
    return None


def in_brief(item, report):
    """The excerpt as plain text or, where there is none, the first paragraph (flagged for checking)."""
    text = plain_text(item.excerpt)
    if not text:
        text = first_paragraph_text(item.content) or item.title
        report.generated_briefs.append(item.label)
    return Truncator(text).chars(IN_BRIEF_LENGTH)


def free_page_slug(parent, slug, page):
    """`slug`, or `slug-2`… if a sibling already has it (a page that was there before the import)."""
    base, number = (slugify(slug, allow_unicode=True) or "page")[:240], 1
    candidate = base
    siblings = Page.objects.child_of(parent) if parent.pk else Page.objects.none()
    while siblings.filter(slug=candidate).exclude(pk=page.pk).exists():
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def body_data(importer, item):
    blocks, notes = importer.converter.convert(item.content)
    importer.report.add_body_notes(item.label, notes)
    for block in blocks:
        if block["type"] == "paragraph":
            # Wagtail gives each block of rich text a random key; the same body must compare equal.
            block["value"] = BLOCK_KEY.sub("", block["value"])
    return blocks, notes.pending_links


def item_values(importer, item, kind):
    """What a post and a page take alike from a WordPress item, and the links still to resolve."""
    blocks, pending = body_data(importer, item)
    values = {
        "title": item.title[:255] or f"Untitled {kind} {item.wp_id}",
        "slug": item.slug or slugify(item.title) or f"{kind}-{item.wp_id}",
        "in_brief": in_brief(item, importer.report),
        "body": blocks,
        "status": STATUSES[item.status],
        "date": parse_date(item.date, item.date_gmt),
    }
    return values, pending


def post_values(importer, item):
    values, pending = item_values(importer, item, "post")
    category = next(iter(item.categories), None)
    if len(item.categories) > 1:
        # A post here has one category; the others are still imported, with their archive redirects.
        others = ", ".join(slug for slug, _name in item.categories[1:])
        importer.report.left_out.append((item.label, f"only its first category is kept; not: {others}"))
    thumbnail = item.meta.get("_thumbnail_id", "")
    values |= {
        "category": importer.object_id("category", category[0]) if category else None,
        "tags": sorted(slug for slug, _name in item.tags if importer.registry.get("tag", slug)),
        "author": importer.object_id("author", item.creator),
        "hero_image": importer.image_id(int(thumbnail)) if thumbnail.isdigit() else None,
    }
    return values, pending


def page_values(importer, item, parent):
    values, pending = item_values(importer, item, "page")
    values["parent"] = parent.pk
    return values, pending


def import_post(importer, item):
    values, pending = post_values(importer, item)
    return save(importer, "post", item, BlogPage, importer.blog, values, pending)


def import_page(importer, item, parent):
    values, pending = page_values(importer, item, parent)
    return save(importer, "page", item, StandardPage, parent, values, pending)


def save(importer, kind, item, model, parent, values, pending):
    """Create or update the page for `item` unless nothing changed; returns the status and the page."""
    digest = fingerprint(values)
    entry = importer.registry.get(kind, item.wp_id)
    page = importer.registry.target(kind, item.wp_id, model)
    if pending:
        importer.pending.add((kind, item.wp_id))
    if page is not None and entry.digest == digest:
        return UNCHANGED, page
    status = CREATED if page is None else UPDATED
    if importer.dry_run:
        importer.registry.record(kind, item.wp_id, page or model(), digest)
        return status, page
    page = page or model(locale_id=parent.locale_id)  # saves Wagtail looking up the default locale
    fill(page, values)
    page.slug = free_page_slug(parent, values["slug"], page)
    key = (kind, str(item.wp_id))
    made_here = key in importer.created_live and page.get_parent().pk == parent.pk
    if values["status"] == LIVE and (page.pk is None or made_here):
        # Created live in one save: a revision and a publish would save the page, its search entry
        # and its references three times over for content nobody has edited here yet (the same when
        # this run converts its body again to resolve its links). The cached pages that list it are
        # retired once, at the end of the import.
        page.live, page.has_unpublished_changes = True, False
        if page.pk is None:
            page.first_published_at = page.last_published_at = values["date"] or timezone.now()
            parent.add_child(instance=page)
        else:
            page.save()
        importer.created_live.add(key)
        importer.registry.record(kind, item.wp_id, page, digest)
        return status, page
    if page.pk is None:
        page.live = False
        parent.add_child(instance=page)
    elif page.get_parent().pk != parent.pk:
        page.move(parent, pos="last-child")
        page.refresh_from_db()
        fill(page, values)
    publish(page, values)
    importer.registry.record(kind, item.wp_id, page, digest)
    return status, page


def fill(page, values):
    page.title = values["title"]
    page.in_brief = values["in_brief"]
    page.body = json.dumps(values["body"])
    if values["status"] == LIVE and page.first_published_at is None:
        page.first_published_at = values["date"]
    if isinstance(page, BlogPage):
        page.date = timezone.localdate(values["date"]) if values["date"] else None
        page.category_id = values["category"]
        page.hero_image_id = values["hero_image"]
        page.authors = [BlogPageAuthor(person_id=values["author"])] if values["author"] else []
        page.tags.set(list(Tag.objects.filter(slug__in=values["tags"])))


def publish(page, values):
    """Live posts are published, drafts saved as drafts, scheduled posts published at their date."""
    if values["status"] == SCHEDULED:
        page.go_live_at = values["date"]
    revision = page.save_revision()
    if values["status"] in (LIVE, SCHEDULED):
        revision.publish()
