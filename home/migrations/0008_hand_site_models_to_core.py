"""The site-wide models now live in `core` (see core.0001): `home` forgets them, the tables stay."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_add_toolbox_page_to_home_page"),
        ("core", "0001_take_over_site_models_from_home"),
        ("blog", "0005_point_authors_at_core_person"),
        ("casestudies", "0009_point_storyteller_at_core_person"),
        ("events", "0006_point_speakers_at_core_person"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="FooterLink"),
                migrations.DeleteModel(name="MainMenuItem"),
                migrations.DeleteModel(name="NavigationSettings"),
                migrations.DeleteModel(name="Person"),
                migrations.DeleteModel(name="SiteSettings"),
                migrations.DeleteModel(name="StandardPage"),
            ],
        ),
    ]
