from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    """Newsletter issues built in the admin from what the site published since the last one."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "newsletter"
    verbose_name = "Newsletter"
