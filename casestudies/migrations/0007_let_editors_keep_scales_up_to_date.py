"""Give each editorial role the same rights over scales as over sectors and enablers (see core.roles)."""

from django.db import migrations

from core.roles import ADMINISTRATORS, EDITORS, MODERATORS, model_permissions_for

ROLES = (EDITORS, MODERATORS, ADMINISTRATORS)


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(
            *[
                permission
                for permission in model_permissions_for(apps, group.name)
                if (permission.content_type.app_label, permission.content_type.model)
                == ("casestudies", "scale")
            ]
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    scale = Permission.objects.filter(content_type__app_label="casestudies", content_type__model="scale")
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.remove(*scale)


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0006_remove_case_study_page_scale_choice"),
        ("home", "0004_create_editorial_roles"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
