"""Directory pages (network): filled in by its own part of the work."""

urlpatterns: list = []
