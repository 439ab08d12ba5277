"""Shared by the services: permission checks, dates, status rows and geometry."""

import datetime as dt

import shapely
from django.utils import timezone

from commonweal.core.permissions import require
from commonweal.rights.planning.services.errors import PlanningError

# A shared edge drawn twice never matches exactly: overlaps smaller than this share of the
# smaller shape are slivers, not overlaps.
SLIVER_SHARE = 0.01


def check(actor, permission: str, obj=None) -> None:
    # actor=None is the system itself (the demo loader, a scheduled lapse), not a person.
    if actor is not None:
        require(actor, permission, obj)


def person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def today() -> dt.date:
    return timezone.localdate()


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def past_or_today(day, field: str, what: str) -> dt.date:
    if day is None:
        raise PlanningError(f"Give the date {what}.", field)
    if day > today():
        raise PlanningError(
            f"The date {what} cannot be later than today: record it once it has happened.", field
        )
    return day


def not_before(day: dt.date, earliest: dt.date, field: str, what: str) -> None:
    """Refuse an act before the calendar allows it, naming the earliest allowed date."""
    if day < earliest:
        raise PlanningError(
            f"{what} cannot be before {long_date(earliest)}, the earliest date the law allows.",
            field,
            earliest=earliest,
        )


def status_row(model, *, actor, status_field: str = "status", **values):
    return model.objects.create(changed_by=person(actor), changed_at=timezone.now(), **values)


def overlap_share(a: shapely.Geometry, b: shapely.Geometry) -> float:
    """How much of the smaller shape the two share (0 to 1)."""
    if a is None or b is None or not a.intersects(b):
        return 0.0
    smaller = min(a.area, b.area)
    return a.intersection(b).area / smaller if smaller else 0.0


def overlaps(a: shapely.Geometry, b: shapely.Geometry) -> bool:
    return overlap_share(a, b) > SLIVER_SHARE


def organisation_shape(organisation) -> shapely.Geometry | None:
    """An organisation's area as the directory records it: its boundary or its areas."""
    if organisation.benefit_shape is not None:
        return organisation.benefit_shape
    shapes = [a.shape for a in organisation.benefit_areas.all() if a.shape is not None]
    return shapely.unary_union(shapes) if shapes else None
