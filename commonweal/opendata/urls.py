from django.urls import path

from commonweal.opendata import views

app_name = "opendata"

urlpatterns = [
    path("crime/<str:area_type>/<str:gss_code>/", views.area_crime, name="area_crime"),
]
