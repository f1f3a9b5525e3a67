"""The administrator extends the catalogues here. Signals, collaborators and grants are not
on the admin site: a named source must never be read by superuser status (see selectors.py)."""

from django.contrib import admin

from .catalogue import SECTIONS
from .models import SocialGroup, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "section", "order", "active")
    list_editable = ("order", "active")
    search_fields = ("name", "code")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "section":
            from django import forms

            return forms.ChoiceField(choices=SECTIONS, label="Đề mục báo cáo")
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(SocialGroup)
class SocialGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "order", "active")
    list_editable = ("order", "active")
    search_fields = ("name", "code")
