"""The budgets pages, included at /budgets/."""

from commonweal.budgets.views.urls import urlpatterns

app_name = "budgets"

__all__ = ["app_name", "urlpatterns"]
