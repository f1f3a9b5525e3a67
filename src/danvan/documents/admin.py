from django.contrib import admin

from .models import Document


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("symbol", "kind", "date", "issued_by", "title")
    list_filter = ("system", "type_code")
    search_fields = ("symbol", "title", "issued_by")
