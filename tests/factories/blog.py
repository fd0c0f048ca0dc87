"""Factories for the blog: categories, series, the index page and posts."""

import datetime

from wagtail.rich_text import RichText

import factory
import wagtail_factories

from blog import models
from tests.factories import PersonFactory


class CategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.Sequence(lambda n: f"category-{n}")
    description = factory.Faker("sentence", nb_words=12)

    class Meta:
        model = models.Category


class SeriesFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")
    description = factory.Faker("sentence", nb_words=12)

    class Meta:
        model = models.Series


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Blog"
    slug = "blog"
    in_brief = factory.Faker("sentence", nb_words=12)

    class Meta:
        model = models.BlogIndexPage


class BlogPageFactory(wagtail_factories.PageFactory):
    """A live post by one new author; pass `authors=[person, ...]` and `tags=["name", ...]` to choose."""

    title = factory.Faker("sentence", nb_words=5)
    in_brief = factory.Faker("sentence", nb_words=16)
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    category = factory.SubFactory(CategoryFactory)
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Relationships are the first mile.</p>"))])

    class Meta:
        model = models.BlogPage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(obj, create, extracted, **kwargs):
        if not create:
            return
        for order, person in enumerate(extracted if extracted is not None else [PersonFactory()]):
            models.BlogPageAuthor.objects.create(page=obj, person=person, sort_order=order)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.add(*extracted)
            obj.save()
