"""A post's authors are people of the `core` app now that people moved there from `home`.

The column and its constraint already point at the right table; only Django's record changes.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0004_newsletter_feed_help_text"),
        ("core", "0001_take_over_site_models_from_home"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="blogpageauthor",
                    name="person",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='blog_authorships', to='core.person'),
                ),
            ],
        ),
    ]
