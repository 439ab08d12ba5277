"""Finding reports by area, service, provider and status (the list page, the CSV, the API)."""

from commonweal.opendata.feedback.models import Report
from commonweal.opendata.feedback.services.errors import FeedbackError
from commonweal.places.models import Area, AreaType
from commonweal.places.services import lsoa21_of

SELECTED = ("service", "provider__organisation", "authority", "lsoa", "group", "support_group")
AREA_ORDER = (AreaType.LSOA21, AreaType.WARD, AreaType.LOCAL_AUTHORITY, AreaType.NEIGHBOURHOOD)


def area_for_code(code: str) -> Area | None:
    found = {a.area_type: a for a in Area.objects.filter(gss_code__iexact=code.strip())}
    return next((found[t] for t in AREA_ORDER if t in found), next(iter(found.values()), None))


def select_reports(*, area: str = "", service: str = "", provider: str = "", status: str = ""):
    rows = Report.objects.select_related(*SELECTED)
    if area:
        place = area_for_code(area)
        if place is None:
            raise FeedbackError(
                "We do not hold an area with that code. Try a ward or LSOA code.", "area"
            )
        if place.area_type == AreaType.LOCAL_AUTHORITY:
            rows = rows.filter(authority=place)
        else:
            rows = rows.filter(lsoa__in=lsoa21_of(place))
    if service:
        rows = rows.filter(service__slug=service)
    if provider:
        rows = rows.filter(provider__organisation__slug=provider)
    if status:
        rows = rows.filter(status=status)
    return rows
