"""Public contracts."""

from django.apps import AppConfig


class ContractsConfig(AppConfig):
    name = "commonweal.opendata.contracts"
    label = "contracts"
    verbose_name = "Public contracts"

    def ready(self) -> None:
        from commonweal.core import registry
        from commonweal.opendata.contracts import importer  # noqa: F401 (registers it)
        from commonweal.opendata.contracts.feature import FEATURE

        registry.register(FEATURE)
