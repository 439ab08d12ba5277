"""The crime figures of an area, as the area's crime page shows them."""

from datetime import date
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Path, Router, Schema

from commonweal.api import ErrorResponse
from commonweal.opendata.services.figures import figures_for
from commonweal.places.api.schemas import CODE_PATTERN
from commonweal.places.models import Area, AreaType

router = Router(tags=["Open data"])


class CrimeMonth(Schema):
    month: str
    total: int
    rate_per_1000: float | None
    borough_rate_per_1000: float | None
    decile_rate_per_1000: float | None
    by_category: dict[str, int]


class Attribution(Schema):
    title: str
    publisher: str
    licence: str
    attribution: str


class AreaCrime(Schema):
    area_type: str
    code: str
    name: str
    population: int | None
    borough: str | None
    imd_decile: int | None
    imd_edition: str
    months: list[CrimeMonth]
    attributions: list[Attribution]


def _month(value: date) -> str:
    return f"{value:%Y-%m}"


@router.get(
    "/crime/{area_type}/{code}",
    response={200: AreaCrime, 404: ErrorResponse, 422: ErrorResponse},
    summary="Street crime in an area, by month and category",
    description=(
        "Counts of street-level crime (data.police.uk) inside the area's boundary, by month "
        "and category, with rates per 1,000 residents for the area, its borough and the areas "
        "sharing its deprivation decile. Public."
    ),
)
def area_crime(
    request,
    area_type: Annotated[AreaType, Path(description="The type of area.")],
    code: Annotated[str, Path(pattern=CODE_PATTERN, description="The area's GSS code.")],
):
    area = get_object_or_404(
        Area.objects.select_related("authority"), area_type=area_type, gss_code=code
    )
    figures = figures_for(area)
    return {
        "area_type": area.area_type,
        "code": area.gss_code,
        "name": area.name,
        "population": figures.population,
        "borough": figures.borough.gss_code if figures.borough else None,
        "imd_decile": figures.decile,
        "imd_edition": figures.decile_edition,
        "months": [
            {
                "month": _month(m.month),
                "total": m.total,
                "rate_per_1000": m.rate,
                "borough_rate_per_1000": m.borough_rate,
                "decile_rate_per_1000": m.decile_rate,
                "by_category": dict(sorted(m.by_category.items())),
            }
            for m in figures.months
        ],
        "attributions": [
            {
                "title": d.title,
                "publisher": d.publisher,
                "licence": d.licence,
                "attribution": d.attribution,
            }
            for d in figures.datasets
        ],
    }


# Council spending has its own module; its operations share this router's prefix.
from commonweal.opendata.spending.api import router as spending_router  # noqa: E402

router.add_router("", spending_router)
