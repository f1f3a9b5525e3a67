from django.urls import path

from . import views

app_name = "consolidation"
urlpatterns = [
    path("", views.consolidation, name="view"),
    path("xuat.xlsx", views.consolidation_xlsx, name="xlsx"),
]
