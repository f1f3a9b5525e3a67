from django.urls import path

from . import views

app_name = "issuing"
urlpatterns = [
    path("bao-cao/<int:assignment_id>/xuat/", views.export_submission, name="export_submission"),
    path(
        "tong-hop/<int:request_id>/xuat/", views.export_consolidation, name="export_consolidation"
    ),
    path(
        "tong-hop/don-vi/<str:unit_code>/<str:period_code>/xuat/",
        views.export_unit_consolidation,
        name="export_unit_consolidation",
    ),
]
