"""A story's storyteller is a person of the `core` app now that people moved there from `home`.

The column and its constraint already point at the right table; only Django's record changes.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0008_name_page_types_as_readers_see_them"),
        ("core", "0001_take_over_site_models_from_home"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="casestudypage",
                    name="storyteller",
                    field=models.ForeignKey(blank=True, help_text='Who tells this story, if they are in People.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.person'),
                ),
            ],
        ),
    ]
