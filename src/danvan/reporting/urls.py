from django.urls import path

from . import register_views, views

app_name = "reporting"
urlpatterns = [
    path("hop-thu/", views.inbox, name="inbox"),
    path("nop/<int:assignment_id>/", views.submission, name="submission"),
    path(
        "nop/<int:assignment_id>/so-theo-doi/",
        register_views.register_figures_page,
        name="register_figures",
    ),
    path("nop/<int:assignment_id>/<str:decision>/", views.review, name="review"),
    path(
        "nop/<int:assignment_id>/so-sanh/<int:first>/<int:second>/", views.compare, name="compare"
    ),
    path("yeu-cau/", views.request_list, name="requests"),
    path("yeu-cau/moi/", views.issue, name="issue"),
    path("yeu-cau/<int:request_id>/", views.board, name="board"),
    path("yeu-cau/<int:request_id>/xuat.<str:fmt>", views.board_export, name="board_export"),
    path("de-cuong/", views.template_list, name="templates"),
    path("de-cuong/moi/", views.template_edit, name="template_new"),
    path("de-cuong/<int:template_id>/", views.template_detail, name="template"),
    path("de-cuong/<int:template_id>/phien-ban-moi/", views.template_edit, name="template_version"),
    path("chi-tieu/", views.indicator_list, name="indicators"),
]
