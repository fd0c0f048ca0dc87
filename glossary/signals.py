"""Keep the cached terms used to render glossary marks in step with what editors publish."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import GlossaryIndexPage, GlossaryTermPage
from .rich_text import forget_published_terms

GLOSSARY_PAGES = (GlossaryIndexPage, GlossaryTermPage)


@receiver(post_save)
@receiver(post_delete)
@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def glossary_page_changed(sender, **kwargs):
    # Saves cover publishing, unpublishing and renames; view restrictions change who counts as public.
    if sender in GLOSSARY_PAGES or sender is PageViewRestriction:
        forget_published_terms()
