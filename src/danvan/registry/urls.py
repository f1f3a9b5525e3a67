from django.urls import path

from . import views

app_name = "registry"
urlpatterns = [
    path("so/", views.registry, name="registry"),
    path("so/xuat.csv", views.registry_export, name="registry_export"),
    path("so/nhap/", views.registry_import, name="registry_import"),
    path("so/<int:document_id>/", views.registry_document, name="registry_document"),
]
