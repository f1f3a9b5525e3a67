from django.apps import AppConfig


class SentimentConfig(AppConfig):
    name = "danvan.sentiment"
    default_auto_field = "django.db.models.BigAutoField"
