from django.urls import path

from commonweal.opendata import views
from commonweal.opendata.spending import views as spending

app_name = "opendata"

urlpatterns = [
    path("crime/<str:area_type>/<str:gss_code>/", views.area_crime, name="area_crime"),
    path(
        "crime/<str:area_type>/<str:gss_code>/<str:month>/street.csv",
        views.area_crime_csv,
        name="area_crime_csv",
    ),
    path("spending/", spending.spending_index, name="spending_index"),
    path("spending/council-spending.csv", spending.spending_csv, name="spending_csv"),
    path(
        "spending/lad/<str:gss_code>/council-spending.csv",
        spending.spending_csv,
        name="spending_csv_borough",
    ),
    path(
        "spending/lad/<str:gss_code>/services/<int:pk>/",
        spending.service_spending,
        name="service_spending",
    ),
    path(
        "spending/lad/<str:gss_code>/services/<int:pk>/places/",
        spending.place_service,
        name="place_service",
    ),
    path("spending/<str:area_type>/<str:gss_code>/", spending.area_spending, name="area_spending"),
]
