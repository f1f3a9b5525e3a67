from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "danvan.programmes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from danvan import registers

        from . import review  # noqa: F401  (connects the acceptance signal)
        from .review_provider import ReviewProvider

        registers.register(ReviewProvider())

        from danvan.accounts.permissions import register_grant_source

        from .permissions import granted_paths
        from .provider import ProgrammesProvider

        registers.register(ProgrammesProvider())
        register_grant_source(granted_paths)
