from django.apps import AppConfig


class HeatmapConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "heatmap"
    verbose_name = "Relationships Heatmap"
