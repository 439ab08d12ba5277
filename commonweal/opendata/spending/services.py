"""Writes an officer makes to spending data: where a service area spends."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.opendata.models import ServiceArea
from commonweal.places.models import Area, AreaType

PLACEABLE = (AreaType.WARD, AreaType.NEIGHBOURHOOD, AreaType.LSOA11, AreaType.LSOA21)


@transaction.atomic
def record_service_places(
    service: ServiceArea, *, actor, areas: list[Area], borough_wide: bool, note: str = ""
) -> ServiceArea:
    """Say which places a service area spends in (or that it serves the whole borough).

    Its spending is then attributed to those places, split equally between them.
    """
    if borough_wide and areas:
        raise ValidationError("A service area serves either the whole borough or some places.")
    for area in areas:
        if area.authority_id != service.authority_id or area.area_type not in PLACEABLE:
            raise ValidationError(f"{area.name} is not a ward or neighbourhood of this borough.")
    before = {
        "areas": sorted(service.areas.values_list("gss_code", flat=True)),
        "borough_wide": service.borough_wide,
        "note": service.mapping_note,
    }
    service.borough_wide = borough_wide
    service.mapping_note = note.strip()
    service.mapped_by = actor
    service.mapped_at = timezone.now()
    service.save(update_fields=["borough_wide", "mapping_note", "mapped_by", "mapped_at"])
    service.areas.set(areas)
    audit.record(
        "opendata.service_area_placed",
        actor=actor,
        obj=service,
        before=before,
        after={
            "areas": sorted(area.gss_code for area in areas),
            "borough_wide": borough_wide,
            "note": service.mapping_note,
        },
    )
    return service
