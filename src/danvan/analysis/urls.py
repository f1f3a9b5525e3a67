from django.urls import path

from . import views

app_name = "analysis"
urlpatterns = [
    path("", views.indicator, name="indicator"),
    path("xuat/<slug:key>.xlsx", views.indicator_xlsx, name="indicator_xlsx"),
]
