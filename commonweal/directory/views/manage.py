"""Directory pages (manage): filled in by its own part of the work."""

urlpatterns: list = []
