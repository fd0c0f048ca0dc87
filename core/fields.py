"""Field shapes the site's models share, so each says only what is particular to it."""

from django.db import models


def optional_link(to, related_name="+", **options):
    """A link that may be left empty and empties itself, rather than deleting the object holding it,
    when what it points to is deleted."""
    return models.ForeignKey(
        to, null=True, blank=True, on_delete=models.SET_NULL, related_name=related_name, **options
    )
