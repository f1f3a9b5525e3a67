from django.contrib import admin

from .models import AuditEvent
from .services import record_event


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "actor", "action", "object_type", "object_id", "summary")
    list_filter = ("action", "object_type")
    search_fields = ("object_id", "summary")
    readonly_fields = [f.name for f in AuditEvent._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AuditedAdmin(admin.ModelAdmin):
    """Changes made in Django admin leave the same audit trail as changes made in the app."""

    def save_model(self, request, obj, form, change):
        before = (
            {name: str(form.initial.get(name)) for name in form.changed_data} if change else None
        )
        super().save_model(request, obj, form, change)
        after = {name: str(form.cleaned_data.get(name)) for name in form.changed_data}
        record_event(
            request.user,
            f"admin.{'change' if change else 'add'}",
            type(obj).__name__,
            obj.pk,
            summary=str(obj)[:200],
            before=before,
            after=after,
        )

    def delete_model(self, request, obj):
        summary, pk = str(obj)[:200], obj.pk
        super().delete_model(request, obj)
        record_event(request.user, "admin.delete", type(obj).__name__, pk, summary=summary)
