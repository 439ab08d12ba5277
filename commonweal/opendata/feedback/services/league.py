"""The league table's figures from the reports we hold (arithmetic in engine/league.py)."""

from collections import defaultdict

from commonweal.opendata.feedback.engine.clocks import ClockState, first_response
from commonweal.opendata.feedback.engine.league import Outcome, Row, league
from commonweal.opendata.feedback.engine.machine import Status
from commonweal.opendata.feedback.models import Report, Sector, StatusChange
from commonweal.opendata.feedback.services.clocks import report_clocks, today


def outcomes(reports=None, *, on=None) -> list[Outcome]:
    """One outcome for each report that has reached a provider."""
    rows = (reports if reports is not None else Report.objects.all()).filter(provider__isnull=False)
    rows = list(rows.select_related("provider__organisation"))
    history = defaultdict(list)
    for change in StatusChange.objects.filter(report__in=[r.pk for r in rows]).order_by(
        "changed_at", "id"
    ):
        history[change.report_id].append(change)
    on = on or today()
    found = []
    for report in rows:
        steps = history[report.pk]
        clock = first_response(report_clocks(report, steps, on=on))
        answered = clock is not None and clock.state in (ClockState.MET, ClockState.MISSED)
        found.append(
            Outcome(
                provider=report.provider.name,
                sector=Sector(report.provider.sector).label,
                response_days=clock.working_days if answered else None,
                on_time=clock.on_time if clock is not None else None,
                reopened=any(s.status == Status.REOPENED for s in steps),
            )
        )
    return found


def league_tables(reports=None, *, on=None) -> tuple[list[Row], list[Row]]:
    """(by provider, by sector)."""
    found = outcomes(reports, on=on)
    return league(found, by="provider"), league(found, by="sector")
