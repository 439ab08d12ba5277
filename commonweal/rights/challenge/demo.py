"""The right to challenge's demo: a sample relevant service with a window open now.

The service is labelled as a sample; its timetable is a typical council's (three months to
decide, six months before procurement starts)."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

SAMPLE_NAME = "Community centre caretaking (sample)"


def load_sample_service(authority, officer, password: str) -> list[str]:
    """Make the sample once for this borough; a second run changes nothing."""
    from commonweal.rights.challenge import services
    from commonweal.rights.challenge.models import RelevantService

    if RelevantService.objects.filter(authority=authority, is_sample=True).exists():
        return []
    day = timezone.localdate()
    with transaction.atomic():
        service = services.create_service(
            actor=officer,
            authority=authority,
            name=SAMPLE_NAME,
            description="Opening, closing, cleaning and booking the council's community "
            "centres. A sample service made for the demonstration.",
            area_covered=f"The whole of {authority.name}",
            decision_period=3,
            decision_period_unit="months",
            procurement_min_period=6,
            procurement_min_period_unit="months",
            is_sample=True,
        )
        window = services.publish_window(
            actor=officer,
            service=service,
            opens=day - dt.timedelta(days=14),
            closes=day + dt.timedelta(days=45),
            note="Sample window",
        )
    return [
        f"Right to challenge: {service.name}, window open "
        f"{window.opens:%-d %b %Y} to {window.closes:%-d %b %Y}."
    ]
