"""Factories for the Case Maker: explorer labels, the Case Maker page, its sections and stories."""

import factory
import wagtail_factories

from casestudies import models


class SectorFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sector {n}")
    slug = factory.Sequence(lambda n: f"sector-{n}")
    description = factory.Faker("sentence", nb_words=8)

    class Meta:
        model = models.Sector


class ScaleFactory(factory.django.DjangoModelFactory):
    """A scale; the five a migration seeds are reused by slug, e.g. ScaleFactory(slug="team")."""

    name = factory.LazyAttribute(lambda scale: scale.slug.replace("-", " ").capitalize())
    slug = factory.Sequence(lambda n: f"scale-{n}")
    description = factory.Faker("sentence", nb_words=8)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = models.Scale
        django_get_or_create = ("slug",)


class EnablerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Enabler {n}")
    slug = factory.Sequence(lambda n: f"enabler-{n}")
    description = factory.Faker("sentence", nb_words=8)

    class Meta:
        model = models.Enabler


class CaseMakerPageFactory(wagtail_factories.PageFactory):
    title = "Case Maker"
    slug = "case-maker"
    in_brief = factory.Faker("sentence", nb_words=12)

    class Meta:
        model = models.CaseMakerPage


class CaseMakerSectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=5)
    in_brief = factory.Faker("sentence", nb_words=12)
    body = factory.LazyFunction(
        lambda: [
            (
                "evidence",
                {"figure": "9 million", "label": "people cared", "source": "YouGov, 2020", "source_url": ""},
            )
        ]
    )

    class Meta:
        model = models.CaseMakerSectionPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    in_brief = factory.Faker("sentence", nb_words=14)
    organisation = factory.Faker("company")
    place = factory.Faker("city")
    scale = factory.SubFactory(ScaleFactory, slug="organisation")
    what_they_did = factory.Faker("paragraph", nb_sentences=3)
    what_changed = factory.Faker("paragraph", nb_sentences=3)
    quotes = factory.LazyFunction(
        lambda: [
            ("quote", {"text": "We did what anyone would do.", "attribution": "A neighbour", "role": ""})
        ]
    )

    class Meta:
        model = models.CaseStudyPage
