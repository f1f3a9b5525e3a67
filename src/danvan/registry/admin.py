from django.contrib import admin

from .models import Document, IssuedNumber, NumberSeries


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("symbol", "kind", "date", "issued_by", "title")
    list_filter = ("system", "type_code")
    search_fields = ("symbol", "title", "issued_by")


@admin.register(NumberSeries)
class NumberSeriesAdmin(admin.ModelAdmin):
    list_display = ("issuer", "system", "type_code", "series", "last_number")
    list_filter = ("system", "type_code", "series")
    readonly_fields = ("last_number",)


@admin.register(IssuedNumber)
class IssuedNumberAdmin(admin.ModelAdmin):
    list_display = (
        "issuer",
        "type_code",
        "series_key",
        "number",
        "document",
        "allocated_by",
        "allocated_at",
    )
    list_filter = ("type_code", "series_key")
    readonly_fields = (
        "series",
        "issuer",
        "type_code",
        "series_key",
        "number",
        "document",
        "allocated_by",
    )
