from django.apps import AppConfig


class AssetTransferConfig(AppConfig):
    name = "commonweal.rights.transfer"
    label = "assettransfer"
    verbose_name = "Community asset transfer"

    def ready(self) -> None:
        from commonweal.core import registry
        from commonweal.rights.transfer import importers  # noqa: F401  (registers the importer)
        from commonweal.rights.transfer.feature import FEATURE

        registry.register(FEATURE)
