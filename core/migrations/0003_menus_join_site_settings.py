"""The main menu and footer links belong to the site settings, and the navigation setting goes.

One setting holds the whole of the site's chrome, so a page reads it in one query. Each link keeps
its text, target and place; it moves from the (only) navigation setting to the (only) site
settings. Three migrations, as PostgreSQL will not change a table's schema in the transaction that
changed its rows: this one gives each link a second, empty parent field; 0004 moves the links;
0005 drops the old field and the navigation setting. Every step reverses.
"""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations

LINK_LISTS = {"mainmenuitem": "menu_items", "footerlink": "footer_links"}


def link_field(related_name, to, **options):
    return modelcluster.fields.ParentalKey(
        on_delete=django.db.models.deletion.CASCADE, related_name=related_name, to=to, **options
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_rename_site_tables"),
    ]

    operations = [
        *(
            migrations.AlterField(
                model_name=name,
                name="settings",
                field=link_field(related_name, "core.navigationsettings", null=True),
            )
            for name, related_name in LINK_LISTS.items()
        ),
        *(
            migrations.AddField(
                model_name=name,
                name="site_settings",
                field=link_field("+", "core.sitesettings", null=True),
            )
            for name in LINK_LISTS
        ),
    ]
