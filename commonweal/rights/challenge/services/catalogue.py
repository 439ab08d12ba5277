"""The council's side of the catalogue: relevant services, their published timetable (s.84)
and the submission windows it publishes for each (s.82)."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from commonweal.core import audit
from commonweal.places.models import AreaType
from commonweal.rights.challenge.models import PeriodUnit, RelevantService, SubmissionWindow
from commonweal.rights.challenge.services._common import check, person
from commonweal.rights.challenge.services.errors import ChallengeError, ChallengeInvalid

MAX_PERIOD = 36  # a longer published period is almost certainly a typing mistake


def _unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "service"
    slug, number = base, 2
    while slug in {"officer", "export", "services", "expressions"} or (
        RelevantService.objects.filter(slug=slug).exists()
    ):
        slug, number = f"{base}-{number}", number + 1
    return slug


def _clean_timetable(values: dict) -> dict:
    errors = {}
    cleaned = {}
    for field in ("decision_period", "procurement_min_period"):
        if field not in values:
            continue
        number = values[field]
        if not isinstance(number, int) or not 1 <= number <= MAX_PERIOD:
            errors[field] = f"Give the period as a whole number from 1 to {MAX_PERIOD}."
        else:
            cleaned[field] = number
        unit_field = f"{field}_unit"
        if unit_field in values:
            if values[unit_field] not in PeriodUnit.values:
                errors[unit_field] = "Choose days, weeks or months."
            else:
                cleaned[unit_field] = values[unit_field]
    if errors:
        raise ChallengeInvalid(errors)
    return cleaned


def snapshot(service: RelevantService) -> dict:
    return {
        "name": service.name,
        "area_covered": service.area_covered,
        "excluded_basis": service.excluded_basis,
        "excluded_until": str(service.excluded_until or ""),
        "decision_period": service.decision_period_text,
        "procurement_min_period": service.procurement_period_text,
    }


def create_service(
    *,
    actor,
    authority,
    name: str,
    description: str = "",
    area_covered: str = "",
    excluded_basis: str = "",
    excluded_until: dt.date | None = None,
    is_sample: bool = False,
    **timetable,
) -> RelevantService:
    """A service open to challenge (or, with `excluded_basis`, one listed as excluded)."""
    check(actor, "challenge.manage_services", authority)
    if authority is None or authority.area_type != AreaType.LOCAL_AUTHORITY:
        # CRC-01/CRC-T4: parish councils (and other bodies) are not relevant authorities.
        raise ChallengeError(
            "Only a county, district or London borough council (or a fire and rescue "
            "authority) is a relevant authority; a parish council is not.",
            "authority",
        )
    name = (name or "").strip()
    if not name:
        raise ChallengeError("Give the service a name.", "name")
    cleaned = _clean_timetable(timetable)
    with transaction.atomic():
        service = RelevantService.objects.create(
            authority=authority,
            name=name[:200],
            slug=_unique_slug(name),
            description=description.strip(),
            area_covered=area_covered.strip()[:300],
            excluded_basis=excluded_basis.strip(),
            excluded_until=excluded_until,
            is_sample=is_sample,
            created_by=person(actor),
            **cleaned,
        )
        audit.record("challenge.service_created", actor=actor, obj=service, after=snapshot(service))
    return service


def set_timetable(*, actor, service: RelevantService, **timetable) -> RelevantService:
    """Change the published periods (s.84); expressions already received keep their dates."""
    check(actor, "challenge.manage_services", service.authority)
    cleaned = _clean_timetable(timetable)
    with transaction.atomic():
        service = RelevantService.objects.select_for_update().get(pk=service.pk)
        before = snapshot(service)
        for field, value in cleaned.items():
            setattr(service, field, value)
        service.save()
        audit.record(
            "challenge.timetable_published",
            actor=actor,
            obj=service,
            before=before,
            after=snapshot(service),
        )
    return service


def publish_window(
    *, actor, service: RelevantService, opens: dt.date, closes: dt.date, note: str = ""
) -> SubmissionWindow:
    """CRC-05: publish a period for expressions of interest in the service."""
    check(actor, "challenge.manage_services", service.authority)
    if opens is None or closes is None:
        raise ChallengeError("Give the dates the window opens and closes.", "opens")
    if closes < opens:
        raise ChallengeError("The window must close on or after the day it opens.", "closes")
    if service.is_excluded_on(opens):
        raise ChallengeError(
            "This service is excluded from the right to challenge, so it has no windows.",
            "service",
        )
    overlapping = service.windows.filter(opens__lte=closes, closes__gte=opens)
    if overlapping.exists():
        raise ChallengeError("This window overlaps one already published.", "opens")
    with transaction.atomic():
        window = SubmissionWindow.objects.create(
            service=service,
            opens=opens,
            closes=closes,
            note=note.strip()[:300],
            published_by=person(actor),
            published_at=timezone.now(),
        )
        audit.record(
            "challenge.window_published",
            actor=actor,
            obj=window,
            after={"service": service.slug, "opens": str(opens), "closes": str(closes)},
        )
    return window
