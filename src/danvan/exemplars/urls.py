from django.urls import path

from . import views

app_name = "exemplars"
urlpatterns = [
    path("", views.index, name="index"),
]
