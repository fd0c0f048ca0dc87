from django import template

from ..models.pages import MapPage

register = template.Library()


@register.simple_tag
def map_page():
    """The published map page (None until it is published)."""
    return MapPage.objects.live().public().first()


@register.filter
def shows(entry, field):
    """Whether the submitter made this optional field of their entry public."""
    return entry.shows(field)
