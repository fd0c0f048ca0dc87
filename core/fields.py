"""Field shapes the site's models share, so each says only what is particular to it."""

from django.db import models


def optional_link(to, related_name="+", **options):
    """A link that may be left empty and empties itself, rather than deleting the object holding it,
    when what it points to is deleted."""
    return models.ForeignKey(
        to, null=True, blank=True, on_delete=models.SET_NULL, related_name=related_name, **options
    )


def optional_url(verbose_name=None, **options):
    """A web address that may be left empty, with room for the long ones that meeting, sign-up and
    file-sharing services hand out (Django's default of 200 characters cuts some short)."""
    return models.URLField(verbose_name, blank=True, max_length=500, **options)
