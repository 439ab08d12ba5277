from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "commonweal.opendata"
    label = "opendata"
    verbose_name = "Open data"

    def ready(self) -> None:
        from commonweal.core import registry
        from commonweal.opendata import importers  # noqa: F401  (registers the importers)
        from commonweal.opendata.feature import FEATURE

        registry.register(FEATURE)
