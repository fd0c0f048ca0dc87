"""The pre-publish checklist: problems an editor can fix before publishing, in plain words.

It reads the page as the editor last saved it, so it reflects the draft, not the live version.
"""

import re

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .panels import InstancePanel

IN_BRIEF_LIMIT = 300
PAGE_LINK = re.compile(r'<a[^>]*linktype="page"[^>]*>', re.IGNORECASE)
LINK_ID = re.compile(r'\bid="(\d+)"')
RICH_HEADING = re.compile(r"<h([2-6])\b", re.IGNORECASE)


def walk(value):
    """Every dict and string in a stream's raw data, depth first, in reading order."""
    if isinstance(value, dict):
        yield value
        for child in value.values():
            yield from walk(child)
    elif isinstance(value, list):
        for child in value:
            yield from walk(child)
    elif isinstance(value, str):
        yield value


def content_fields(page):
    """(label, raw data) of the page's own StreamFields and rich-text fields, in form order."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            yield field.verbose_name, list(walk(list(getattr(page, field.name).raw_data)))
        elif isinstance(field, RichTextField) and field.model is not Page:
            yield field.verbose_name, [getattr(page, field.name) or ""]


def image_problems(page):
    problems = []
    for label, parts in content_fields(page):
        missing = sum(
            1
            for part in parts
            if isinstance(part, dict)
            and "image" in part
            and "decorative" in part
            and part.get("image")
            and not part.get("decorative")
            and not (part.get("alt_text") or "").strip()
        )
        if missing:
            problems.append(
                f"{missing} image{'s' if missing > 1 else ''} in “{label}” "
                f"{'have' if missing > 1 else 'has'} no alt text: describe each or mark it decorative."
            )
    hero = getattr(page, "hero_image", None)
    if hero is not None and not (getattr(page, "hero_alt", "") or hero.description):
        problems.append("The hero image has no alt text: describe it in “Hero image”.")
    return problems


def link_problems(page):
    ids = set()
    for _label, parts in content_fields(page):
        for part in parts:
            if isinstance(part, str):
                for tag in PAGE_LINK.findall(part):
                    match = LINK_ID.search(tag)
                    if match:
                        ids.add(int(match.group(1)))
            elif isinstance(part, dict) and isinstance(part.get("page"), int):
                ids.add(part["page"])
    if not ids:
        return []
    found = Page.objects.filter(pk__in=ids)
    problems = [
        f"It links to “{linked.title}”, which is not published yet." for linked in found.filter(live=False)
    ]
    if found.count() < len(ids):
        problems.append("It links to a page that has been deleted.")
    return problems


def heading_levels(parts):
    for part in parts:
        if isinstance(part, dict) and part.get("level") in {"h2", "h3", "h4"} and "text" in part:
            yield int(part["level"][1])
        elif isinstance(part, str):
            yield from (int(level) for level in RICH_HEADING.findall(part))


def heading_problems(page):
    problems = []
    for label, parts in content_fields(page):
        previous = 1  # the page title is the h1
        for level in heading_levels(parts):
            if level > previous + 1:
                problems.append(
                    f"In “{label}”, a level {level} heading follows a level {previous} heading: "
                    "use a section heading before subheadings."
                )
                break
            previous = level
    return problems


def label_problems(page):
    if hasattr(page, "category_id") and not page.category_id:
        return ["Choose a category."]
    if hasattr(page, "sectors") and not page.sectors.all():
        return ["Choose at least one sector."]
    return []


def checklist_problems(page):
    """Everything worth fixing before this page is published; an empty list means ready."""
    problems = []
    in_brief = (getattr(page, "in_brief", "") or "").strip()
    if not in_brief:
        problems.append("Write an “In brief”: one or two sentences for cards, search and sharing.")
    elif len(in_brief) > IN_BRIEF_LIMIT:
        problems.append(f"Shorten the “In brief” to {IN_BRIEF_LIMIT} characters (it has {len(in_brief)}).")
    return (
        problems + label_problems(page) + image_problems(page) + link_problems(page) + heading_problems(page)
    )


class ChecklistPanel(InstancePanel):
    """Lists what still needs fixing before publishing, worked out from the last saved version."""

    template_name = "core/panels/checklist.html"
    default_name = "checklist"

    def context_for(self, page):
        return {"problems": [] if page.pk is None else checklist_problems(page)}
