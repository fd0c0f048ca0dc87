"""Seed the six groups the organisation already arranges its glossary under."""

from django.db import migrations

GROUPS = [
    ("why-put-relationships-first", "Why put relationships first", "The case for relationships as the first mile, not the extra one."),
    ("types-of-relationships", "Types of relationships", "The different kinds of connection that hold people, places and services together."),
    ("the-cost-of-not-doing-so", "The cost of not doing so", "What is lost when relationships are treated as an optional extra."),
    ("places-and-spaces", "Places and spaces", "Where relationships grow: the settings, buildings and neighbourhoods that help or hinder."),
    ("the-work-of-putting-relationships-first", "The work of putting relationships first", "The practice, roles and ways of working that make relationships happen."),
    ("covid-era-terms", "Covid-era terms", "Words that came into use, or took on new meaning, during the pandemic."),
]


def seed_groups(apps, schema_editor):
    GlossaryGroup = apps.get_model("glossary", "GlossaryGroup")
    for order, (slug, name, description) in enumerate(GROUPS):
        GlossaryGroup.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )


def remove_groups(apps, schema_editor):
    GlossaryGroup = apps.get_model("glossary", "GlossaryGroup")
    GlossaryGroup.objects.filter(slug__in=[slug for slug, _, _ in GROUPS]).delete()


class Migration(migrations.Migration):
    dependencies = [("glossary", "0002_add_terms_groups_and_suggestions")]

    operations = [migrations.RunPython(seed_groups, remove_groups)]
