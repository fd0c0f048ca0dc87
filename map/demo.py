"""Demo map: the map page, its themes and about forty fictional entries, read from the JSON files in
`map/demo/`, and a call to action on the Connect page that points to the map. Loading twice changes nothing."""

import json
from datetime import timedelta
from pathlib import Path

from django.utils import timezone

from casestudies.models import CaseStudyPage
from core.models import StandardPage
from events.models import EventPage
from glossary.models import GlossaryTermPage

from .forms import apply_changes
from .models import MapEntry, MapPage, Status, Theme

DATA = Path(__file__).resolve().parent / "demo"
CONNECT_LINK_TEXT = "Explore the Relationships Map"
# The site content an entry may link to, by the name its data file uses and the page type.
LINKED = {"glossary_terms": GlossaryTermPage, "stories": CaseStudyPage, "convenings": EventPage}


def read(name):
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def load(demo):
    page = demo.page(demo.home, MapPage, **read("page"))
    themes = {}
    for item in read("themes"):
        theme, created = Theme.objects.get_or_create(slug=item["slug"], defaults=item)
        themes[theme.slug] = theme
        demo.created += created
    now = timezone.now()
    for number, item in enumerate(read("entries")):
        if MapEntry.objects.filter(name=item["name"]).exists():
            continue
        entry = MapEntry(email=item["email"], status=item["status"], privacy_agreed_at=now)
        if item["status"] == Status.APPROVED:
            entry.approved_at = now - timedelta(days=3 * number)
        apply_changes(entry, {**item, "themes": [themes[slug].pk for slug in item["themes"]]})
        for field, model in LINKED.items():
            titles = item.get("links", {}).get(field, [])
            getattr(entry, field).set(model.objects.filter(title__in=titles))
        demo.created += 1
    link_from_connect(demo, page)
    return page


def link_from_connect(demo, page):
    """The Connect page promises the map; give it a call to action that leads there."""
    connect = StandardPage.objects.filter(slug="connect").first()
    if connect is None or any(
        block.block_type == "call_to_action" and block.value.get("link_text") == CONNECT_LINK_TEXT
        for block in connect.body
    ):
        return
    connect.body.append(
        (
            "call_to_action",
            {
                "heading": "Find fellow travellers",
                "text": "See who else is working on relationships near you or on the same themes, and add yourself.",
                "link_text": CONNECT_LINK_TEXT,
                "page": page,
            },
        )
    )
    connect.save_revision().publish()
    demo.created += 1
