from django.apps import AppConfig


class ExemplarsConfig(AppConfig):
    name = "danvan.exemplars"
    verbose_name = "Dân vận khéo"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from danvan import registers
        from danvan.accounts.permissions import register_grant_source

        from . import permissions  # noqa: F401  (adds the register's actions)
        from .authority import granted_paths
        from .provider import ExemplarsProvider

        registers.register(ExemplarsProvider())
        register_grant_source(granted_paths)
