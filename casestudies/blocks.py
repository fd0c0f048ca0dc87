"""StreamField blocks only the Case Maker uses: evidence, and a body vocabulary that includes it.

Child block names are stored in the database: rename them only with a migration.
"""

from wagtail import blocks

from core.blocks import BodyBlock


class EvidenceBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        max_length=40, help_text="The number or short fact that stands out, e.g. 9 million or 70%"
    )
    label = blocks.CharBlock(
        max_length=250,
        help_text="What the figure shows, as a sentence a reader could quote, e.g. 'people cared for "
        "others outside their family in 2020'",
    )
    source = blocks.CharBlock(
        max_length=250, help_text="Who found it and where, e.g. YouGov for The Relationships Project, 2020"
    )
    source_url = blocks.URLBlock(required=False, label="Source link", help_text="Where readers can check it")

    class Meta:
        icon = "decimal"
        template = "casestudies/blocks/evidence_block.html"
        description = "A statistic or finding with the claim it supports and its source"
        preview_value = {
            "figure": "9 million",
            "label": "people cared for others outside their own family for more than three hours a week in 2020",
            "source": "YouGov for The Relationships Project, autumn 2020",
            "source_url": "https://relationshipsproject.org/",
        }


class CaseMakerBlock(BodyBlock):
    """The shared body blocks plus evidence, for the Case Maker's sections and stories."""

    evidence = EvidenceBlock()
