"""The story's scale becomes a link to a Scale; the old choice is kept aside until its value is copied."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0003_add_scale_snippet")]

    operations = [
        migrations.RenameField(model_name="casestudypage", old_name="scale", new_name="scale_choice"),
        migrations.AddField(
            model_name="casestudypage",
            name="scale",
            field=models.ForeignKey(
                blank=True,
                help_text="How far the change reached, from one person to a whole system.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="case_studies",
                to="casestudies.scale",
            ),
        ),
    ]
