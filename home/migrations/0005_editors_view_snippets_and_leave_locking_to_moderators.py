from django.db import migrations

from core.roles import apply_roles


def reapply_roles(apps, schema_editor):
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("home", "0004_create_editorial_roles")]

    operations = [migrations.RunPython(reapply_roles, migrations.RunPython.noop)]
