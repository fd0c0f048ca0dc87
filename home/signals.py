"""Keep cached site chrome (menu, footer, settings) in step with what editors save."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from .models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings, clear_chrome_cache

CHROME_MODELS = (NavigationSettings, SiteSettings, MainMenuItem, FooterLink)


@receiver(post_save)
@receiver(post_delete)
def chrome_model_changed(sender, **kwargs):
    if sender in CHROME_MODELS:
        clear_chrome_cache()


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, **kwargs):
    # Menu links show page URLs, which move when a page is renamed or unpublished.
    clear_chrome_cache()
