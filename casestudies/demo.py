"""Demo content for the Case Maker: the four parts of the case, the explorer's labels and real-world stories,
read from `demo/case_maker.json`; edit the data file to add or change a story."""

import json
from pathlib import Path

from wagtail.rich_text import RichText

from events.models import EventPage

from .models import CaseMakerPage, CaseMakerSectionPage, CaseStudyPage, Enabler, Scale, Sector

# The explorer's sectors and enablers, the four sections of the case (their bodies as StreamField
# blocks, paragraphs in HTML) and the stories.
DATA = json.loads((Path(__file__).parent / "demo" / "case_maker.json").read_text())


def load(demo):
    """The Case Maker, its four sections, the explorer's labels and the stories; idempotent."""
    sectors = {label["slug"]: _label(demo, Sector, **label) for label in DATA["sectors"]}
    enablers = {label["slug"]: _label(demo, Enabler, **label) for label in DATA["enablers"]}
    # A migration creates the five scales; one an editor has since deleted is simply left off.
    scales = Scale.objects.in_bulk(field_name="slug")
    launch = EventPage.objects.filter(slug="case-maker-launch").first()
    case_maker = demo.page(
        demo.home,
        CaseMakerPage,
        "case-maker",
        title="Case Maker",
        in_brief="The case for putting relationships first: what it means, why it matters, and stories of it in action.",
        introduction=(
            "<p>The Case Maker brings together evidence and real stories from social care, public health, the arts, "
            "community organising, education and more. It is for anyone who needs to persuade a board, a "
            "commissioner or a colleague that relationships are worth investing in.</p>"
            + (
                "<p>Elizabeth Oldfield and Matt Lloyd-Rose launched it in conversation with Sarah Yardley, "
                "Christine Frazer and Russ Bellenie, three of the people whose stories are in it: "
                f'<a linktype="page" id="{launch.pk}">read about the Case Maker launch</a>.</p>'
                if launch
                else ""
            )
        ),
        # The launch conversation has no published recording we can point to, so the video is left
        # empty rather than filled with a made-up address; editors add it when there is one.
        launch_video="",
        use_it_to="\n".join(
            [
                "understand what relationship-centred practice means",
                "find evidence of the difference relationships make",
                "share a story that your colleagues will recognise",
                "print case cards for a workshop or team meeting",
                "make the case for relationships in your own place",
            ]
        ),
    )
    for section in DATA["sections"]:
        fields = dict(section)
        body = [
            (block["type"], RichText(block["value"]) if block["type"] == "paragraph" else block["value"])
            for block in fields.pop("body")
        ]
        demo.page(case_maker, CaseMakerSectionPage, fields.pop("slug"), body=body, **fields)
    for story in DATA["stories"]:
        _story(demo, case_maker, story, sectors, scales, enablers)
    return case_maker


def _label(demo, model, name, slug, description):
    label, created = model.objects.get_or_create(
        slug=slug, defaults={"name": name, "description": description}
    )
    demo.created += created
    return label


def _story(demo, case_maker, story, sectors, scales, enablers):
    storyteller = story.get("storyteller")
    demo.page(
        case_maker,
        CaseStudyPage,
        story["slug"],
        title=story["title"],
        in_brief=story["in_brief"],
        organisation=story["organisation"],
        place=story["place"],
        scale=scales.get(story["scale"]),
        sectors=[sectors[slug] for slug in story["sectors"]],
        enablers=[enablers[slug] for slug in story["enablers"]],
        storyteller=demo.person(storyteller, "Co-founder") if storyteller else None,
        storyteller_name=story.get("storyteller_name", ""),
        storyteller_role=story.get("storyteller_role", ""),
        what_they_did=story["what_they_did"],
        what_changed=story["what_changed"],
        evidence=[("evidence", story["evidence"])],
        quotes=[("quote", story["quote"])],
        listing_image=demo.image(f"story-{story['slug']}", f"Story: {story['title']}", story["palette"]),
    )
