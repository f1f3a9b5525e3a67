from django.urls import path

from . import views

app_name = "tokens"
urlpatterns = [
    path("", views.mine, name="mine"),
    path("quan-tri/", views.manage, name="manage"),
    path("<int:token_id>/thu-hoi/", views.revoke, name="revoke"),
]
