"""Council spending in the API: a borough's figures and its service areas. Public."""

from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Path, Query, Router, Schema

from commonweal.api import ErrorResponse
from commonweal.opendata.models import PaymentKind, ServiceArea
from commonweal.opendata.spending.figures import figures_for
from commonweal.places.api.schemas import CODE_PATTERN
from commonweal.places.models import Area, AreaType

router = Router(tags=["Open data"])


class Attribution(Schema):
    title: str
    publisher: str
    licence: str
    attribution: str


class MonthSpend(Schema):
    month: str
    total_pence: int
    vcs_pence: int
    community_led_pence: int


class SectorSpend(Schema):
    sector: str
    label: str
    payments: int
    total_pence: int
    share_percent: float | None


class SupplierSpend(Schema):
    name: str
    sector: str
    sector_reason: str
    community_led: bool
    payments: int
    total_pence: int


class ServiceSpend(Schema):
    id: int
    name: str
    payments: int
    total_pence: int
    vcs_share_percent: float | None
    placed: bool
    borough_wide: bool


class BoroughSpending(Schema):
    code: str
    name: str
    kind: str | None
    payments: int
    total_pence: int
    credits: int
    credits_pence: int
    vcs_pence: int
    vcs_share_percent: float | None
    community_led_pence: int
    community_led_share_percent: float | None
    unplaced_pence: int
    unplaced_share_percent: float | None
    months: list[MonthSpend]
    sectors: list[SectorSpend]
    top_suppliers: list[SupplierSpend]
    services: list[ServiceSpend]
    attributions: list[Attribution]


class PlacedService(Schema):
    id: int
    name: str
    borough_wide: bool
    places: list[str]


@router.get(
    "/spending/{code}",
    response={200: BoroughSpending, 404: ErrorResponse, 422: ErrorResponse},
    summary="A council's spending: totals, months, sectors, top suppliers, service areas",
    description=(
        "From the council's Local Government Transparency Code files (over £500 and "
        "procurement cards). Amounts in pence, including irrecoverable VAT; credits are "
        "negative. `unplaced` is spending whose service area no officer has placed in "
        "particular wards or neighbourhoods. Public."
    ),
)
def borough_spending(
    request,
    code: Annotated[str, Path(pattern=CODE_PATTERN, description="The council's GSS code.")],
    kind: Annotated[PaymentKind | None, Query(description="Only one kind of file.")] = None,
):
    authority = get_object_or_404(Area, area_type=AreaType.LOCAL_AUTHORITY, gss_code=code)
    f = figures_for(authority, kind=kind or "")
    return {
        "code": authority.gss_code,
        "name": authority.name,
        "kind": kind,
        "payments": f.payments,
        "total_pence": f.total,
        "credits": f.credits,
        "credits_pence": f.credits_total,
        "vcs_pence": f.vcs,
        "vcs_share_percent": f.vcs_share,
        "community_led_pence": f.community_led,
        "community_led_share_percent": f.community_led_share,
        "unplaced_pence": f.unplaced,
        "unplaced_share_percent": f.unplaced_share,
        "months": [
            {
                "month": f"{m.month:%Y-%m}",
                "total_pence": m.total,
                "vcs_pence": m.vcs,
                "community_led_pence": m.community_led,
            }
            for m in f.months
        ],
        "sectors": [
            {
                "sector": s["sector"],
                "label": s["label"],
                "payments": s["payments"],
                "total_pence": s["total"],
                "share_percent": s["share"],
            }
            for s in f.by_sector
        ],
        "top_suppliers": [
            {
                "name": s["name"],
                "sector": s["sector"],
                "sector_reason": s["sector_reason"],
                "community_led": s["community_led"],
                "payments": s["payments"],
                "total_pence": s["total"],
            }
            for s in f.top_suppliers
        ],
        "services": [
            {
                "id": s["id"],
                "name": s["name"],
                "payments": s["payments"],
                "total_pence": s["total"],
                "vcs_share_percent": s["vcs_share"],
                "placed": s["placed"],
                "borough_wide": s["borough_wide"],
            }
            for s in f.by_service
        ],
        "attributions": [
            {
                "title": d.title,
                "publisher": d.publisher,
                "licence": d.licence,
                "attribution": d.attribution,
            }
            for d in f.datasets
        ],
    }


@router.get(
    "/spending/{code}/services",
    response={200: list[PlacedService], 404: ErrorResponse, 422: ErrorResponse},
    summary="A council's service areas and the places officers have recorded for them",
    description="Each service area named in the council's spending files. Public.",
)
def service_places(
    request,
    code: Annotated[str, Path(pattern=CODE_PATTERN, description="The council's GSS code.")],
):
    authority = get_object_or_404(Area, area_type=AreaType.LOCAL_AUTHORITY, gss_code=code)
    services = ServiceArea.objects.filter(authority=authority).prefetch_related("areas")
    return [
        {
            "id": s.pk,
            "name": s.name,
            "borough_wide": s.borough_wide,
            "places": sorted(area.gss_code for area in s.areas.all()),
        }
        for s in services.order_by("name")
    ]
