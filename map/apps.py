from django.apps import AppConfig


class MapConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "map"
    verbose_name = "Relationships Map"

    def ready(self):
        from . import signals  # noqa: F401
