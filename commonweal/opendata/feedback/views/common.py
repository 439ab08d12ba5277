"""What the feedback views share: finding a report, and the breadcrumbs."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from commonweal.opendata.feedback.models import Report
from commonweal.opendata.feedback.services.search import SELECTED


def report_or_404(pk: int) -> Report:
    return get_object_or_404(Report.objects.select_related(*SELECTED), pk=pk)


def crumbs(*extra) -> list[dict]:
    return [
        {"label": "Home", "href": "/"},
        {"label": "Feedback to providers", "href": reverse("feedback:list")},
        *extra,
    ]


def report_crumbs(report: Report, *extra) -> list[dict]:
    href = reverse("feedback:detail", args=[report.pk])
    return crumbs({"label": f"Report {report.pk}", "href": href}, *extra)


def groups_run_by(user):
    """The listed groups the person leads or runs (to raise a report or collect support)."""
    from commonweal.directory.models import Organisation
    from commonweal.opendata.feedback.rules import PROVIDER_KINDS

    if not getattr(user, "is_authenticated", False):
        return Organisation.records.none()
    return (
        Organisation.records.filter(
            memberships__user=user,
            memberships__left_at__isnull=True,
            memberships__role__in=("leader", "admin"),
        )
        .exclude(kind__in=PROVIDER_KINDS)
        .filter(feedback_provider__isnull=True)
        .distinct()
    )
