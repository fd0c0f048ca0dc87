"""A convening's speakers are people of the `core` app now that people moved there from `home`.

The column and its constraint already point at the right table; only Django's record changes.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_name_page_types_as_readers_see_them"),
        ("core", "0001_take_over_site_models_from_home"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="eventpagespeaker",
                    name="person",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.person'),
                ),
            ],
        ),
    ]
