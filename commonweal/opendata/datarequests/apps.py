from django.apps import AppConfig


class DataRequestsConfig(AppConfig):
    name = "commonweal.opendata.datarequests"
    label = "datarequests"
    verbose_name = "Right to data requests"

    def ready(self) -> None:
        from commonweal.core import registry
        from commonweal.opendata.datarequests.feature import FEATURE

        registry.register(FEATURE)
