"""Deprivation figures for any area: stored for an LSOA, population-weighted above it."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from commonweal.datasets.models import DataSet
from commonweal.places.deprivation import SmallAreaFigure, aggregate
from commonweal.places.models import (
    EDITION_AREA_COUNT,
    Area,
    AreaType,
    DeprivationScore,
    Domain,
    Edition,
    LsoaLink,
    PopulationEstimate,
)

# Which LSOAs each edition ranks.
EDITION_LSOA_TYPE = {Edition.IOD2019: AreaType.LSOA11, Edition.IOD2025: AreaType.LSOA21}


@dataclass
class DomainDeprivation:
    domain: str
    label: str
    rank: float  # an LSOA's own rank, or a population-weighted mean rank
    decile: int
    score: float | None
    share_most_deprived: float  # of the population, in the most deprived national decile


@dataclass
class AreaDeprivation:
    area: Area
    edition: str
    lsoa_type: str
    weighted: bool  # False: an LSOA's own published figures
    weighting: str  # "published", "population" or "equal" (populations unknown)
    lsoa_count: int
    population_covered: int | None
    national_count: int
    domains: dict[str, DomainDeprivation] = field(default_factory=dict)
    datasets: list[DataSet] = field(default_factory=list)

    @property
    def edition_label(self) -> str:
        return Edition(self.edition).label

    @property
    def imd(self) -> DomainDeprivation | None:
        return self.domains.get(Domain.IMD)


def deprivation_for(area: Area, edition: str) -> AreaDeprivation | None:
    """The area's deprivation on every domain of an edition, or None if we hold none."""
    edition = Edition(edition)
    lsoa_type = EDITION_LSOA_TYPE[edition]
    national = EDITION_AREA_COUNT[edition]
    if area.area_type == lsoa_type:
        return _published(area, edition, national)
    weights = _lsoa_weights(area, lsoa_type)
    if not weights:
        return None
    scores = list(
        DeprivationScore.objects.filter(edition=edition, area_id__in=weights).select_related(
            "dataset"
        )
    )
    if not scores:
        return None
    weighting = "population"
    if any(weight is None for weight in weights.values()):
        # Without every population the weights would be lopsided; count LSOAs equally.
        weighting = "equal"
        weights = dict.fromkeys(weights, 1.0)
    by_domain = defaultdict(list)
    for score in scores:
        by_domain[score.domain].append(
            SmallAreaFigure(
                weight=weights[score.area_id],
                rank=score.rank,
                decile=score.decile,
                score=float(score.score) if score.score is not None else None,
            )
        )
    result = AreaDeprivation(
        area=area,
        edition=edition,
        lsoa_type=lsoa_type,
        weighted=True,
        weighting=weighting,
        lsoa_count=len({score.area_id for score in scores}),
        population_covered=(
            round(sum(weights[area_id] for area_id in {s.area_id for s in scores}))
            if weighting == "population"
            else None
        ),
        national_count=national,
        datasets=_datasets(scores, weights if weighting == "population" else {}),
    )
    for domain in Domain:
        figure = aggregate(by_domain.get(domain, []), national)
        if figure is not None:
            result.domains[domain] = DomainDeprivation(
                domain=domain,
                label=domain.label,
                rank=figure.mean_rank,
                decile=figure.decile,
                score=figure.mean_score,
                share_most_deprived=figure.share_most_deprived,
            )
    return result


def _published(area: Area, edition: str, national: int) -> AreaDeprivation | None:
    scores = list(
        DeprivationScore.objects.filter(area=area, edition=edition).select_related("dataset")
    )
    if not scores:
        return None
    result = AreaDeprivation(
        area=area,
        edition=edition,
        lsoa_type=area.area_type,
        weighted=False,
        weighting="published",
        lsoa_count=1,
        population_covered=area.population_total,
        national_count=national,
        datasets=_datasets(scores, {}),
    )
    found = {score.domain: score for score in scores}
    for domain in Domain:
        score = found.get(domain)
        if score is not None:
            result.domains[domain] = DomainDeprivation(
                domain=domain,
                label=domain.label,
                rank=score.rank,
                decile=score.decile,
                score=float(score.score) if score.score is not None else None,
                share_most_deprived=1.0 if score.decile == 1 else 0.0,
            )
    return result


def _lsoa_weights(area: Area, lsoa_type: str) -> dict[int, float | None]:
    """{LSOA pk: population weight} for the area's LSOAs of the wanted generation."""
    if area.area_type == AreaType.LOCAL_AUTHORITY:
        return {
            pk: _float(total)
            for pk, total in Area.objects.of_type(lsoa_type)
            .in_authority(area)
            .values_list("pk", "population_total")
        }
    if area.area_type == AreaType.LSOA11:  # and the edition ranks LSOAs 2021
        return {
            link.lsoa21_id: _float(link.lsoa21.population_total)
            for link in LsoaLink.objects.filter(lsoa11=area).select_related("lsoa21")
        }
    if area.area_type == AreaType.LSOA21:
        lsoas21 = [area]
    elif area.area_type == AreaType.WARD:
        lsoas21 = list(area.children.of_type(AreaType.LSOA21))
    elif area.area_type == AreaType.NEIGHBOURHOOD:
        lsoas21 = list(area.members.of_type(AreaType.LSOA21))
    else:
        return {}
    if lsoa_type == AreaType.LSOA21:
        return {lsoa.pk: _float(lsoa.population_total) for lsoa in lsoas21}
    return _predecessor_weights(lsoas21)


def _predecessor_weights(lsoas21: list[Area]) -> dict[int, float | None]:
    """LSOA 2011 weights for some LSOAs 2021: a 2011 LSOA split n ways counts 1/n per part."""
    links = list(LsoaLink.objects.filter(lsoa21__in=lsoas21).select_related("lsoa11"))
    parts = defaultdict(int)
    for lsoa11_id, _ in LsoaLink.objects.filter(
        lsoa11_id__in={link.lsoa11_id for link in links}
    ).values_list("lsoa11_id", "lsoa21_id"):
        parts[lsoa11_id] += 1
    weights: dict[int, float | None] = {}
    for link in links:
        total = link.lsoa11.population_total
        if total is None or weights.get(link.lsoa11_id, 0) is None:
            weights[link.lsoa11_id] = None
            continue
        weights[link.lsoa11_id] = weights.get(link.lsoa11_id, 0) + total / parts[link.lsoa11_id]
    return weights


def _float(value) -> float | None:
    return float(value) if value is not None else None


def _datasets(scores, weights) -> list[DataSet]:
    """The datasets behind the figures, for attribution: the index, and the population."""
    found = {score.dataset_id: score.dataset for score in scores}
    if weights:
        ids = list(weights)
        population = PopulationEstimate.objects.filter(
            Q(area_id__in=ids) | Q(area__links_to_2021__lsoa21_id__in=ids)
        ).values_list("dataset_id", flat=True)
        for dataset in DataSet.objects.filter(pk__in=set(population)):
            found.setdefault(dataset.pk, dataset)
    return sorted(found.values(), key=lambda dataset: (dataset.title, dataset.pk))
