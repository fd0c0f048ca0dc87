"""Factories for the Relationships Map: its page, themes and entries (approved unless told otherwise)."""

from django.utils import timezone

import factory
import wagtail_factories

from map import models
from map.models.entries import PUBLIC_FIELD_CHOICES


class MapPageFactory(wagtail_factories.PageFactory):
    title = "Relationships Map"
    slug = "map"
    in_brief = factory.Faker("sentence", nb_words=12)
    introduction = factory.Faker("sentence", nb_words=14)
    privacy_notice = "<p>We keep what you tell us only to show your entry as you choose.</p>"

    class Meta:
        model = models.MapPage


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")

    class Meta:
        model = models.Theme


class MapEntryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Entry {n}")
    kind = "organisation"
    description = factory.Faker("sentence", nb_words=14)
    region = "london"
    email = factory.Sequence(lambda n: f"entry{n}@example.org")
    public_fields = [key for key, _ in PUBLIC_FIELD_CHOICES]
    status = models.Status.APPROVED
    approved_at = factory.LazyFunction(timezone.now)
    allow_indexing = True

    class Meta:
        model = models.MapEntry
        skip_postgeneration_save = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)
