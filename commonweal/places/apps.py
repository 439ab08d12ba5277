from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "commonweal.places"
    label = "places"
    verbose_name = "Places"

    def ready(self) -> None:
        # Registers the places importers with the datasets framework.
        from commonweal.places import importers  # noqa: F401
