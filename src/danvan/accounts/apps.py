from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "danvan.accounts"
    default_auto_field = "django.db.models.BigAutoField"
