from django.urls import path

from commonweal.opendata.datarequests import views

app_name = "datarequests"

urlpatterns = [
    path("", views.request_list, name="list"),
    path("requests.csv", views.request_csv, name="csv"),
    path("new/", views.request_new, name="new"),
    path("<int:pk>/", views.request_detail, name="detail"),
    path("<int:pk>/outcome/", views.request_outcome, name="outcome"),
]
