from django.urls import path

from commonweal.rights.challenge import exports
from commonweal.rights.challenge.views import express, officer, public

app_name = "challenge"

urlpatterns = [
    path("", public.index, name="index"),
    path("decisions.csv", exports.decisions_csv, name="decisions_csv"),
    path("services/<slug:slug>/", public.service_detail, name="service"),
    path("services/<slug:slug>/express/", express.express_interest, name="express"),
    path("expressions/<str:reference>/", public.expression_detail, name="expression"),
    path(
        "expressions/<str:reference>/answer/",
        express.answer_modification,
        name="answer_modification",
    ),
    path("officer/", officer.dashboard, name="dashboard"),
    path("officer/services/new/", officer.new_service, name="new_service"),
    path("officer/services/<slug:slug>/", officer.manage_service, name="manage_service"),
    path("officer/expressions/<str:reference>/", officer.decide, name="decide"),
]
