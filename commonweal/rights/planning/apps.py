from django.apps import AppConfig


class NeighbourhoodPlanningConfig(AppConfig):
    name = "commonweal.rights.planning"
    label = "neighbourhoodplanning"
    verbose_name = "Neighbourhood planning"

    def ready(self) -> None:
        from commonweal.core import registry
        from commonweal.rights.planning.feature import FEATURE

        registry.register(FEATURE)
