from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _seed(sender, **kwargs):
    from .services import seed_catalogue

    seed_catalogue()


class IndicatorsConfig(AppConfig):
    name = "danvan.indicators"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The seed catalogue is reference data every installation needs, demo or not.
        post_migrate.connect(_seed, sender=self, dispatch_uid="danvan.indicators.seed")
