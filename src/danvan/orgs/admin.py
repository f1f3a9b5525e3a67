from django.contrib import admin

from danvan.audit.admin import AuditedAdmin

from .models import OrgSuccession, OrgUnit

# Code, parent, validity and successions are checked as a whole by the import service
# (`danvan units import`, /don-vi/nhap/): the admin only corrects names and notes.
TREE_FIELDS = ("code", "kind", "parent", "valid_from", "valid_to", "path", "depth")


@admin.register(OrgUnit)
class OrgUnitAdmin(AuditedAdmin):
    list_display = ("code", "name", "kind", "issuer_code", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("code", "name", "short_name", "issuer_code")
    readonly_fields = TREE_FIELDS
    ordering = ("path",)

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(OrgSuccession)
class OrgSuccessionAdmin(admin.ModelAdmin):
    list_display = ("predecessor", "successor", "kind", "date")
    list_filter = ("kind",)
    readonly_fields = ("predecessor", "successor", "date", "kind", "note")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
