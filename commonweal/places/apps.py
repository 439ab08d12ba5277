import dataclasses

from django.apps import AppConfig

# Where the places API router lives; mounted under /api/v1/ by commonweal.api.
API_ROUTER = "commonweal.places.api.router"


class PlacesConfig(AppConfig):
    name = "commonweal.places"
    label = "places"
    verbose_name = "Places"

    def ready(self) -> None:
        # Registers the places importers with the datasets framework.
        from commonweal.core import registry
        from commonweal.places import importers  # noqa: F401
        from commonweal.places.feature import FEATURE

        feature = FEATURE
        if not feature.api_routers:
            # Until feature.py names the API router itself.
            feature = dataclasses.replace(feature, api_routers={"/": API_ROUTER})
        registry.register(feature)
