"""The reports matching the list's filters, counted per small area (LSOA 2021): one shaded
map per borough, the count written on every area so the colour is never the only cue, and
the same figures as a table for anyone who cannot use the map."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from commonweal.directory.presenters.coverage_map import (
    COUNT_COLOURS,
    band,
    count_colour,
    count_text_colour,
)
from commonweal.places.models import Area, AreaType
from commonweal.places.presenters.maps import Shaded, shaded_map
from commonweal.places.services import lsoa21_of

TOP = len(COUNT_COLOURS) - 1


def band_label(index: int) -> str:
    if index == TOP:
        return f"{TOP} or more reports"
    return "1 report" if index == 1 else f"{index} reports"


def _reports(count: int) -> str:
    return "1 report" if count == 1 else f"{count} reports"


@dataclass
class AreaCount:
    area: Area
    count: int
    href: str


@dataclass
class BoroughMap:
    authority: Area
    svg: str
    legend: list[dict]
    rows: list[AreaCount]  # the small areas with at least one report, most first


@dataclass
class ReportMap:
    boroughs: list[BoroughMap] = field(default_factory=list)
    unplaced: int = 0  # reports whose point is in no small area we hold


def _href(query: dict, code: str) -> str:
    """The list filtered to one small area, the other filters kept."""
    kept = {k: v for k, v in query.items() if v and k != "area"}
    return f"{reverse('feedback:list')}?{urlencode({**kept, 'area': code})}"


def report_map(rows, *, place: Area | None = None, query: dict | None = None) -> ReportMap:
    """Count the filtered reports per LSOA; draw the filtered place's small areas, or else
    every small area of each borough that has a matching report."""
    query = query or {}
    counts = dict(
        rows.exclude(lsoa=None)
        .order_by()
        .values_list("lsoa_id")
        .annotate(n=Count("id"))
        .values_list("lsoa_id", "n")
    )
    unplaced = rows.filter(lsoa=None).count()
    lsoas = Area.objects.of_type(AreaType.LSOA21)
    if place is not None and place.area_type != AreaType.LOCAL_AUTHORITY:
        lsoas = lsoas.filter(pk__in=lsoa21_of(place).values("pk"))
        authorities = Area.objects.filter(
            pk__in=lsoas.values("authority_id"), area_type=AreaType.LOCAL_AUTHORITY
        )
    elif place is not None:
        authorities = Area.objects.filter(pk=place.pk)
    else:
        authorities = Area.objects.filter(pk__in=rows.order_by().values("authority_id"))
    made = ReportMap(unplaced=unplaced)
    for authority in authorities.order_by("name"):
        areas = list(lsoas.filter(authority=authority).order_by("gss_code"))
        if not areas:
            continue
        made.boroughs.append(_borough(authority, areas, counts, query))
    return made


def _borough(authority: Area, areas: list[Area], counts: dict, query: dict) -> BoroughMap:
    shaded = []
    bands = [0] * len(COUNT_COLOURS)
    for area in areas:
        count = counts.get(area.pk, 0)
        bands[band(count)] += 1
        shaded.append(
            Shaded(
                label=f"{area.name}: {_reports(count)}",
                geometry=area.shape,
                href=_href(query, area.gss_code),
                fill=count_colour(count),
                text=str(count),
                text_colour=count_text_colour(count),
            )
        )
    svg = shaded_map(
        f"Map of {authority.name}'s small areas shaded by how many of the matching reports "
        "are in each. The table after the map gives the same figures.",
        shaded,
        modifier="coverage",
        path_attrs={
            "stroke": "#505a5f",
            "stroke_width": "0.75",
            "vector_effect": "non-scaling-stroke",
        },
    )
    legend = [
        {
            "label": band_label(i),
            "colour": colour,
            "text_colour": count_text_colour(i),
            "number": f"{i}+" if i == TOP else str(i),
            "count": bands[i],
        }
        for i, colour in enumerate(COUNT_COLOURS)
    ]
    counted = [
        AreaCount(area, counts[area.pk], _href(query, area.gss_code))
        for area in areas
        if counts.get(area.pk)
    ]
    counted.sort(key=lambda row: (-row.count, row.area.name))
    return BoroughMap(authority, svg, legend, counted)
