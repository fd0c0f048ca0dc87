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
