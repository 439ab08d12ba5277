from django.urls import path

from commonweal.opendata.feedback.views import actions, catalogue, public, queues

app_name = "feedback"

urlpatterns = [
    path("", public.report_list, name="list"),
    path("reports.csv", public.reports_csv, name="reports_csv"),
    path("new/", actions.report_new, name="new"),
    path("yours/", queues.yours, name="yours"),
    path("triage/", queues.triage, name="triage"),
    path("escalations/", queues.escalations, name="escalations"),
    path("services/", public.catalogue, name="catalogue"),
    path("services/manage/", catalogue.manage, name="manage"),
    path("services/manage/services/", catalogue.add_service, name="add_service"),
    path("services/manage/providers/", catalogue.add_provider, name="add_provider"),
    path(
        "services/manage/responsibilities/",
        catalogue.add_responsibility,
        name="add_responsibility",
    ),
    path(
        "services/manage/responsibilities/<int:pk>/remove/",
        catalogue.remove_responsibility,
        name="remove_responsibility",
    ),
    path("league/", public.league_table, name="league"),
    path("league.csv", public.league_csv, name="league_csv"),
    path("providers/<slug:slug>/", queues.provider_queue, name="provider_queue"),
    path("reports/<int:pk>/", public.report_detail, name="detail"),
    path("reports/<int:pk>/route/", actions.report_route, name="route"),
    path("reports/<int:pk>/take/", actions.escalation_take, name="take"),
    path("reports/<int:pk>/support/", actions.support_add, name="support"),
    path("reports/<int:pk>/support/collect/", actions.support_collect, name="collect"),
    path("reports/<int:pk>/support/withdraw/", actions.support_withdraw, name="withdraw"),
    path("reports/<int:pk>/<slug:event>/", actions.report_step, name="step"),
]
