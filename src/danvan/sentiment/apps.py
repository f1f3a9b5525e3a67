from django.apps import AppConfig


class SentimentConfig(AppConfig):
    name = "danvan.sentiment"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Tình hình Nhân dân"

    def ready(self):
        from danvan import registers

        from . import permissions  # noqa: F401  (adds the register's actions)
        from .provider import SentimentProvider

        registers.register(SentimentProvider())
