"""Factories for convenings: the programme page, series and events (published through revisions)."""

import datetime

from django.utils import timezone

from wagtail.rich_text import RichText

import factory
import wagtail_factories

from events import models


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Convenings"
    slug = "convenings"
    intro = factory.Faker("sentence", nb_words=12)

    class Meta:
        model = models.EventIndexPage


class EventSeriesFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Series {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")
    description = factory.Faker("sentence", nb_words=12)

    class Meta:
        model = models.EventSeries


class EventPageFactory(wagtail_factories.PageFactory):
    """An online convening a fortnight ahead; pass `start` to place it elsewhere in time."""

    title = factory.Faker("sentence", nb_words=4)
    slug = factory.Sequence(lambda n: f"event-{n}")
    in_brief = factory.Faker("sentence", nb_words=14)
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(minutes=90))
    format = models.EventFormat.ONLINE
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>What we will explore together.</p>"))])

    class Meta:
        model = models.EventPage
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(event, create, extracted, **kwargs):
        """Publish live events through a revision, as the admin does; `publish=False` skips it for speed."""
        if create and event.live and extracted is not False:
            event.save_revision().publish()


class EventPageSpeakerFactory(factory.django.DjangoModelFactory):
    person = factory.SubFactory("tests.factories.PersonFactory")
    role = "Kitchen Table Guest"

    class Meta:
        model = models.EventPageSpeaker


class EventPagePartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("company")
    url = factory.Faker("url")

    class Meta:
        model = models.EventPagePartner
