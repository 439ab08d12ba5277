from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "commonweal.places"
    label = "places"
    verbose_name = "Places"
