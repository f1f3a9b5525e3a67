from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("bieu-do/<slug:key>.xlsx", views.chart_xlsx, name="chart_xlsx"),
    path("chuyen-don-vi/", views.switch_unit, name="switch_unit"),
]
