"""The links' new parent field takes the old one's name and place, and the navigation setting goes
(see 0003)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations

LINK_LISTS = {"mainmenuitem": "menu_items", "footerlink": "footer_links"}


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_move_links_to_site_settings"),
    ]

    operations = [
        *(migrations.RemoveField(model_name=name, name="settings") for name in LINK_LISTS),
        *(
            migrations.RenameField(model_name=name, old_name="site_settings", new_name="settings")
            for name in LINK_LISTS
        ),
        *(
            migrations.AlterField(
                model_name=name,
                name="settings",
                field=modelcluster.fields.ParentalKey(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name=related_name,
                    to="core.sitesettings",
                ),
            )
            for name, related_name in LINK_LISTS.items()
        ),
        migrations.DeleteModel(name="NavigationSettings"),
    ]
