from django.urls import path

from . import actions, review_urls, sheet_views, views

app_name = "programmes"
urlpatterns = [
    path("", views.index, name="index"),
    path("moi/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/sua/", views.edit, name="edit"),
    path("<int:pk>/trang-thai/", actions.change_state, name="state"),
    path("<int:pk>/thay-the/", actions.set_successor, name="successor"),
    path("<int:pk>/cac-ben/", actions.add_party, name="party_add"),
    path("<int:pk>/cac-ben/<int:party_id>/bo/", actions.remove_party, name="party_remove"),
    path("<int:pk>/cac-ben/ke-thua/", actions.party_successor, name="party_successor"),
    path("<int:pk>/thuong-truc/", actions.owner_successor, name="owner_successor"),
    path("<int:pk>/nhiem-vu/", actions.add_commitment, name="commitment_add"),
    path(
        "<int:pk>/nhiem-vu/<int:commitment_id>/",
        actions.edit_commitment,
        name="commitment_edit",
    ),
    path("<int:pk>/tep/", actions.upload_file, name="file"),
    path("<int:pk>/de-xuat/", actions.proposal, name="proposal"),
    path("bang-tinh/<str:sheet>/", sheet_views.export, name="export"),
    path("bang-tinh/<str:sheet>/mau/", sheet_views.template, name="template"),
    path("bang-tinh/<str:sheet>/nhap/", sheet_views.import_sheet, name="import"),
]
# Programme reviews (review_urls.py).
urlpatterns += review_urls.urlpatterns
