"""Factories for every searchable page type, so search tests can build a realistic tree."""

import datetime

from wagtail.rich_text import RichText

import factory
import wagtail_factories

from blog.models import BlogIndexPage, BlogPage
from casestudies.models import CaseMakerPage, CaseStudyPage
from events.models import EventIndexPage, EventPage
from glossary.models import GlossaryIndexPage, GlossaryTermPage


def paragraph_body(text):
    return [("paragraph", RichText(f"<p>{text}</p>"))]


class BlogIndexPageFactory(wagtail_factories.PageFactory):
    title = "Blog"
    slug = "blog"

    class Meta:
        model = BlogIndexPage


class BlogPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    in_brief = factory.Faker("sentence", nb_words=12)
    date = factory.Faker("date_between", start_date="-2y", end_date="today")
    body = factory.LazyFunction(lambda: paragraph_body("A post about practice."))

    class Meta:
        model = BlogPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Convenings"
    slug = "convenings"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    in_brief = factory.Faker("sentence", nb_words=12)
    start = factory.Faker("date_time_between", start_date="-1y", end_date="+1y", tzinfo=datetime.UTC)
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=2))
    body = factory.LazyFunction(lambda: paragraph_body("A gathering of practitioners."))

    class Meta:
        model = EventPage


class CaseMakerPageFactory(wagtail_factories.PageFactory):
    title = "Case Maker"
    slug = "case-maker"

    class Meta:
        model = CaseMakerPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=4)
    in_brief = factory.Faker("sentence", nb_words=12)
    body = factory.LazyFunction(lambda: paragraph_body("A story of practice."))

    class Meta:
        model = CaseStudyPage


class GlossaryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Glossary"
    slug = "glossary"

    class Meta:
        model = GlossaryIndexPage


class GlossaryTermPageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("word")
    short_definition = factory.Faker("sentence", nb_words=14)

    class Meta:
        model = GlossaryTermPage
