from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "danvan.search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 - connects the index's receivers
