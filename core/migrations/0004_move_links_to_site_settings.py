"""Each menu and footer link moves to the site settings (see 0003); back, to a navigation setting."""

from django.db import migrations

LINK_MODELS = ("mainmenuitem", "footerlink")


def first_or_new(model):
    return model.objects.order_by("pk").first() or model.objects.create()


def links_to_site_settings(apps, schema_editor):
    site_settings = first_or_new(apps.get_model("core", "SiteSettings"))
    for name in LINK_MODELS:
        apps.get_model("core", name).objects.update(site_settings=site_settings)


def links_to_navigation(apps, schema_editor):
    navigation = first_or_new(apps.get_model("core", "NavigationSettings"))
    for name in LINK_MODELS:
        apps.get_model("core", name).objects.update(settings=navigation)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_menus_join_site_settings"),
    ]

    operations = [migrations.RunPython(links_to_site_settings, links_to_navigation)]
