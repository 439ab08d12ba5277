"""What a borough's page shows: a decile map of its small areas, a table of every one
(sorted as asked), and its wards with population-weighted deciles."""

from dataclasses import dataclass

from django.urls import reverse

from commonweal.places import services
from commonweal.places.models import Area, AreaType, DeprivationScore, Domain, Edition
from commonweal.places.presenters.area_page import breadcrumbs, unique_datasets
from commonweal.places.presenters.deprivation import EDITION_SHORT, edition_figures
from commonweal.places.presenters.links import area_url
from commonweal.places.presenters.maps import (
    DECILE_COLOURS,
    decile_map,
    decile_text_colour,
    shapes_from,
)

# Which small areas the map and table use, in order of preference.
SMALL_AREA_EDITIONS = ((AreaType.LSOA21, Edition.IOD2025), (AreaType.LSOA11, Edition.IOD2019))

SORTS = {
    "rank": ("Most deprived first", lambda row: (row.rank is None, row.rank or 0, row.name)),
    "-rank": ("Least deprived first", lambda row: (row.rank is None, -(row.rank or 0), row.name)),
    "name": ("Name", lambda row: row.name),
    "code": ("Code", lambda row: row.code),
}
DEFAULT_SORT = "rank"


@dataclass(frozen=True)
class SmallAreaRow:
    name: str
    code: str
    href: str
    decile: int | None
    rank: int | None


@dataclass(frozen=True)
class WardRow:
    name: str
    href: str
    population: int | None
    decile: int | None
    lsoa_count: int | None


@dataclass(frozen=True)
class LegendItem:
    decile: int
    colour: str
    text_colour: str
    count: int


@dataclass
class BoroughPage:
    authority: Area
    edition_short: str
    area_type_label: str
    map_svg: str
    legend: list[LegendItem]
    rows: list[SmallAreaRow]
    sort: str
    sort_links: list[dict]
    wards: list[WardRow]
    attributions: list
    breadcrumbs: list[dict]
    deprivation: object | None


def present_borough(authority: Area, sort: str = DEFAULT_SORT) -> BoroughPage:
    if sort not in SORTS:
        sort = DEFAULT_SORT
    area_type, edition, areas, scores = _small_areas(authority)
    rows = [
        SmallAreaRow(
            name=a.name,
            code=a.gss_code,
            href=area_url(a),
            decile=scores[a.pk].decile if a.pk in scores else None,
            rank=scores[a.pk].rank if a.pk in scores else None,
        )
        for a in areas
    ]
    rows.sort(key=SORTS[sort][1])
    edition_short = EDITION_SHORT.get(edition, "")
    map_svg = decile_map(
        f"Map of {authority.name}'s small areas shaded by {edition_short} decile. "
        "The table below gives every area's decile and rank.",
        shapes_from(
            areas,
            href=area_url,
            decile_of=lambda a: scores[a.pk].decile if a.pk in scores else None,
        ),
    )
    counts = {d: 0 for d in range(1, 11)}
    for row in rows:
        if row.decile:
            counts[row.decile] += 1
    legend = [
        LegendItem(d, DECILE_COLOURS[d], decile_text_colour(d), counts[d]) for d in range(1, 11)
    ]
    wards = _wards(authority, edition)
    datasets = [authority.dataset, *(s.dataset for s in scores.values())]
    datasets += [a.dataset for a in areas[:1]]
    path = reverse("places:borough", args=[authority.gss_code])
    return BoroughPage(
        authority=authority,
        edition_short=edition_short,
        area_type_label=AreaType(area_type).label if area_type else "",
        map_svg=map_svg,
        legend=legend,
        rows=rows,
        sort=sort,
        sort_links=[
            {"label": label, "href": f"{path}?sort={key}#small-areas", "current": key == sort}
            for key, (label, _) in SORTS.items()
        ],
        wards=wards,
        attributions=unique_datasets(datasets),
        breadcrumbs=breadcrumbs(None),
        deprivation=edition_figures(services.deprivation_for(authority, edition), edition)
        if edition
        else None,
    )


def _small_areas(authority: Area):
    for area_type, edition in SMALL_AREA_EDITIONS:
        areas = list(
            Area.objects.of_type(area_type).in_authority(authority).select_related("dataset")
        )
        if areas:
            scores = {
                s.area_id: s
                for s in DeprivationScore.objects.filter(
                    area__in=areas, edition=edition, domain=Domain.IMD
                ).select_related("dataset")
            }
            if scores or area_type == SMALL_AREA_EDITIONS[-1][0]:
                return area_type, edition, areas, scores
    return None, None, [], {}


def _wards(authority: Area, edition) -> list[WardRow]:
    wards = Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("name")
    out = []
    for ward in wards:
        figures = edition_figures(services.deprivation_for(ward, edition), edition)
        out.append(
            WardRow(
                name=ward.name,
                href=area_url(ward),
                population=ward.population_total,
                decile=figures.imd.decile if figures and figures.imd else None,
                lsoa_count=figures.lsoa_count if figures else None,
            )
        )
    return out
