from django.apps import AppConfig


class IssuingConfig(AppConfig):
    """“Xuất văn bản”: the board's own reports written as Party or State documents."""

    name = "danvan.issuing"
    verbose_name = "Xuất văn bản"
