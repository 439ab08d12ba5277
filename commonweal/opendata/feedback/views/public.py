"""Public pages: the list of reports, one report, the catalogue, the league table, CSVs."""

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse

from commonweal.core.permissions import can
from commonweal.opendata.feedback.forms import FilterForm
from commonweal.opendata.feedback.models import Provider, Report, Responsibility, Service
from commonweal.opendata.feedback.presenters.league_chart import on_time_chart
from commonweal.opendata.feedback.presenters.report_map import report_map
from commonweal.opendata.feedback.presenters.reports import (
    STATUS_TAGS,
    clock_rows,
    place_label,
    present,
)
from commonweal.opendata.feedback.services.errors import FeedbackError
from commonweal.opendata.feedback.services.league import league_tables
from commonweal.opendata.feedback.services.search import area_for_code, select_reports
from commonweal.opendata.feedback.views.common import crumbs, report_or_404

MAX_SHOWN = 200
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def filtered(request):
    """The reports matching the filters in the query string, and the form showing them."""
    form = FilterForm(request.GET)
    if not form.is_valid():
        return form, Report.objects.none()
    try:
        return form, select_reports(**form.cleaned_data)
    except FeedbackError as exc:
        form.add_error(exc.field, exc.reason)
        return form, Report.objects.none()


def _latest(report):
    """The clock to show in a list: the first still running, else the last to stop."""
    clocks = clock_rows(report, list(report.history.all()))
    running = [c for c in clocks if not c["done"]]
    return running[0] if running else (clocks[-1] if clocks else None)


def _map(form, rows):
    """The map of the filtered reports; none when the filters were refused."""
    if form.errors:
        return None
    code = form.cleaned_data.get("area") or ""
    place = area_for_code(code) if code else None
    return report_map(rows, place=place, query=form.cleaned_data)


def report_list(request):
    form, rows = filtered(request)
    count = rows.count()
    shown = [
        {"report": r, "place": place_label(r), "css": STATUS_TAGS[r.status], "clock": _latest(r)}
        for r in rows.prefetch_related("history")[:MAX_SHOWN]
    ]
    context = {
        "form": form,
        "rows": shown,
        "count": count,
        "map": _map(form, rows),
        "more": count > MAX_SHOWN,
        "can_raise": can(request.user, "feedback.raise_report"),
        "can_triage": can(request.user, "feedback.view_triage"),
        "csv_query": request.GET.urlencode(),
        "breadcrumbs": [{"label": "Home", "href": "/"}, {"label": "Feedback to providers"}],
    }
    return render(request, "feedback/list.html", context, status=400 if form.errors else 200)


def report_detail(request, pk: int):
    report = report_or_404(pk)
    context = present(report, request.user)
    context["breadcrumbs"] = crumbs({"label": f"Report {report.pk}"})
    return render(request, "feedback/detail.html", context)


def catalogue(request):
    providers = list(Provider.objects.select_related("organisation"))
    responsibilities = list(
        Responsibility.objects.select_related("service", "area", "provider__organisation")
    )
    context = {
        "services": list(Service.objects.all()),
        "providers": providers,
        "responsibilities": responsibilities,
        "can_manage": can(request.user, "feedback.manage_catalogue"),
        "breadcrumbs": crumbs({"label": "Services and providers"}),
    }
    return render(request, "feedback/catalogue.html", context)


def league_table(request):
    by_provider, by_sector = league_tables()
    context = {
        "by_provider": by_provider,
        "by_sector": by_sector,
        "provider_chart": on_time_chart(by_provider, "provider"),
        "sector_chart": on_time_chart(by_sector, "sector"),
        "breadcrumbs": crumbs({"label": "Provider league table"}),
    }
    return render(request, "feedback/league.html", context)


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv(name: str, header, rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    return response


def reports_csv(request):
    """The public, anonymised reports: no names, no postcode, no exact point."""
    _form, rows = filtered(request)
    base = request.build_absolute_uri(reverse("feedback:list"))
    return _csv(
        "feedback-reports.csv",
        [
            "id",
            "url",
            "raised_on",
            "kind",
            "service",
            "title",
            "description",
            "borough_code",
            "lsoa21_code",
            "lsoa21_name",
            "provider",
            "status",
            "escalated",
            "supporters",
        ],
        (
            [
                r.pk,
                f"{base}reports/{r.pk}/",
                r.created_at.date().isoformat(),
                r.kind,
                r.service.name,
                r.title,
                r.description,
                r.authority.gss_code,
                r.lsoa.gss_code if r.lsoa else "",
                r.lsoa.name if r.lsoa else "",
                r.provider.name if r.provider else "(council triage)",
                r.status,
                "yes" if r.escalated else "no",
                r.supporters.filter(withdrawn_at__isnull=True).count(),
            ]
            for r in rows
        ),
    )


def league_csv(request):
    by_provider, by_sector = league_tables()

    def line(kind, row):
        share = row.on_time_share
        rate = row.reopen_rate
        return [
            kind,
            row.name,
            row.sector,
            row.reports,
            row.answered,
            row.median_days,
            row.p90_days,
            row.judged,
            row.on_time,
            "" if share is None else f"{share:.3f}",
            row.reopened,
            "" if rate is None else f"{rate:.3f}",
        ]

    return _csv(
        "feedback-league-table.csv",
        [
            "group_by",
            "name",
            "sector",
            "reports",
            "answered",
            "median_working_days",
            "p90_working_days",
            "judged_on_time",
            "answered_on_time",
            "on_time_share",
            "reopened",
            "reopen_rate",
        ],
        [line("provider", r) for r in by_provider] + [line("sector", r) for r in by_sector],
    )
