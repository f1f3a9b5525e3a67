from django.apps import AppConfig


class ExemplarsConfig(AppConfig):
    name = "danvan.exemplars"
    default_auto_field = "django.db.models.BigAutoField"
