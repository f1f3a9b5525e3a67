from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "danvan.portal"
    default_auto_field = "django.db.models.BigAutoField"
