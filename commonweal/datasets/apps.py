from django.apps import AppConfig


class DatasetsConfig(AppConfig):
    name = "commonweal.datasets"
    label = "datasets"
    verbose_name = "Datasets"
