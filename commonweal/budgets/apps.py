from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "commonweal.budgets"
    label = "budgets"
    verbose_name = "Participatory budgeting"
