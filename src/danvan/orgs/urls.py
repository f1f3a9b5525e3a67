from django.urls import path

from . import views

app_name = "orgs"
urlpatterns = [
    path("", views.tree, name="tree"),
    path("nhap/", views.import_units, name="import"),
    path("xuat/<str:fmt>", views.export_units, name="export"),
    path("<str:code>/", views.unit_detail, name="detail"),
]
