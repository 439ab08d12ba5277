from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "commonweal.budgets"
    label = "budgets"
    verbose_name = "Participatory budgeting"

    def ready(self) -> None:
        from commonweal.budgets import importers  # noqa: F401  (registers the .pb importer)
        from commonweal.budgets.feature import FEATURE
        from commonweal.core import registry

        registry.register(FEATURE)
