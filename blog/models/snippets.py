"""The snippets posts are filed under: categories and series."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet

from core.models import SlugFromNameMixin, TaxonomyTerm


class ArchiveSnippet(SlugFromNameMixin, models.Model):
    """A way of grouping posts that has its own archive page, addressed by slug."""

    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="Used in the archive's web address; leave blank to make one from the name.",
    )
    description = models.TextField(
        blank=True, max_length=600, help_text="One or two sentences shown at the top of the archive page."
    )

    class Meta:
        abstract = True


@register_snippet
class Category(TaxonomyTerm, ArchiveSnippet):
    """The one broad subject of a post, such as Key Concepts, Reflections, Policy or Practice."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name_plural = "categories"


@register_snippet
class Series(ArchiveSnippet):
    """Posts meant to be read in order, such as "Key Concepts" or "Joining the Dots"."""

    title = models.CharField(max_length=120, unique=True)

    panels = [FieldPanel("title"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "series"

    def __str__(self):
        return self.title
