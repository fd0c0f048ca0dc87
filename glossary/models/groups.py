"""The groups the glossary lists its terms under, edited as snippets."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable
from wagtail.snippets.models import register_snippet


@register_snippet
class GlossaryGroup(Orderable):
    """A heading the glossary is arranged under, such as 'Places and spaces'; editors can reorder them."""

    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in links to the group on the glossary page."
    )
    description = models.TextField(
        blank=True, max_length=400, help_text="A sentence shown under the group's heading."
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "glossary group"

    def __str__(self):
        return self.name
