from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.login_view, name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("doi-mat-khau/", views.password_change, name="password_change"),
    path("phan-quyen/", views.roles, name="roles"),
    path("phan-quyen/<int:membership_id>/thu-hoi/", views.revoke, name="revoke"),
]
