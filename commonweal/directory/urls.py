"""The directory's pages. Each part of the directory keeps its own list of paths."""

from commonweal.directory.views.urls import urlpatterns

app_name = "directory"

__all__ = ["app_name", "urlpatterns"]
