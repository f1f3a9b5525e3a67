"""The administrator extends the catalogue of content areas here; each area is also an option
of the "ctpp-linh-vuc" breakdown, so the register's figures count it from then on."""

from django.contrib import admin

from danvan.audit.admin import AuditedAdmin
from danvan.indicators.models import Category, CategoryOption

from .figures import AREA_CATEGORY
from .models import ContentArea


def sync_option(area: ContentArea) -> None:
    category = Category.objects.filter(code=AREA_CATEGORY).first()
    if category is not None:
        CategoryOption.objects.update_or_create(
            category=category, code=area.code, defaults={"name": area.name, "order": area.order}
        )


@admin.register(ContentArea)
class ContentAreaAdmin(AuditedAdmin):
    list_display = ("name", "code", "order", "active")
    list_editable = ("order", "active")
    search_fields = ("name", "code")

    def has_delete_permission(self, request, obj=None):
        return False  # areas in use are kept; an unused one is set inactive

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        sync_option(obj)
