"""The moved models' tables take `core`'s names, so the database reads as the code does.

Renaming keeps every row, and the foreign keys that point at the tables follow them.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_take_over_site_models_from_home"),
        ("home", "0008_hand_site_models_to_core"),
    ]

    operations = [
        migrations.AlterModelTable(name=name, table=None)
        for name in ["navigationsettings", "mainmenuitem", "footerlink", "person", "sitesettings", "standardpage"]
    ]
