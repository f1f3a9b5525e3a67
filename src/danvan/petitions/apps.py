from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "danvan.petitions"
    verbose_name = "Tiếp dân, đơn thư"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from danvan import registers

        from . import permissions  # noqa: F401  (adds the register's actions)
        from .provider import PetitionsProvider

        registers.register(PetitionsProvider())
