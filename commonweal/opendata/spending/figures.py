"""What a borough, a service area or a neighbourhood spent: totals, trend, suppliers, shares.

Every sum is in pence (exact on SQLite and PostgreSQL) and counts a payment's
irrecoverable VAT with it: that is what the council actually paid out.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from commonweal.datasets.models import DataSet
from commonweal.opendata.models import Payment, PaymentKind, Sector, ServiceArea

TOP_SUPPLIERS = 10
PAID = F("amount_pence") + Coalesce(F("vat_pence"), Value(0))


def share(part: int, whole: int) -> float | None:
    """A percentage to one decimal place; None when there is nothing to share."""
    return round(100 * part / whole, 1) if whole > 0 else None


@dataclass
class MonthSpend:
    month: date
    total: int
    vcs: int
    community_led: int

    @property
    def vcs_share(self):
        return share(self.vcs, self.total)


@dataclass
class Figures:
    payments: int = 0
    total: int = 0
    credits: int = 0
    credits_total: int = 0
    vcs: int = 0
    community_led: int = 0
    placed: int = 0
    months: list[MonthSpend] = field(default_factory=list)
    by_sector: list[dict] = field(default_factory=list)
    by_service: list[dict] = field(default_factory=list)
    top_suppliers: list[dict] = field(default_factory=list)
    kinds: list[dict] = field(default_factory=list)
    datasets: list = field(default_factory=list)

    @property
    def vcs_share(self):
        return share(self.vcs, self.total)

    @property
    def community_led_share(self):
        return share(self.community_led, self.total)

    @property
    def unplaced(self) -> int:
        return self.total - self.placed

    @property
    def unplaced_share(self):
        return share(self.unplaced, self.total)


def payments_for(authority, *, kind: str = "", service: ServiceArea | None = None):
    payments = Payment.objects.filter(authority=authority)
    if kind:
        payments = payments.filter(kind=kind)
    if service is not None:
        payments = payments.filter(service_area=service)
    return payments


def figures_for(authority, *, kind: str = "", service: ServiceArea | None = None) -> Figures:
    payments = payments_for(authority, kind=kind, service=service)
    vcs = Q(supplier__sector=Sector.VCS)
    led = Q(supplier__community_led=True)
    totals = payments.aggregate(
        payments=Count("id"),
        total=Coalesce(Sum(PAID), 0),
        credits=Count("id", filter=Q(amount_pence__lt=0)),
        credits_total=Coalesce(Sum(PAID, filter=Q(amount_pence__lt=0)), 0),
        vcs=Coalesce(Sum(PAID, filter=vcs), 0),
        community_led=Coalesce(Sum(PAID, filter=led), 0),
    )
    # Summed apart: a join to a service area's places would repeat a payment once per place.
    totals["placed"] = payments.filter(
        service_area__in=ServiceArea.objects.filter(authority=authority).placed()
    ).aggregate(placed=Coalesce(Sum(PAID), 0))["placed"]
    figures = Figures(**totals)
    figures.months = [
        MonthSpend(row["month"], row["total"], row["vcs"], row["community_led"])
        for row in payments.annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(
            total=Sum(PAID),
            vcs=Coalesce(Sum(PAID, filter=vcs), 0),
            community_led=Coalesce(Sum(PAID, filter=led), 0),
        )
        .order_by("month")
    ]
    labels = dict(Sector.choices)
    figures.by_sector = [
        {
            "sector": row["supplier__sector"],
            "label": labels[row["supplier__sector"]],
            "total": row["total"],
            "payments": row["payments"],
            "share": share(row["total"], figures.total),
        }
        for row in payments.values("supplier__sector")
        .annotate(total=Sum(PAID), payments=Count("id"))
        .order_by("-total")
    ]
    if service is None:
        placed_ids = set(
            ServiceArea.objects.filter(authority=authority).placed().values_list("pk", flat=True)
        )
        figures.by_service = [
            {
                "id": row["service_area"],
                "name": row["service_area__name"],
                "total": row["total"],
                "payments": row["payments"],
                "vcs_share": share(row["vcs"], row["total"]),
                "share": share(row["total"], figures.total),
                "placed": row["service_area"] in placed_ids,
                "borough_wide": row["service_area__borough_wide"],
            }
            for row in payments.values(
                "service_area", "service_area__name", "service_area__borough_wide"
            )
            .annotate(total=Sum(PAID), payments=Count("id"), vcs=Coalesce(Sum(PAID, filter=vcs), 0))
            .order_by("-total", "service_area__name")
        ]
    figures.top_suppliers = [
        {
            "name": row["supplier__name"],
            "sector": labels[row["supplier__sector"]],
            "sector_reason": row["supplier__sector_reason"],
            "community_led": row["supplier__community_led"],
            "organisation_slug": row["supplier__organisation__slug"],
            "total": row["total"],
            "payments": row["payments"],
        }
        for row in payments.values(
            "supplier",
            "supplier__name",
            "supplier__sector",
            "supplier__sector_reason",
            "supplier__community_led",
            "supplier__organisation__slug",
        )
        .annotate(total=Sum(PAID), payments=Count("id"))
        .order_by("-total", "supplier__name")[:TOP_SUPPLIERS]
    ]
    kinds = dict(PaymentKind.choices)
    figures.kinds = [
        {
            "kind": row["kind"],
            "label": kinds[row["kind"]],
            "total": row["total"],
            "payments": row["n"],
        }
        for row in payments.values("kind").annotate(total=Sum(PAID), n=Count("id")).order_by("kind")
    ]
    figures.datasets = list(
        DataSet.objects.filter(pk__in=payments.values("dataset").distinct()).order_by("title")
    )
    return figures


@dataclass
class PlacedService:
    service: ServiceArea
    total: int
    places: int

    @property
    def attributed(self) -> int:
        """Split equally between the places an officer said the service area serves."""
        return self.total // max(self.places, 1)


@dataclass
class AreaSpending:
    area: object
    authority: object
    services: list[PlacedService]
    borough: Figures | None

    @property
    def attributed(self) -> int:
        return sum(item.attributed for item in self.services)


def spending_in(area) -> AreaSpending:
    """A neighbourhood's share of its borough's spending: only what can be placed."""
    authority = area.authority
    services = []
    if authority is not None:
        mapped = ServiceArea.objects.filter(authority=authority, areas=area).distinct()
        for service in mapped.order_by("name"):
            total = payments_for(authority, service=service).aggregate(t=Coalesce(Sum(PAID), 0))
            # Counted apart: the filter on this area would make a joined count say 1.
            services.append(PlacedService(service, total["t"], service.areas.count()))
    borough = figures_for(authority) if authority is not None else None
    return AreaSpending(
        area, authority, services, borough if borough and borough.payments else None
    )
