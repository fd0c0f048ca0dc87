"""Series that convenings belong to, edited as snippets."""

from django.db import models

from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core.models import SlugFromNameMixin, TaxonomyTerm


@register_snippet
class EventSeries(SlugFromNameMixin, index.Indexed, TaxonomyTerm):
    """A run of related convenings, such as the Relational Councils Network or the Book Club."""

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=120, unique=True, blank=True, help_text="Used in the series' web address."
    )
    description = models.TextField(
        blank=True, max_length=600, help_text="Two or three sentences shown on the series page."
    )

    search_fields = [index.SearchField("name", boost=2), index.AutocompleteField("name")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = "convening series"
        verbose_name_plural = "convening series"
