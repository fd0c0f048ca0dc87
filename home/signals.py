"""Keep cached site chrome (menu, footer, settings) and feed bodies in step with what editors save."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from .feeds import forget_feed_bodies
from .models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings, clear_chrome_cache

CHROME_MODELS = (NavigationSettings, SiteSettings, MainMenuItem, FooterLink)


@receiver(post_save)
@receiver(post_delete)
def chrome_model_changed(sender, **kwargs):
    if sender in CHROME_MODELS:
        clear_chrome_cache()
    if sender is PageViewRestriction or (kwargs.get("signal") is post_delete and issubclass(sender, Page)):
        # Who may see a page, or whether it exists, changes what feed bodies may mention.
        forget_feed_bodies()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, **kwargs):
    # Menu links show page URLs, which move when a page is renamed or unpublished; feed bodies
    # show other pages (glossary marks), which may just have been unpublished or have expired.
    clear_chrome_cache()
    forget_feed_bodies()
