from django.db import migrations

from core.roles import apply_roles


def give_roles_the_map(apps, schema_editor):
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_create_editorial_roles"),
        ("map", "0001_create_map_entries_themes_and_page"),
    ]

    operations = [migrations.RunPython(give_roles_the_map, migrations.RunPython.noop)]
