"""The one shared StreamField vocabulary used by every page body on the site.

Child block names are stored in the database: rename them only with a migration.
"""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

# "glossary" is the glossary app's Draftail entity; unknown features are ignored.
RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "glossary",
]

SAMPLE_TEXT = (
    "<p>Relationships are the first mile, not the extra one: the means by which "
    "other goals are reached, and a goal in their own right.</p>"
)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading"), ("h3", "Subheading")],
        default="h2",
        help_text="Use a section heading first; subheadings sit under a section heading.",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = "A heading that starts a new section of the page"
        preview_value = {"text": "Why relationships come first"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(help_text="Describe the image for people who cannot see it, or mark it decorative")
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=120, help_text="e.g. Photo: Helen Simmons")

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = "A photograph or illustration with alt text, caption and credit"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(
        required=False, max_length=200, help_text="Leave blank to keep it anonymous"
    )
    role = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="What they do or how they took part, e.g. Observatory contributor",
    )

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = "A quotation with the name of the person who said it"
        preview_value = {
            "text": "Relationships are the first mile, not the extra mile.",
            "attribution": "David Robinson",
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    text = blocks.TextBlock(required=False)
    link_text = blocks.CharBlock(max_length=60, help_text="Say where the link goes, e.g. 'Sign up'")
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, help_text="Used when no page is chosen")

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        description = "A highlighted box inviting readers to take one action"
        preview_value = {
            "heading": "Join the conversation",
            "text": "Sign up to hear about our next convening.",
            "link_text": "Sign up to the newsletter",
            "url": "https://example.org/newsletter",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, help_text="Defaults to the document's title")

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        description = "A download link showing the file type and size"


class TestimonialBlock(QuoteBlock):
    """A participant's words, shown as a card rather than a pull quote: a quote in all but its looks."""

    class Meta:
        icon = "user"
        template = "blocks/testimonial_block.html"
        description = "A participant's words about taking part"
        preview_value = {
            "text": "Being in this space has affirmed how much can change with good relationships.",
            "attribution": "Amira",
            "role": "Participant, Side by Side",
        }


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    items = blocks.ListBlock(AccordionItemBlock())

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"
        description = "Questions or topics that readers open one at a time"
        preview_value = {"items": [{"title": "What is relationship-centred practice?", "body": SAMPLE_TEXT}]}


class BodyBlock(blocks.StreamBlock):
    """Blocks every content page can use in its body."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description="Text with headings, lists, links and glossary terms",
        preview_value=SAMPLE_TEXT,
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        icon="media",
        template="blocks/embed_block.html",
        description="A video or post from YouTube, Vimeo and similar sites",
        preview_value="https://www.youtube.com/watch?v=_FMHXd4tMf8",
        max_width=800,
    )
    call_to_action = CallToActionBlock()
    document = DocumentBlock()
    testimonial = TestimonialBlock()
    accordion = AccordionBlock()
    table = TableBlock(
        table_options={"startRows": 3, "startCols": 3},
        icon="table",
        template="blocks/table_block.html",
        description="A simple table of figures or comparisons; give it a caption",
    )
