"""Scales become labels editors can rename and describe, seeded with the five the explorer has always had."""

from django.db import migrations, models

SCALES = [
    (
        "individual",
        "Individual",
        "Change in one person's life, or between two people, such as a patient and their doctor.",
    ),
    (
        "team",
        "Team",
        "Change in how a team or small group works together, such as a ward, a class or a mutual aid group.",
    ),
    (
        "organisation",
        "Organisation",
        "Change across a whole organisation, such as a GP practice, a school or a charity.",
    ),
    ("place", "Place", "Change across a neighbourhood, town or city, among the people and services there."),
    (
        "system",
        "System",
        "Change across many organisations at once, such as councils nationwide or a public service.",
    ),
]


def seed_scales(apps, schema_editor):
    Scale = apps.get_model("casestudies", "Scale")
    for order, (slug, name, description) in enumerate(SCALES):
        Scale.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )


def remove_scales(apps, schema_editor):
    Scale = apps.get_model("casestudies", "Scale")
    Scale.objects.filter(slug__in=[slug for slug, _, _ in SCALES]).delete()


class Migration(migrations.Migration):
    dependencies = [("casestudies", "0002_add_sections_facets_and_story_fields")]

    operations = [
        migrations.CreateModel(
            name="Scale",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                ("name", models.CharField(max_length=80, unique=True)),
                (
                    "slug",
                    models.SlugField(
                        help_text="Used in filtered addresses, e.g. ?sector=education",
                        max_length=80,
                        unique=True,
                    ),
                ),
                (
                    "description",
                    models.CharField(
                        blank=True,
                        help_text="One sentence shown under the filter in the story explorer.",
                        max_length=200,
                    ),
                ),
            ],
            options={"ordering": ["sort_order", "name"], "abstract": False},
        ),
        migrations.RunPython(seed_scales, remove_scales),
    ]
