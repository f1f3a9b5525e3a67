from django.apps import AppConfig


class TokensConfig(AppConfig):
    name = "danvan.tokens"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = "Mã truy cập API"
