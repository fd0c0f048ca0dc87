"""A map entry with hostile text in every field the public form takes, for the stored-XSS suite."""

from django.test import Client

from map.models import MapEntry, Status
from map.models.entries import PUBLIC_FIELD_CHOICES
from map.tokens import CONFIRM, MANAGE, make_token
from tests.factories.map import MapPageFactory, ThemeFactory

from .helpers import JOIN_URL, valid_submission


def submit_hostile_entry(home, payload, rich_payload, linked_term):
    """Submit `payload` through the real Add yourself form, approve it, and return the entry with every
    public address that shows it (the form shows the editors' privacy notice, which carries it too)."""
    MapPageFactory(parent=home, introduction=payload, in_brief=payload, privacy_notice=rich_payload)
    theme = ThemeFactory(name=payload, slug="hostile-theme", description=payload)
    visitor = Client(REMOTE_ADDR="198.51.100.66")
    fields = {"name": payload, "description": payload, "town": payload, "themes": [theme.pk]}
    everything_public = [key for key, _ in PUBLIC_FIELD_CHOICES]
    response = visitor.post(
        JOIN_URL, valid_submission(**fields, kind="organisation", public_fields=everything_public)
    )
    assert response.status_code == 302, response.content
    entry = MapEntry.objects.get(name=payload)
    entry.status = Status.APPROVED
    entry.save()
    entry.glossary_terms.set([linked_term])
    return entry, [
        "/map/",
        "/map/?theme=hostile-theme&region=north-west",
        f"/map/entries/{entry.pk}/",
        f"/map/confirm/{make_token(entry, CONFIRM)}/",
        f"/map/manage/{make_token(entry, MANAGE)}/",
        JOIN_URL,
    ]
