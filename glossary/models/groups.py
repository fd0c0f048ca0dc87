"""The groups the glossary lists its terms under, edited as snippets."""

from django.db import models

from wagtail.models import Orderable
from wagtail.snippets.models import register_snippet

from core.models import TaxonomyTerm


@register_snippet
class GlossaryGroup(Orderable, TaxonomyTerm):
    """A heading the glossary is arranged under, such as 'Places and spaces'; editors can reorder them."""

    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in links to the group on the glossary page."
    )
    description = models.TextField(
        blank=True, max_length=400, help_text="A sentence shown under the group's heading."
    )

    class Meta(TaxonomyTerm.Meta):
        ordering = ["sort_order"]
        verbose_name = "glossary group"
