from django.urls import path

from commonweal.rights.planning import exports
from commonweal.rights.planning.views import apply, officer, plans, public

app_name = "neighbourhoodplanning"

urlpatterns = [
    path("", public.index, name="index"),
    path("areas/apply/", apply.apply_for_area, name="apply_area"),
    path("areas/<int:pk>/", public.area, name="area"),
    path("areas/<int:pk>/forum/apply/", apply.apply_for_forum, name="apply_forum"),
    path("areas/<int:pk>/plan/start/", apply.start_plan, name="start_plan"),
    path("plans/<int:pk>/", plans.plan, name="plan"),
    path("officer/", officer.dashboard, name="dashboard"),
    path("officer/areas/<int:pk>/", officer.area_case, name="area_case"),
    path("officer/forums/<int:pk>/", officer.forum_case, name="forum_case"),
    path("export/areas.csv", exports.areas_csv, name="areas_csv"),
    path("export/areas.geojson", exports.areas_geojson, name="areas_geojson"),
    path("export/forums.csv", exports.forums_csv, name="forums_csv"),
    path("export/forums.geojson", exports.forums_geojson, name="forums_geojson"),
]
