"""What editors write for a Heatmap: contexts it suits, and sections of elements with their statements.

Child block names are stored in the database and in every frozen version: rename them only with a
migration. Statements and elements are matched across versions by their block ids, so editors who
reword a statement keep its place in comparisons over time, and a new statement gets a new id.
"""

from wagtail import blocks

from core.blocks import RICH_TEXT_FEATURES

# Score bands: the mean of an element's statements falls in one of these.
BANDS = [
    ("work_on", "An area to work on (average below 3)"),
    ("developing", "Developing (average from 3 to below 4)"),
    ("strength", "A strength (average 4 or more)"),
]


class ContextBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=60, help_text="e.g. A team, An organisation, A place, A classroom")
    description = blocks.TextBlock(required=False, max_length=300)

    class Meta:
        icon = "group"
        template = "heatmap/blocks/context_block.html"
        description = "A setting the Heatmap suits, with a line on how to use it there"
        preview_value = {"name": "A team", "description": "Take it together and compare."}


class NextStepBlock(blocks.StructBlock):
    band = blocks.ChoiceBlock(choices=BANDS, default="work_on")
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"], max_length=1500)
    links = blocks.ListBlock(
        blocks.PageChooserBlock(),
        required=False,
        help_text="Glossary terms, Case Maker stories, posts or toolbox pages that help with this step.",
    )

    class Meta:
        icon = "arrow-right"
        description = "Practical next steps for people whose element falls in this score band"


class ElementBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=60, help_text="Short: it labels a row of the heatmap.")
    explanation = blocks.TextBlock(max_length=500, help_text="One or two sentences on what this element is.")
    statements = blocks.ListBlock(
        blocks.CharBlock(max_length=200),
        min_num=1,
        max_num=8,
        help_text="Statements a person rates on the scale; three to five work best.",
    )
    next_steps = blocks.ListBlock(NextStepBlock(), required=False)

    class Meta:
        icon = "form"
        description = "One element of practice"


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80)
    introduction = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, required=False)
    elements = blocks.ListBlock(ElementBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        description = "A step of the Heatmap: a group of elements answered together"
