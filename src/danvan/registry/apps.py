from django.apps import AppConfig


class RegistryConfig(AppConfig):
    """The document registry. Its label stays "documents" (the app's name before the split into
    registry/ and issuing/) so that existing tables and migrations carry over unchanged."""

    name = "danvan.registry"
    label = "documents"
    verbose_name = "Sổ văn bản"
    default_auto_field = "django.db.models.BigAutoField"
