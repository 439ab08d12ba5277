"""What an area's page shows: its map, population, deprivation, the areas around it
and the datasets behind it."""

from dataclasses import dataclass, field

from commonweal.places import services
from commonweal.places.models import Area, AreaType, Edition
from commonweal.places.presenters.deprivation import EditionFigures, edition_figures
from commonweal.places.presenters.links import area_type_label, area_url
from commonweal.places.presenters.maps import Shape, area_map

# Newest first: the first edition held is "the latest".
EDITIONS = (Edition.IOD2025, Edition.IOD2019)


@dataclass
class Link:
    label: str
    href: str
    note: str = ""


@dataclass
class AreaPage:
    area: Area
    type_label: str
    map_svg: str
    wards: list[Area]
    authority: Area | None
    neighbours: list[Link]
    editions: list[EditionFigures]
    lsoa_links: list[Link]
    lsoa_links_heading: str
    contains: list[Link]
    attributions: list
    breadcrumbs: list[dict] = field(default_factory=list)
    population_year: int | None = None

    @property
    def latest(self) -> EditionFigures | None:
        return self.editions[0] if self.editions else None


def present_area(area: Area) -> AreaPage:
    neighbours = list(services.neighbours(area)) if area.shape is not None else []
    wards = _wards_of(area)
    authority = area.authority
    editions = [
        figures
        for edition in EDITIONS
        if (figures := edition_figures(services.deprivation_for(area, edition), edition))
    ]
    lsoa_links, heading = _lsoa_links(area)
    datasets = [area.dataset, *(d for f in editions for d in f.datasets)]
    estimate = area.population_estimates.select_related("dataset").order_by("-year").first()
    if estimate is not None:
        datasets.append(estimate.dataset)
    for other in (*wards, authority):
        if other is not None:
            datasets.append(other.dataset)
    map_svg = ""
    if area.shape is not None:
        map_svg = area_map(
            area.name,
            area.shape,
            [Shape(n.name, n.shape, area_url(n)) for n in neighbours],
        )
    return AreaPage(
        area=area,
        type_label=area_type_label(area),
        map_svg=map_svg,
        wards=wards,
        authority=authority,
        neighbours=[Link(n.name, area_url(n), n.gss_code) for n in neighbours],
        editions=editions,
        lsoa_links=lsoa_links,
        lsoa_links_heading=heading,
        contains=_contains(area),
        attributions=unique_datasets(datasets),
        breadcrumbs=breadcrumbs(area),
        population_year=estimate.year if estimate else None,
    )


def unique_datasets(datasets) -> list:
    seen: dict[int, object] = {}
    for dataset in datasets:
        if dataset is not None and dataset.pk not in seen:
            seen[dataset.pk] = dataset
    return list(seen.values())


def breadcrumbs(area: Area | None) -> list[dict]:
    crumbs = [{"label": "Home", "href": "/"}]
    if area is None:
        return crumbs
    if area.authority_id and area.authority_id != area.pk:
        crumbs.append({"label": area.authority.name, "href": area_url(area.authority)})
    return crumbs


def _wards_of(area: Area) -> list[Area]:
    """The ward an LSOA 2021 is in; for an LSOA 2011, the wards of the LSOAs it became."""
    wards = Area.objects.of_type(AreaType.WARD).select_related("dataset").order_by("name")
    if area.area_type == AreaType.LSOA21:
        return list(wards.filter(children=area))
    if area.area_type == AreaType.LSOA11:
        return list(wards.filter(children__links_to_2011__lsoa11=area).distinct())
    return []


def _lsoa_links(area: Area) -> tuple[list[Link], str]:
    if area.area_type == AreaType.LSOA11:
        pairs, heading = services.lsoa_successors(area), "The same place in the 2021 census areas"
    elif area.area_type == AreaType.LSOA21:
        pairs, heading = services.lsoa_predecessors(area), "The same place in the 2011 census areas"
    else:
        return [], ""
    links = [
        Link(other.name, area_url(other), _change_note(change, other)) for other, change in pairs
    ]
    return links, heading


def _change_note(change, other: Area) -> str:
    label = getattr(change, "label", None) or CHANGE_LABELS.get(str(change), str(change))
    return f"{other.gss_code} — {label.lower()}"


# The ONS lookup's change codes, in words.
CHANGE_LABELS = {"U": "Unchanged", "S": "Split", "M": "Merged", "X": "Redrawn"}


def _contains(area: Area) -> list[Link]:
    """The small areas inside a ward or neighbourhood."""
    if area.area_type == AreaType.NEIGHBOURHOOD:
        inside = area.members.all()
    elif area.area_type == AreaType.WARD:
        inside = area.children.filter(area_type__in=(AreaType.LSOA21, AreaType.LSOA11))
    else:
        return []
    return [Link(a.name, area_url(a), a.gss_code) for a in inside.order_by("area_type", "name")]
