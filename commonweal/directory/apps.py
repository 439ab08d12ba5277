from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "commonweal.directory"
    label = "directory"
    verbose_name = "Directory"

    def ready(self) -> None:
        from commonweal.core import registry
        from commonweal.directory import importers  # noqa: F401  (registers the importers)
        from commonweal.directory.feature import FEATURE

        registry.register(FEATURE)
