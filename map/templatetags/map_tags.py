from django import template

from home.page_cache import per_generation

from ..models.pages import MapPage

register = template.Library()


@register.simple_tag
def map_page():
    """The published map page, looked up once per content generation (None until it is published)."""
    return per_generation("map-page", lambda: MapPage.objects.live().public().first())


@register.filter
def shows(entry, field):
    """Whether the submitter made this optional field of their entry public."""
    return entry.shows(field)
