import warnings

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate

from PIL import Image

from . import page_cache


class CoreConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Site"

    def ready(self):
        # Imported once apps are loaded: the module reads Wagtail's Site model and registers the
        # site-address system checks.
        from .site_url import apply_after_migrate

        post_migrate.connect(apply_after_migrate, sender=self)

        limit_image_pixels()
        page_cache.connect_signals()


def limit_image_pixels():
    """Make Pillow refuse images over the upload pixel limit as soon as it reads their header.

    Wagtail checks WAGTAILIMAGES_MAX_IMAGE_PIXELS only after decoding the whole image, so a
    decompression bomb under Pillow's own, much higher limit would be inflated in memory first.
    """
    # Pillow raises DecompressionBombError above twice MAX_IMAGE_PIXELS and only warns below it;
    # the error, unlike a warning filter, holds under any runner, so halve the limit and mute the warning.
    Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 2
    warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)
