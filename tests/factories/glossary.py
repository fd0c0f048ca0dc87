"""Factories for the glossary's pages, groups and suggestions."""

import factory
import wagtail_factories

from glossary import models


class GlossaryGroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    description = factory.Faker("sentence", nb_words=10)

    class Meta:
        model = models.GlossaryGroup


class GlossaryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Glossary"
    slug = "glossary"
    introduction = factory.Faker("sentence", nb_words=12)

    class Meta:
        model = models.GlossaryIndexPage


class GlossaryTermPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Term {n}")
    short_definition = factory.Faker("sentence", nb_words=14)

    class Meta:
        model = models.GlossaryTermPage


class GlossarySuggestionFactory(factory.django.DjangoModelFactory):
    term = factory.Faker("word")
    definition = factory.Faker("sentence", nb_words=16)

    class Meta:
        model = models.GlossarySuggestion
