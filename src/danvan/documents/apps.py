from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "danvan.documents"
    default_auto_field = "django.db.models.BigAutoField"
