from django.urls import path

from . import views

app_name = "imports"
urlpatterns = [
    path("bao-cao/<int:assignment_id>/", views.upload, name="upload"),
    path("lan/<int:job_id>/", views.job, name="job"),
    path("lan/<int:job_id>/xac-nhan/", views.confirm, name="confirm"),
    path("lo/moi/", views.batch_new, name="batch_new"),
    path("lo/<int:batch_id>/", views.batch, name="batch"),
    path("lo/<int:batch_id>/nhap/", views.batch_import, name="batch_import"),
    path("lo/<int:batch_id>/tep/<int:row_id>/chon/", views.batch_choose, name="batch_choose"),
]
