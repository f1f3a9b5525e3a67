"""URLs of programme reviews, included by the app's urls.py."""

from django.urls import path

from . import review_views

urlpatterns = [
    path("so-ket/", review_views.reviews, name="reviews"),
    path("so-ket/moi/", review_views.review_issue, name="review_issue"),
    path("so-ket/<int:request_id>/", review_views.review_detail, name="review_detail"),
    path("so-ket/<int:request_id>/xuat/", review_views.review_export, name="review_export"),
    path(
        "so-ket/bao-cao/<int:assignment_id>/tien-do/",
        review_views.review_progress,
        name="review_progress",
    ),
]
