from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """The editors' everyday admin: dashboard, pre-publish checklist, draft sharing and previews."""

    name = "editorial"
    default_auto_field = "django.db.models.BigAutoField"
