"""Newsletter pages for tests."""

import factory
import wagtail_factories

from newsletter import models


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    title = "Newsletter"
    slug = "newsletter"
    intro = factory.Faker("sentence", nb_words=12)

    class Meta:
        model = models.NewsletterIndexPage


class NewsletterIssuePageFactory(wagtail_factories.PageFactory):
    """A published issue; pass `pages=[...]` for its items, in order."""

    title = factory.Faker("sentence", nb_words=4)
    slug = factory.Sequence(lambda n: f"issue-{n}")
    introduction = factory.LazyFunction(lambda: "<p>Hello, and welcome to this issue.</p>")

    class Meta:
        model = models.NewsletterIssuePage
        skip_postgeneration_save = True

    @factory.post_generation
    def pages(issue, create, extracted, **kwargs):
        if create and extracted:
            for page in extracted:
                models.NewsletterItem.objects.create(issue=issue, page=page)
