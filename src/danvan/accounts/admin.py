from django.contrib import admin

from danvan.audit.admin import AuditedAdmin

from .models import LoginFailure, Membership


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ("user", "role", "unit", "granted_by", "granted_at")
    list_filter = ("role",)
    search_fields = ("user__username", "unit__code", "unit__name")
    autocomplete_fields = ("unit",)
    readonly_fields = ("granted_by", "granted_at")


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    list_display = ("username", "ip_address", "at")
    readonly_fields = ("username", "ip_address", "at")
