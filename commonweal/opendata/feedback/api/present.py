"""Reports as the API shows them: the public, anonymised view (no names, no exact point)."""

from django.urls import reverse

from commonweal.opendata.feedback.models import Actor, Report, Sector
from commonweal.opendata.feedback.services.clocks import report_clocks, report_escalation_clocks


def report(request, item: Report) -> dict:
    history = list(item.history.all())
    return {
        "id": item.pk,
        "url": request.build_absolute_uri(reverse("feedback:detail", args=[item.pk])),
        "kind": item.kind,
        "service": item.service.slug,
        "title": item.title,
        "description": item.description,
        "borough": item.authority.gss_code,
        "lsoa21": item.lsoa.gss_code if item.lsoa else None,
        "lsoa21_name": item.lsoa.name if item.lsoa else None,
        "provider": item.provider.organisation.slug if item.provider else None,
        "provider_sector": Sector(item.provider.sector).value if item.provider else None,
        "status": item.status,
        "escalated": item.escalated,
        "escalation_taken_at": item.escalation_taken_at,
        "raised_at": item.created_at,
        "supporters": item.supporters.filter(withdrawn_at__isnull=True).count(),
        "collecting_support": item.support_group.slug if item.support_group else None,
        "clocks": [
            {
                "step": c.step.value,
                "reason": c.reason,
                "started": c.started,
                "due": c.due,
                "done": c.stopped,
                "working_days": c.working_days,
                "state": c.state.value,
            }
            for c in report_clocks(item, history) + report_escalation_clocks(item, history)
        ],
        "history": [
            {
                "status": c.status,
                "event": c.event,
                "note": c.note,
                "by": item.provider.name
                if c.acting_as == Actor.PROVIDER and item.provider
                else c.acting_as,
                "at": c.changed_at,
            }
            for c in history
        ],
    }


def league_row(row) -> dict:
    return {
        "name": row.name,
        "sector": row.sector,
        "reports": row.reports,
        "answered": row.answered,
        "median_working_days": row.median_days,
        "p90_working_days": row.p90_days,
        "judged": row.judged,
        "on_time": row.on_time,
        "on_time_share": row.on_time_share,
        "reopened": row.reopened,
        "reopen_rate": row.reopen_rate,
    }
