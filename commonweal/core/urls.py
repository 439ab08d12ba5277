from django.urls import path

from commonweal.core import audit_views, views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("data-sources/", views.data_sources, name="data_sources"),
    path("audit/", audit_views.audit_list, name="audit"),
]
