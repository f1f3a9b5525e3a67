from django.urls import path

from . import actions, views

app_name = "exemplars"
urlpatterns = [
    path("", views.index, name="index"),
    path("so-lieu/", views.counts, name="counts"),
    path("dang-ky/", actions.create, name="create"),
    path("dot-dang-ky/", views.campaign_list, name="campaigns"),
    path("dot-dang-ky/<int:request_id>/", views.campaign, name="campaign"),
    path("xuat/xlsx", views.export_xlsx, name="export"),
    path("xuat/docx", views.export_docx, name="export_docx"),
    path("mau/danh-muc.xlsx", views.template_xlsx, name="template"),
    path("nhap/", views.import_xlsx, name="import"),
    path("<int:entry_id>/", views.detail, name="detail"),
    path("<int:entry_id>/sua/", actions.edit, name="edit"),
    path("<int:entry_id>/chuyen-trang-thai/", actions.transition, name="transition"),
    path("<int:entry_id>/danh-gia/", actions.assess, name="assess"),
    path("<int:entry_id>/cong-nhan/", actions.recognise, name="recognise"),
    path("<int:entry_id>/dau-ra/", actions.output, name="output"),
    path("<int:entry_id>/gop/", actions.merge, name="merge"),
    path("<int:entry_id>/phoi-hop/", actions.commitment, name="commitment"),
]
