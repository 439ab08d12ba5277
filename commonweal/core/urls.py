from django.urls import path

from commonweal.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("data-sources/", views.data_sources, name="data_sources"),
]
