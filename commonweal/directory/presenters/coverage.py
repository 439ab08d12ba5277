"""What the coverage page and its CSV show: both headline figures, the map, and every
ward and small area with the groups serving it."""

from dataclasses import dataclass

from django.urls import reverse

from commonweal.directory import services
from commonweal.directory.presenters.common import directory_crumbs, organisation_url
from commonweal.directory.presenters.coverage_map import (
    COUNT_COLOURS,
    CountShape,
    band,
    band_label,
    count_text_colour,
    coverage_map,
)
from commonweal.places.models import Area
from commonweal.places.presenters.area_page import unique_datasets
from commonweal.places.presenters.links import area_url

CSV_HEADER = [
    "lsoa21_code",
    "lsoa21_name",
    "ward_code",
    "ward_name",
    "adults",
    "local_groups",
    "all_groups",
    "local_group_names",
    "borough_wide_group_names",
]


@dataclass(frozen=True)
class GroupLink:
    name: str
    href: str


@dataclass(frozen=True)
class LsoaRow:
    name: str
    code: str
    href: str
    ward: str
    ward_href: str
    adults: int | None
    local_groups: list[GroupLink]
    all_count: int


@dataclass(frozen=True)
class WardRow:
    name: str
    href: str
    adults: int
    local_adults_served: int
    local_percentage: str
    including_percentage: str
    lsoas: int
    lsoas_served: int
    groups: list[GroupLink]


@dataclass(frozen=True)
class LegendItem:
    label: str
    colour: str
    text_colour: str
    number: str
    count: int


@dataclass
class CoveragePage:
    authority: Area
    figures: services.AuthorityCoverage
    include_borough_wide: bool
    map_svg: str
    legend: list[LegendItem]
    toggle_href: str
    lsoas: list[LsoaRow]
    wards: list[WardRow]
    borough_wide_groups: list[GroupLink]
    population_year: int | None
    csv_href: str
    attributions: list
    breadcrumbs: list[dict]


def present_coverage(authority: Area, include_borough_wide: bool = False) -> CoveragePage:
    figures = services.authority_coverage(authority)
    path = reverse("directory:coverage")

    def count(row) -> int:
        return len(row.groups) if include_borough_wide else len(row.local_groups)

    what = (
        "every active community-led group, borough-wide ones included"
        if include_borough_wide
        else "active community-led groups with a defined local area"
    )
    map_svg = coverage_map(
        f"Map of {authority.name}'s small areas shaded by how many {what} serve each. "
        "The table below gives every area's figures.",
        [
            CountShape(
                label=f"{row.area.name}: {_groups_phrase(count(row))}",
                geometry=row.area.shape,
                count=count(row),
                href=area_url(row.area),
            )
            for row in figures.lsoas
        ],
    )
    bands = [0] * len(COUNT_COLOURS)
    for row in figures.lsoas:
        bands[band(count(row))] += 1
    legend = [
        LegendItem(
            label=band_label(i),
            colour=colour,
            text_colour=count_text_colour(i),
            number=f"{i}+" if i == len(COUNT_COLOURS) - 1 else str(i),
            count=bands[i],
        )
        for i, colour in enumerate(COUNT_COLOURS)
    ]
    query = f"?borough={authority.gss_code}"
    estimate = _population_estimate(figures)
    return CoveragePage(
        authority=authority,
        figures=figures,
        include_borough_wide=include_borough_wide,
        map_svg=map_svg,
        legend=legend,
        toggle_href=f"{path}{query}" + ("" if include_borough_wide else "&include=borough-wide"),
        lsoas=[_lsoa_row(row) for row in figures.lsoas],
        wards=[_ward_row(ward) for ward in figures.wards],
        borough_wide_groups=_links(figures.borough_wide_groups),
        population_year=estimate.year if estimate else None,
        csv_href=reverse("directory:coverage_csv") + query,
        attributions=unique_datasets(
            [
                authority.dataset,
                *(row.area.dataset for row in figures.lsoas[:1]),
                estimate.dataset if estimate else None,
            ]
        ),
        breadcrumbs=directory_crumbs(),
    )


def csv_rows(authority: Area):
    """The per-small-area figures, one row each, for the CSV download."""
    yield CSV_HEADER
    for row in services.authority_coverage(authority).lsoas:
        yield [
            row.area.gss_code,
            row.area.name,
            row.ward.gss_code if row.ward else "",
            row.ward.name if row.ward else "",
            "" if row.adults is None else row.adults,
            len(row.local_groups),
            len(row.groups),
            "; ".join(g.name for g in row.local_groups),
            "; ".join(g.name for g in row.borough_wide_groups),
        ]


def _groups_phrase(count: int) -> str:
    if count == 0:
        return "no groups serve it"
    return "1 group serves it" if count == 1 else f"{count} groups serve it"


def _links(groups) -> list[GroupLink]:
    return [GroupLink(g.name, organisation_url(g)) for g in groups]


def _lsoa_row(row: services.LsoaCoverage) -> LsoaRow:
    return LsoaRow(
        name=row.area.name,
        code=row.area.gss_code,
        href=area_url(row.area),
        ward=row.ward.name if row.ward else "",
        ward_href=area_url(row.ward) if row.ward else "",
        adults=row.adults,
        local_groups=_links(row.local_groups),
        all_count=len(row.groups),
    )


def _ward_row(ward: services.WardCoverage) -> WardRow:
    return WardRow(
        name=ward.ward.name,
        href=area_url(ward.ward),
        adults=ward.local.adults_total,
        local_adults_served=ward.local.adults_served,
        local_percentage=ward.local.percentage,
        including_percentage=ward.including_borough_wide.percentage,
        lsoas=ward.local.areas_total,
        lsoas_served=ward.local.areas_served,
        groups=_links(ward.local_groups),
    )


def _population_estimate(figures):
    for row in figures.lsoas[:1]:
        return row.area.population_estimates.select_related("dataset").order_by("-year").first()
    return None
