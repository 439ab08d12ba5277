"""Work queues: a provider's reports to answer, the council's triage, a person's own."""

import datetime as dt

from django.conf import settings
from django.shortcuts import get_object_or_404, render

from commonweal.accounts.models import Role
from commonweal.accounts.permissions import check as guard
from commonweal.accounts.roles import authorities_for
from commonweal.core.permissions import can
from commonweal.opendata.feedback.engine.machine import AWAITING_PROVIDER
from commonweal.opendata.feedback.models import Provider, Report
from commonweal.opendata.feedback.presenters.reports import (
    STATUS_TAGS,
    clock_row,
    clock_rows,
    place_label,
)
from commonweal.opendata.feedback.services.clocks import current_escalation_clock
from commonweal.opendata.feedback.views.common import SELECTED, crumbs, groups_run_by


def _rows(reports) -> list[dict]:
    """Reports with the provider's next step due, soonest first."""
    rows = []
    for report in reports:
        history = list(report.history.all())
        running = [c for c in clock_rows(report, history, escalation=False) if not c["done"]]
        rows.append(
            {
                "report": report,
                "place": place_label(report),
                "css": STATUS_TAGS[report.status],
                "next": running[0] if running else None,
            }
        )
    return sorted(rows, key=lambda r: (r["next"] is None, r["next"]["due"] if r["next"] else 0))


def provider_queue(request, slug: str):
    provider = get_object_or_404(
        Provider.objects.select_related("organisation__authority"), organisation__slug=slug
    )
    refused = guard(request, "feedback.view_provider_queue", provider)
    if refused:
        return refused
    waiting = Report.objects.select_related(*SELECTED).filter(
        provider=provider, status__in=list(AWAITING_PROVIDER)
    )
    context = {
        "provider": provider,
        "rows": _rows(waiting),
        "breadcrumbs": crumbs({"label": provider.name}),
    }
    return render(request, "feedback/provider_queue.html", context)


def triage(request):
    refused = guard(request, "feedback.view_triage")
    if refused:
        return refused
    authorities = authorities_for(request.user, Role.OFFICER)
    base = Report.objects.select_related(*SELECTED)
    context = {
        "triage": [{"report": r, "place": place_label(r)} for r in base.in_triage(authorities)],
        "escalated": _rows(base.escalated(authorities)),
        "breadcrumbs": crumbs({"label": "Triage and escalations"}),
    }
    return render(request, "feedback/triage.html", context)


def escalations(request):
    """The council's escalations: who holds each, and when the council must settle it."""
    refused = guard(request, "feedback.view_triage")
    if refused:
        return refused
    authorities = authorities_for(request.user, Role.OFFICER)
    base = Report.objects.select_related(*SELECTED, "escalation_owner")
    rows = []
    for report in base.escalated(authorities).prefetch_related("history"):
        clock = current_escalation_clock(report, list(report.history.all()))
        rows.append(
            {
                "report": report,
                "place": place_label(report),
                "css": STATUS_TAGS[report.status],
                "clock": clock_row(clock) if clock else None,
                "yours": report.escalation_owner_id == request.user.pk,
                "can_take": can(request.user, "feedback.take_escalation", report)
                and report.escalation_owner_id != request.user.pk,
            }
        )
    # Overdue and soonest due first; settled ones (waiting only to be closed) last.
    rows.sort(key=lambda r: (r["clock"] is None or bool(r["clock"]["done"]), _due(r)))
    context = {
        "rows": rows,
        "days": settings.FEEDBACK_ESCALATION_RESPOND_DAYS,
        "overdue": sum(1 for r in rows if r["clock"] and r["clock"]["tag"] == "Overdue"),
        "breadcrumbs": crumbs({"label": "Escalations"}),
    }
    return render(request, "feedback/escalations.html", context)


def _due(row):
    return row["clock"]["due"] if row["clock"] else dt.date.max


def yours(request):
    refused = guard(request, "feedback.raise_report")
    if refused:
        return refused
    groups = list(groups_run_by(request.user))
    base = Report.objects.select_related(*SELECTED)
    context = {
        "raised": [
            {"report": r, "place": place_label(r), "css": STATUS_TAGS[r.status]}
            for r in base.raised_by(request.user) | base.filter(group__in=groups)
        ],
        "providers": list(Provider.objects.for_member(request.user).select_related("organisation")),
        "can_triage": can(request.user, "feedback.view_triage"),
        "breadcrumbs": crumbs({"label": "Your reports"}),
    }
    return render(request, "feedback/yours.html", context)
