from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ProgrammesConfig(AppConfig):
    name = "danvan.programmes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from danvan import registers

        from . import review  # noqa: F401  (connects the acceptance signal)
        from .review_provider import ReviewProvider

        registers.register(ReviewProvider())
        post_migrate.connect(
            review.seed_joint_activities, sender=self, dispatch_uid="danvan.programmes.review.seed"
        )

        from danvan.accounts.permissions import register_grant_source

        from .permissions import granted_paths
        from .provider import ProgrammesProvider

        registers.register(ProgrammesProvider())
        register_grant_source(granted_paths)
