from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "danvan.imports"
    label = "imports"
    verbose_name = "Nhập văn bản"
    default_auto_field = "django.db.models.BigAutoField"
