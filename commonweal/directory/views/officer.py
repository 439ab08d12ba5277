"""Directory pages (officer): filled in by its own part of the work."""

urlpatterns: list = []
