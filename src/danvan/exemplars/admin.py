"""Criteria sets and who assesses/recognises per level are reference data the installation's
administrators keep (a province's own set from its date); entries are read here, changed only
through the register's services."""

from django.contrib import admin

from .models import Authority, CriteriaSet, Entry


@admin.register(CriteriaSet)
class CriteriaSetAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "scope_unit",
        "scoring",
        "pass_score",
        "valid_from",
        "valid_to",
        "yearly_reassessment",
    )
    list_filter = ("scoring", "yearly_reassessment")
    search_fields = ("name", "source")
    raw_id_fields = ("scope_unit",)


@admin.register(Authority)
class AuthorityAdmin(admin.ModelAdmin):
    """Who assesses and who recognises per subtree and level, dated (authority.py)."""

    list_display = (
        "root_unit",
        "level",
        "assessing_unit",
        "recognising_unit",
        "valid_from",
        "valid_to",
    )
    list_filter = ("level",)
    search_fields = ("root_unit__name", "root_unit__code", "source")
    raw_id_fields = ("root_unit", "assessing_unit", "recognising_unit")


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "subject", "field", "owner_unit", "status", "registered_on")
    list_filter = ("kind", "subject", "field", "status")
    search_fields = ("name",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
