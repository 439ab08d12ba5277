"""Crime figures for one area: counts by month and category, rates, comparisons."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import pyarrow as pa
import pyarrow.compute as pc
import shapely
from django.db.models import Sum

from commonweal.datasets.models import DataSet
from commonweal.opendata import crime_store
from commonweal.opendata.models import CrimeCount
from commonweal.places.models import Area, AreaType, DeprivationScore, Domain, Edition

EDITION_FOR = {AreaType.LSOA11: Edition.IOD2019, AreaType.LSOA21: Edition.IOD2025}
SOURCES = ("police-street-crime", "police-crime-api")
MAP_LIMIT = 5000  # points drawn on one map; the caption says when there are more


def rate(count: int | None, population: int | None) -> float | None:
    """Crimes per 1,000 residents, to one decimal place."""
    if count is None or not population:
        return None
    return round(count * 1000 / population, 1)


@dataclass
class Month:
    month: date
    total: int
    rate: float | None
    by_category: dict[str, int]
    borough_rate: float | None = None
    decile_rate: float | None = None


@dataclass
class CrimeFigures:
    area: Area
    population: int | None
    months: list[Month] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    borough: Area | None = None
    decile: int | None = None
    decile_edition: str = ""
    decile_areas: int = 0
    datasets: list[DataSet] = field(default_factory=list)

    @property
    def latest(self) -> Month | None:
        return self.months[-1] if self.months else None


def _monthly(area_ids) -> dict[date, dict[str, int]]:
    cells: dict[date, dict[str, int]] = defaultdict(dict)
    rows = (
        CrimeCount.objects.filter(area_id__in=area_ids)
        .values("month", "category")
        .annotate(total=Sum("count"))
        .order_by()
    )
    for row in rows:
        cells[row["month"]][row["category"]] = row["total"]
    return cells


def _totals(area_ids) -> dict[date, int]:
    return {month: sum(cells.values()) for month, cells in _monthly(area_ids).items()}


def _decile_peers(area: Area):
    """The area's IMD decile, its edition, and the areas of its type sharing that decile."""
    edition = EDITION_FOR.get(area.area_type)
    if edition is None:
        return None, "", Area.objects.none()
    scores = DeprivationScore.objects.filter(edition=edition, domain=Domain.IMD)
    own = scores.filter(area=area).values_list("decile", flat=True).first()
    if own is None:
        return None, "", Area.objects.none()
    peers = Area.objects.filter(
        deprivation__edition=edition, deprivation__domain=Domain.IMD, deprivation__decile=own
    )
    return own, Edition(edition).label, peers


def _peer_rate(peers, month: date) -> tuple[float | None, int]:
    """The crime rate of the peers in boroughs whose crimes we hold for the month.

    Peers in a borough with no crimes that month are left out: we hold no police file
    for it, and counting its residents would make the rate look lower than it is.
    """
    covered = CrimeCount.objects.filter(
        month=month, area__area_type=AreaType.LOCAL_AUTHORITY
    ).values("area_id")
    peers = peers.filter(authority__in=covered, population_total__isnull=False)
    population = peers.aggregate(total=Sum("population_total"))["total"]
    count = CrimeCount.objects.filter(month=month, area__in=peers).aggregate(total=Sum("count"))
    return rate(count["total"] or 0, population), peers.count()


def _distinct_attributions(datasets: list[DataSet]) -> list[DataSet]:
    """One line per distinct attribution: a year of monthly files says the same thing."""
    seen, kept = set(), []
    for dataset in datasets:
        key = (dataset.title, dataset.publisher, dataset.attribution, dataset.licence)
        if key not in seen:
            seen.add(key)
            kept.append(dataset)
    return kept


def figures_for(area: Area) -> CrimeFigures:
    figures = CrimeFigures(area=area, population=area.population_total)
    if area.area_type == AreaType.NEIGHBOURHOOD:
        monthly = _monthly_from_points(area)
    else:
        monthly = _monthly([area.pk])
    categories = {category for cells in monthly.values() for category in cells}
    figures.categories = sorted(categories)
    borough = area.authority if area.area_type != AreaType.LOCAL_AUTHORITY else None
    figures.borough = borough
    borough_totals = _totals([borough.pk]) if borough else {}
    decile, edition, peers = _decile_peers(area)
    figures.decile, figures.decile_edition = decile, edition
    for month in sorted(monthly):
        total = sum(monthly[month].values())
        entry = Month(
            month=month,
            total=total,
            rate=rate(total, area.population_total),
            by_category=monthly[month],
            borough_rate=rate(borough_totals.get(month), borough and borough.population_total),
        )
        if decile is not None:
            entry.decile_rate, figures.decile_areas = _peer_rate(peers, month)
        figures.months.append(entry)
    figures.datasets = _distinct_attributions(
        list(
            DataSet.objects.filter(source__in=SOURCES, crime_months__month__in=monthly)
            .distinct()
            .order_by("title", "pk")
        )
    )
    return figures


def _monthly_from_points(area: Area) -> dict[date, dict[str, int]]:
    """Counts for an officer's neighbourhood, which may overlap others, so is not indexed."""
    cells: dict[date, dict[str, int]] = defaultdict(dict)
    for month, path in crime_store.months():
        categories = _crimes_in(area, path, ["category"])["category"]
        for category, count in Counter(categories.to_pylist()).items():
            cells[month][category] = count
    return cells


def crimes_for(area: Area, month: date, columns: list[str] | None = None) -> pa.Table:
    """The stored crimes with a point inside the area in one month (those columns)."""
    return _crimes_in(area, crime_store.path_for_month(month), columns)


def _crimes_in(area: Area, path, columns: list[str] | None = None) -> pa.Table:
    columns = columns or crime_store.SCHEMA.names
    if area.area_type == AreaType.LSOA11:
        # Our own LSOA for each point is stored with it.
        located = pc.field("longitude").is_valid()
        inside = (pc.field("area_code") == area.gss_code) & located
        return crime_store.read_file(path, columns, filters=inside)
    shape = area.shape
    if shape is None or path is None:
        return crime_store.read_file(None, columns)
    # The bounding box first (row-group statistics, then a column scan), the shape after.
    x0, y0, x1, y1 = shape.bounds
    box = (
        (pc.field("longitude") >= x0)
        & (pc.field("longitude") <= x1)
        & (pc.field("latitude") >= y0)
        & (pc.field("latitude") <= y1)
    )
    wanted = list(dict.fromkeys([*columns, "longitude", "latitude"]))
    table = crime_store.read_file(path, wanted, filters=box)
    inside = shapely.intersects_xy(
        shape, table["longitude"].to_numpy(), table["latitude"].to_numpy()
    )
    return table.filter(pa.array(inside, pa.bool_())).select(columns)


def points_for(area: Area, month: date) -> list[tuple[float, float, str]]:
    """The published (anonymised) points of the area's crimes in one month."""
    table = crimes_for(area, month, ["longitude", "latitude", "category"])
    return list(
        zip(
            table["longitude"].to_pylist(),
            table["latitude"].to_pylist(),
            table["category"].to_pylist(),
            strict=True,
        )
    )
