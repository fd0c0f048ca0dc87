"""Keep cached site chrome (menu, footer, settings) and cached pages in step with what editors save."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import FooterLink, MainMenuItem, NavigationSettings, SiteSettings
from .page_cache import bump_generation

CHROME_MODELS = (NavigationSettings, SiteSettings, MainMenuItem, FooterLink)


def is_public_content(model):
    """Models whose changes can show on a public page: pages, snippets, settings, menus, media, sites
    and the promoted search results."""
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    bases = (
        Page,
        Site,
        PageViewRestriction,
        AbstractImage,
        AbstractDocument,
        BaseGenericSetting,
        BaseSiteSetting,
        SearchPromotion,
    )
    return issubclass(model, bases) or model in CHROME_MODELS or model in get_snippet_models()


@receiver(post_save)
def content_model_saved(sender, **kwargs):
    # A page's own saves are drafts until published, which page_published covers.
    if not issubclass(sender, Page) and is_public_content(sender):
        bump_generation()


@receiver(post_delete)
def content_model_deleted(sender, **kwargs):
    if is_public_content(sender):
        bump_generation()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_life_changed(sender, instance, **kwargs):
    bump_generation()
    purge_frontend_cache(instance)


def purge_frontend_cache(page):
    """Ask the CDN to drop the page and the pages that list it (its parent, home, the feeds)."""
    from django.conf import settings

    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    # Wagtail's frontend_cache app purges the page itself; add the pages that list it.
    batch = PurgeBatch()
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        batch.add_page(parent)
    site = page.get_site()
    if site is not None:
        batch.add_page(site.root_page)
        batch.add_urls(site.root_url + path for path in settings.FRONTEND_CACHE_ALSO_PURGE)
    batch.purge()
