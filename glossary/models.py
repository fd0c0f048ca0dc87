"""The glossary of relational terms and phrases."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class GlossaryIndexPage(Page):
    """All terms at /glossary/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["glossary.GlossaryTermPage"]
    max_count = 1


class GlossaryTermPage(Page):
    """One term or phrase, with its own address and revision history."""

    short_definition = models.TextField(
        max_length=400, help_text="One or two plain sentences; shown in tooltips, cards and search."
    )

    search_fields = [*Page.search_fields, index.SearchField("short_definition", boost=2)]
    content_panels = [*Page.content_panels, FieldPanel("short_definition")]

    parent_page_types = ["glossary.GlossaryIndexPage"]
    subpage_types = []
