from django import template

register = template.Library()


@register.filter
def shows(entry, field):
    """Whether the submitter made this optional field of their entry public."""
    return entry.shows(field)
