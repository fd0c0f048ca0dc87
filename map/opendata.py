"""The approved entries' public fields as open data (CSV and JSON), under the licence editors set.

Only what each submitter chose to show is exported; a field they kept private is an empty cell.
"""

import csv
import io
import json

from django.http import HttpResponse
from django.utils import timezone

from core.spreadsheets import spreadsheet_safe

from .models.entries import MapEntry

COLUMNS = [
    "id",
    "url",
    "name",
    "kind",
    "region",
    "themes",
    "description",
    "town",
    "scale",
    "looking_for",
    "website",
    "public_contact",
    "joined",
]


def public_rows(page, request):
    """One dict per approved entry, public fields only, in a fixed order (two queries in all)."""
    base = page.get_full_url(request)
    entries = MapEntry.objects.public().prefetch_related("themes").order_by("pk")
    for entry in entries:
        yield {
            "id": entry.pk,
            "url": base + page.reverse_subpage("entry", kwargs={"pk": entry.pk}),
            "name": entry.name,
            "kind": entry.kind,
            "region": entry.region,
            "themes": [theme.name for theme in entry.themes.all()],
            "description": entry.description if entry.shows("description") else "",
            "town": entry.town if entry.shows("town") else "",
            "scale": entry.scale if entry.shows("scale") else "",
            "looking_for": entry.needs if entry.shows("needs") else [],
            "website": entry.website if entry.shows("website") else "",
            "public_contact": entry.public_contact if entry.shows("public_contact") else "",
            "joined": entry.approved_at.date().isoformat() if entry.approved_at else "",
        }


def licence_link(page):
    return f'<{page.data_licence_url}>; rel="license"'


def entries_csv(page, request):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([*COLUMNS, "licence"])
    for row in public_rows(page, request):
        writer.writerow([*(spreadsheet_safe(row[column]) for column in COLUMNS), page.data_licence_url])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="relationships-map.csv"'
    response["Link"] = licence_link(page)
    return response


def entries_json(page, request):
    data = {
        "title": "The Relationships Map: open data",
        "licence": {"name": page.data_licence_name, "url": page.data_licence_url},
        "attribution": "The Relationships Project",
        "generated": timezone.now().isoformat(timespec="seconds"),
        "entries": list(public_rows(page, request)),
    }
    response = HttpResponse(json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json")
    response["Content-Disposition"] = 'inline; filename="relationships-map.json"'
    response["Link"] = licence_link(page)
    return response
