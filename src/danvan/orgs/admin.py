from django.contrib import admin

from .models import OrgSuccession, OrgUnit


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "issuer_code", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("code", "name", "short_name", "issuer_code")
    readonly_fields = ("path", "depth")
    ordering = ("path",)

    def get_readonly_fields(self, request, obj=None):
        # Moving a unit rewrites its subtree's paths: that goes through the checked import.
        return self.readonly_fields + (("code", "parent") if obj else ())

    def save_model(self, request, obj, form, change):
        obj.path = obj.compute_path()
        obj.depth = obj.path.count("/") - 1
        super().save_model(request, obj, form, change)


@admin.register(OrgSuccession)
class OrgSuccessionAdmin(admin.ModelAdmin):
    list_display = ("predecessor", "successor", "kind", "date")
    list_filter = ("kind",)
    autocomplete_fields = ("predecessor", "successor")
