from django.urls import path

from commonweal.places import views

app_name = "places"

urlpatterns = [
    path("find/", views.find, name="find"),
    path("point/", views.point, name="point"),
    path("boroughs/", views.borough_list, name="boroughs"),
    path("lad/<str:gss_code>/", views.borough_detail, name="borough"),
    path("lad/<str:gss_code>/neighbourhoods/", views.neighbourhood_list, name="neighbourhoods"),
    path(
        "lad/<str:gss_code>/neighbourhoods/new/",
        views.neighbourhood_from_lsoas,
        name="neighbourhood_new",
    ),
    path(
        "lad/<str:gss_code>/neighbourhoods/upload/",
        views.neighbourhood_from_upload,
        name="neighbourhood_upload",
    ),
    path(
        "neighbourhood/<str:gss_code>/delete/",
        views.neighbourhood_delete,
        name="neighbourhood_delete",
    ),
    path("<str:area_type>/<str:gss_code>/", views.area_detail, name="area"),
]
