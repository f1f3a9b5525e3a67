from django.apps import AppConfig


class ExemplarsConfig(AppConfig):
    name = "danvan.exemplars"
    verbose_name = "Dân vận khéo"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from danvan import registers

        from . import permissions  # noqa: F401  (adds the register's actions)
        from .provider import ExemplarsProvider

        registers.register(ExemplarsProvider())
