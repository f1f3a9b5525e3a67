from django.apps import AppConfig


class ConsolidationConfig(AppConfig):
    name = "danvan.consolidation"
    default_auto_field = "django.db.models.BigAutoField"
