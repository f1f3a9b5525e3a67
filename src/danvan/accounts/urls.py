from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("dang-nhap/", views.login_view, name="login"),
    path("dang-xuat/", views.logout_view, name="logout"),
    path("doi-mat-khau/", views.password_change, name="password_change"),
    path("phan-quyen/", views.roles, name="roles"),
    path("phan-quyen/<int:membership_id>/thu-hoi/", views.revoke, name="revoke"),
    path("phan-quyen/dat-lai-mat-khau/", views.admin_reset, name="admin_reset"),
    path("quen-mat-khau/", views.ForgotPassword.as_view(), name="password_reset"),
    path("quen-mat-khau/da-gui/", views.ForgotPasswordSent.as_view(), name="password_reset_done"),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        views.ResetPassword.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        views.ResetPasswordDone.as_view(),
        name="password_reset_complete",
    ),
]
