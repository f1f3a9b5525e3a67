from django.apps import AppConfig


class AnalysisConfig(AppConfig):
    """Indicator analysis: series over periods, comparison across children, year on year,
    across the 2025 reform (no models of its own)."""

    name = "danvan.analysis"
    default_auto_field = "django.db.models.BigAutoField"
