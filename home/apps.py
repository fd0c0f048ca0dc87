import warnings

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "home"
    verbose_name = "Site"

    def ready(self):
        from . import signals  # noqa: F401
        from .site_url import apply_after_migrate

        post_migrate.connect(apply_after_migrate, sender=self)

        limit_image_pixels()
        share_view_restrictions()


def limit_image_pixels():
    """Make Pillow refuse images over the upload pixel limit as soon as it reads their header.

    Wagtail checks WAGTAILIMAGES_MAX_IMAGE_PIXELS only after decoding the whole image, so a
    decompression bomb under Pillow's own, much higher limit would be inflated in memory first.
    """
    from PIL import Image

    # Pillow raises DecompressionBombError above twice MAX_IMAGE_PIXELS and only warns below it;
    # the error, unlike a warning filter, holds under any runner, so halve the limit and mute the warning.
    Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 2
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


def share_view_restrictions():
    """Read page view restrictions from the shared per-generation cache (see home.page_cache).

    Wagtail queries every restriction on each `.public()` call and two more tables for each page it
    serves; a site with no or few private sections would pay that on every listing and page.
    """
    from functools import partialmethod

    from wagtail.models import Page
    from wagtail.query import PageQuerySet

    from . import page_cache

    PageQuerySet.private_q = page_cache.private_q
    Page.get_view_restrictions = partialmethod(
        page_cache.get_view_restrictions, original=Page.get_view_restrictions
    )
