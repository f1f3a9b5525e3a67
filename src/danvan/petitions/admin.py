"""The tables the administrator keeps: the national catalogue mapping (time limits and the
working-day calendar have their own page, /tiep-dan-don-thu/thoi-han/)."""

from django.contrib import admin

from .models import NationalCode


@admin.register(NationalCode)
class NationalCodeAdmin(admin.ModelAdmin):
    list_display = ("catalogue", "local_code", "national_code", "label")
    list_filter = ("catalogue",)
    search_fields = ("local_code", "national_code", "label")
