"""The demo Heatmap, read from `demo/relationships_heatmap.json`, placed under the Toolbox page and
linked from it. Loading twice changes nothing; edit the data file to change the demo."""

import json
import uuid
from pathlib import Path

from wagtail.models import Page

from core.models import StandardPage

from .models import HeatmapPage

DATA = Path(__file__).parent / "demo" / "relationships_heatmap.json"
# Block ids derived from the names, so a reloaded demo keeps the same statement keys.
NAMESPACE = uuid.UUID("6f1c2a52-6d0c-4d3b-9a3e-2f8f1f0c7b11")


def stable_id(*parts):
    return str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def linked_page(link):
    """The page at 'parent-slug/slug' in the demo tree, if the app that makes it has loaded."""
    parent, _, slug = link.rpartition("/")
    return Page.objects.filter(slug=slug, url_path__contains=f"/{parent}/").first()


def sections_data(data):
    sections = []
    for section in data["sections"]:
        elements = []
        for element in section["elements"]:
            name = element["name"]
            statements = [
                {"type": "item", "value": text, "id": stable_id(name, "statement", str(number))}
                for number, text in enumerate(element["statements"])
            ]
            steps = []
            for number, step in enumerate(element["next_steps"]):
                pages = [page.pk for page in map(linked_page, step["links"]) if page is not None]
                steps.append(
                    {
                        "type": "item",
                        "id": stable_id(name, "step", str(number)),
                        "value": {
                            "band": step["band"],
                            "text": step["text"],
                            "links": [
                                {"type": "item", "value": pk, "id": stable_id(name, str(number), str(pk))}
                                for pk in pages
                            ],
                        },
                    }
                )
            elements.append(
                {
                    "type": "item",
                    "id": stable_id(name),
                    "value": {
                        "name": name,
                        "explanation": element["explanation"],
                        "statements": statements,
                        "next_steps": steps,
                    },
                }
            )
        sections.append(
            {
                "type": "section",
                "id": stable_id(section["title"]),
                "value": {
                    "title": section["title"],
                    "introduction": section["introduction"],
                    "elements": elements,
                },
            }
        )
    return sections


def load(demo):
    data = json.loads(DATA.read_text())
    toolbox = StandardPage.objects.filter(slug="toolbox").first()
    parent = toolbox or demo.home
    heatmap = demo.page(
        parent,
        HeatmapPage,
        data["slug"],
        title=data["title"],
        in_brief=data["in_brief"],
        introduction=data["introduction"],
        contexts=[("context", context) for context in data["contexts"]],
        sections=sections_data(data),
        **{f"scale_{number}": label for number, label in enumerate(data["scale"], start=1)},
    )
    if toolbox is not None:
        link_from_toolbox(toolbox, heatmap)
    return None


def link_from_toolbox(toolbox, heatmap):
    """A call to action on the Toolbox page, added once."""
    if any(block.block_type == "call_to_action" for block in toolbox.body):
        return
    toolbox.body.append(
        (
            "call_to_action",
            {
                "heading": "Try the Relationships Heatmap",
                "text": "See where your team's relationships are strong and where to act next. Free, anonymous, about ten minutes.",
                "link_text": "Take the Heatmap",
                "page": heatmap,
                "url": "",
            },
        )
    )
    toolbox.save_revision().publish()
