"""What a page shows of an area's deprivation: headline, chart and table rows."""

from dataclasses import dataclass

from commonweal.places.models import EDITION_AREA_COUNT, Domain, Edition
from commonweal.places.presenters.charts import Bar, decile_chart

EDITION_SHORT = {Edition.IOD2019: "IMD 2019", Edition.IOD2025: "IMD 2025"}


@dataclass(frozen=True)
class DomainRow:
    domain: str
    label: str
    rank: int | None
    decile: int | None
    score: object | None


@dataclass(frozen=True)
class EditionFigures:
    edition: str
    title: str
    short: str
    out_of: int
    imd: DomainRow | None
    rows: list[DomainRow]
    has_scores: bool
    weighted: bool
    lsoa_count: int | None
    population_covered: int | None
    chart: str
    datasets: list

    @property
    def headline(self) -> str:
        if self.imd is None or self.imd.decile is None:
            return ""
        decile = self.imd.decile
        if decile <= 5:
            share = f"the {decile * 10}% most deprived"
        else:
            share = f"the {(11 - decile) * 10}% least deprived"
        return f"Decile {decile}: among {share} areas in England"


def edition_figures(deprivation, edition: str) -> EditionFigures | None:
    """Figures from services.deprivation_for(); None when the edition is not held."""
    if deprivation is None:
        return None
    rows = [_row(domain, deprivation) for domain in Domain.values]
    rows = [row for row in rows if row is not None]
    if not rows:
        return None
    imd = next((row for row in rows if row.domain == Domain.IMD), None)
    short = EDITION_SHORT.get(edition, edition)
    chart = decile_chart(
        f"Deprivation deciles by domain, {short}",
        [Bar(row.label, row.decile) for row in rows if row.decile],
    )
    return EditionFigures(
        edition=edition,
        title=Edition(edition).label,
        short=short,
        out_of=EDITION_AREA_COUNT.get(edition, 0),
        imd=imd,
        rows=rows,
        has_scores=any(row.score is not None for row in rows),
        weighted=bool(_get(deprivation, "weighted", False)),
        lsoa_count=_get(deprivation, "lsoa_count", None),
        population_covered=_get(deprivation, "population_covered", None),
        chart=chart,
        datasets=list(_get(deprivation, "datasets", []) or []),
    )


def _row(domain: str, deprivation) -> DomainRow | None:
    figure = _domain_figure(deprivation, domain)
    if figure is None:
        return None
    decile = _get(figure, "decile", None)
    rank = _get(figure, "rank", None)
    if decile is None and rank is None:
        return None
    return DomainRow(
        domain=domain,
        label="Overall (IMD)" if domain == Domain.IMD else Domain(domain).label,
        rank=round(rank) if rank is not None else None,
        decile=round(decile) if decile is not None else None,
        score=_score(_get(figure, "score", None)),
    )


def _score(value) -> float | None:
    """Published scores have three decimal places; averages are shown the same way."""
    return round(float(value), 3) if value is not None else None


def _domain_figure(deprivation, domain: str):
    domains = _get(deprivation, "domains", None)
    if isinstance(domains, dict):
        return domains.get(domain)
    if domains is not None:
        return next((d for d in domains if _get(d, "domain", None) == domain), None)
    return None


def _get(obj, name: str, default):
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)
