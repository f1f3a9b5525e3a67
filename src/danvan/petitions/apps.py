from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "danvan.petitions"
    default_auto_field = "django.db.models.BigAutoField"
