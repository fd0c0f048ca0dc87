"""Factories for the shared models; each app's own are in this package's module named after it."""

from django.utils import timezone

from wagtail.rich_text import RichText

import factory
import wagtail_factories

from core.models import Person, StandardPage
from home.models import HomePage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Faker("sentence", nb_words=3)
    # Large enough for every rendition the site asks for (feeds and social cards use 1200 wide).
    file = factory.django.ImageField(width=1300, height=700, color="#9a3a20")


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name")
    slug = factory.Sequence(lambda n: f"person-{n}")
    role = factory.Faker("job")
    bio = factory.Faker("paragraph")

    class Meta:
        model = Person


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    strapline = factory.Faker("sentence", nb_words=8)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    in_brief = factory.Faker("sentence", nb_words=16)
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Plain words.</p>"))])
    # Publishing stamps this; without it a feed's lastBuildDate falls back to "now" and the
    # body (and its ETag) changes from one second to the next.
    first_published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = StandardPage


def paragraph_body(text):
    """StreamField data for a body of one plain paragraph."""
    return [("paragraph", RichText(f"<p>{text}</p>"))]
