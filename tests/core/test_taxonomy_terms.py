"""Every kind of taxonomy term has the fields its edit form shows, a unique slug, and its name as its label."""

from django.apps import apps
from django.test import SimpleTestCase

from core.models import TaxonomyTerm

KINDS = {
    "blog.Category",
    "casestudies.Enabler",
    "casestudies.Scale",
    "casestudies.Sector",
    "events.EventSeries",
    "glossary.GlossaryGroup",
    "map.Theme",
}


class TaxonomyTermTests(SimpleTestCase):
    def test_every_kind_declares_what_the_shared_panels_edit(self):
        kinds = [model for model in apps.get_models() if issubclass(model, TaxonomyTerm)]
        self.assertLessEqual(KINDS, {model._meta.label for model in kinds})
        for model in kinds:
            with self.subTest(model._meta.label):
                for panel in model.panels:
                    model._meta.get_field(panel.field_name)
                self.assertTrue(model._meta.get_field("slug").unique)
                self.assertEqual(str(model(name="Health and care")), "Health and care")
