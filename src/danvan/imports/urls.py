from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("bao-cao/<int:assignment_id>/", views.upload, name="upload"),
    path("lan/<int:job_id>/", views.job, name="job"),
    path("lan/<int:job_id>/xac-nhan/", views.confirm, name="confirm"),
]
