"""The labels stories are explored by: sectors, enablers and scales, edited as snippets."""

from django.db import models

from wagtail.models import Orderable
from wagtail.snippets.models import register_snippet

from core.models import TaxonomyTerm


class ExplorerLabel(TaxonomyTerm):
    """A value readers filter stories by, with a label and description editors can change."""

    slug = models.SlugField(
        max_length=80, unique=True, help_text="Used in filtered addresses, e.g. ?sector=education"
    )
    description = models.CharField(
        max_length=200, blank=True, help_text="One sentence shown under the filter in the story explorer."
    )

    class Meta(TaxonomyTerm.Meta):
        abstract = True


@register_snippet
class Sector(ExplorerLabel):
    """A field of work such as social care, education or deathcare."""

    class Meta(ExplorerLabel.Meta):
        pass


@register_snippet
class Enabler(ExplorerLabel):
    """Something that made relationship-centred practice possible, such as time or continuity."""

    class Meta(ExplorerLabel.Meta):
        pass


@register_snippet
class Scale(Orderable, ExplorerLabel):
    """How far a story's change reached, from one person to a whole system; editors set the order."""

    class Meta(ExplorerLabel.Meta):
        ordering = ["sort_order", "name"]
