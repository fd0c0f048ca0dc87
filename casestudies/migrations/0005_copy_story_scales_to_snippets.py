"""Point every story, and every saved revision of one, at the Scale its old choice named.

Revisions matter as much as the stories: Wagtail edits, compares and reverts from the stored
revision, and a revision still holding 'team' where a Scale's id belongs could not be opened.
Kept apart from the schema changes around it because PostgreSQL will not alter a table in the
transaction that has just updated its rows.
"""

from django.db import migrations

# The values of the old choice field, so reversing can tell which scales it can represent.
CHOICES = {"individual", "team", "organisation", "place", "system"}


def story_revisions(apps):
    Revision = apps.get_model("wagtailcore", "Revision")
    return Revision.objects.filter(content_type__app_label="casestudies", content_type__model="casestudypage")


def choices_to_scales(apps, schema_editor):
    Scale = apps.get_model("casestudies", "Scale")
    CaseStudyPage = apps.get_model("casestudies", "CaseStudyPage")
    pks = {}

    def scale_pk(slug):
        if slug not in pks:
            scale, _ = Scale.objects.get_or_create(slug=slug, defaults={"name": slug.capitalize()})
            pks[slug] = scale.pk
        return pks[slug]

    for slug in (
        CaseStudyPage.objects.exclude(scale_choice="").values_list("scale_choice", flat=True).distinct()
    ):
        CaseStudyPage.objects.filter(scale_choice=slug).update(scale=scale_pk(slug))
    for revision in story_revisions(apps).iterator():
        value = revision.content.get("scale")
        if isinstance(value, str):
            revision.content["scale"] = scale_pk(value) if value else None
            revision.save(update_fields=["content"])


def scales_to_choices(apps, schema_editor):
    """Scales editors added since have no old choice to go back to; those stories lose their scale."""
    Scale = apps.get_model("casestudies", "Scale")
    CaseStudyPage = apps.get_model("casestudies", "CaseStudyPage")
    slugs = dict(Scale.objects.filter(slug__in=CHOICES).values_list("pk", "slug"))
    for pk, slug in slugs.items():
        CaseStudyPage.objects.filter(scale=pk).update(scale_choice=slug)
    for revision in story_revisions(apps).iterator():
        value = revision.content.get("scale", "")
        if not isinstance(value, str):
            revision.content["scale"] = slugs.get(value, "")
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("casestudies", "0004_add_scale_snippet_to_case_study_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(choices_to_scales, scales_to_choices)]
