from django.contrib import admin
from django.contrib.auth.decorators import login_required

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


# The admin site signs people in through the site's own login page, so its throttling, client
# address and audit apply there too (the admin's own login form would bypass them).
admin.site.login = login_required(admin.site.login)
