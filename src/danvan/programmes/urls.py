from django.urls import path

from . import review_urls, views

app_name = "programmes"
urlpatterns = [
    path("", views.index, name="index"),
]
# Programme reviews (review_urls.py).
urlpatterns += review_urls.urlpatterns
