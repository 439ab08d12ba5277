"""Public crime pages: one per area, under /data/crime/, and each month's crimes as CSV."""

import csv
from datetime import date

from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render

from commonweal.core.permissions import can
from commonweal.opendata.models import CrimeMonth
from commonweal.opendata.presenters.charts import points_map, trend_chart
from commonweal.opendata.services.export import street_csv_rows
from commonweal.opendata.services.figures import MAP_LIMIT, crimes_for, figures_for, points_for
from commonweal.places.models import Area, AreaType
from commonweal.places.presenters.area_page import breadcrumbs
from commonweal.places.presenters.links import area_url


def _area(request, area_type: str, gss_code: str) -> Area:
    if area_type not in AreaType.values:
        raise Http404("No such kind of area.")
    area = get_object_or_404(
        Area.objects.select_related("authority"), area_type=area_type, gss_code=gss_code
    )
    # Published open data: the rule allows everyone, but it is asked all the same.
    if not can(request.user, "opendata.view_crime", area):
        raise Http404
    return area


def area_crime(request, area_type: str, gss_code: str):
    area = _area(request, area_type, gss_code)
    figures = figures_for(area)
    month = _chosen_month(request.GET.get("month"), figures)
    points = points_for(area, month.month) if month else []
    return render(
        request,
        "opendata/area_crime.html",
        {
            "area": area,
            "area_href": area_url(area),
            "figures": figures,
            "month": month,
            "rows": [
                {"category": c, "count": month.by_category.get(c, 0)} for c in figures.categories
            ]
            if month
            else [],
            "chart_svg": trend_chart(area.name, figures.months),
            "map_svg": points_map(area.name, area.shape, points[:MAP_LIMIT]) if month else "",
            "points": len(points),
            "points_shown": min(len(points), MAP_LIMIT),
            "attributions": figures.datasets,
            "breadcrumbs": [*breadcrumbs(area), {"label": area.name, "href": area_url(area)}],
        },
    )


def _chosen_month(text: str | None, figures):
    if text:
        try:
            year, number = text.split("-")
            wanted = date(int(year), int(number), 1)
        except ValueError:
            wanted = None
        for month in figures.months:
            if month.month == wanted:
                return month
    return figures.latest


class _Echo:
    def write(self, value: str) -> str:
        return value


def area_crime_csv(request, area_type: str, gss_code: str, month: str):
    """The area's crimes (those with a point inside it) in one month, in data.police.uk's
    columns; 404 for a month we hold no crimes for."""
    area = _area(request, area_type, gss_code)
    try:
        year, number = month.split("-")
        wanted = date(int(year), int(number), 1)
    except ValueError:
        raise Http404("Not a month (YYYY-MM).") from None
    if len(year) != 4 or len(number) != 2 or not CrimeMonth.objects.filter(month=wanted).exists():
        raise Http404("We hold no street crimes for that month.")
    writer = csv.writer(_Echo())
    lines = (writer.writerow(row) for row in street_csv_rows(crimes_for(area, wanted), wanted))
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{wanted:%Y-%m}-{area.gss_code}-street.csv"'
    )
    return response
