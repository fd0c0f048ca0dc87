from django.db import migrations

from core.roles import apply_roles


def create_roles(apps, schema_editor):
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_describe_home_hero_image_as_decorative"),
        ("blog", "0002_add_authors_taxonomy_and_newsletter_fields"),
        ("events", "0004_make_event_calendar_uid_unique"),
        ("casestudies", "0002_add_sections_facets_and_story_fields"),
        ("glossary", "0003_seed_glossary_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
