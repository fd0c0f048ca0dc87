"""StreamField data changes that several apps' migrations make alike.

Migrations import these, so each stays as it is for as long as a migration names it.
"""

from django.db import migrations

from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import RenameStructChildrenOperation

# A testimonial took a quote's fields: "name" became "attribution" and "context" became "role".
TESTIMONIAL_NAMES = [("name", "attribution"), ("context", "role")]


def rename_testimonial_fields(app, model, field):
    """Rename the testimonials' fields in one StreamField, in the pages and in every revision, so
    drafts and history keep their words; unapplied, it renames them back."""

    def renaming(pairs):
        operations = [(RenameStructChildrenOperation(old, new), "testimonial") for old, new in pairs]
        return MigrateStreamData(app, model, field, operations).code

    return migrations.RunPython(
        renaming(TESTIMONIAL_NAMES), renaming((new, old) for old, new in TESTIMONIAL_NAMES)
    )
