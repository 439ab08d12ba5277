"""Public crime pages: one per area, under /data/crime/."""

from datetime import date

from django.http import Http404
from django.shortcuts import get_object_or_404, render

from commonweal.opendata.presenters.charts import points_map, trend_chart
from commonweal.opendata.services.figures import MAP_LIMIT, figures_for, points_for
from commonweal.places.models import Area, AreaType
from commonweal.places.presenters.area_page import breadcrumbs
from commonweal.places.presenters.links import area_url


def area_crime(request, area_type: str, gss_code: str):
    if area_type not in AreaType.values:
        raise Http404("No such kind of area.")
    area = get_object_or_404(
        Area.objects.select_related("authority"), area_type=area_type, gss_code=gss_code
    )
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
