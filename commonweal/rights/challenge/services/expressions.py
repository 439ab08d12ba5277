"""Expressions of interest: checked against the rules (who may express one, which services,
which windows, what it must contain) and received with their clocks computed."""

import datetime as dt
import uuid

from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.rights.challenge import config, engine
from commonweal.rights.challenge.models import (
    ExpressionOfInterest,
    ExpressionStatus,
    RelevantService,
    StatusChange,
)
from commonweal.rights.challenge.services._common import check, person, today
from commonweal.rights.challenge.services.errors import ChallengeError, ChallengeInvalid

CONTENT_FIELDS = (
    "service_and_area",
    "financial_resources",
    "capability",
    "outcomes",
    "consortium_details",
    "employee_engagement",
)


def _body(organisation, employee_names) -> engine.BodyFinding:
    names = [name for name in (employee_names or []) if str(name).strip()]
    if organisation is not None and names:
        raise ChallengeError(
            "Express an interest either for an organisation or as employees, not both.",
            "employee_names",
        )
    if organisation is not None:
        return engine.organisation_body(organisation.kind, organisation.legal_form)
    return engine.employees_body(names)


def _window(service: RelevantService, received: dt.date):
    """The published window the expression falls in; None when the service has none."""
    if not service.has_windows:
        return None
    window = service.window_on(received)
    if window is not None or not config.refuse_outside_window():
        return window
    upcoming = service.windows.filter(opens__gt=received).first()
    when = (
        f" The next window opens on {upcoming.opens:%-d %B %Y}."
        if upcoming
        else " No further window has been published yet."
    )
    # CRC-05/CRC-T5: refusing consideration outside a published window is believed allowed
    # by s.82(3) [R, U10]; the setting lets a council consider them instead.
    raise ChallengeError(
        f"The council accepts expressions of interest in {service.name} only during the "
        f"windows it has published, and {received:%-d %B %Y} is outside them.{when}",
        "received_on",
    )


def deadlines(service: RelevantService, received: dt.date, window) -> dict:
    closes = window.closes if window is not None else None
    due = engine.decision_due(
        received=received,
        window_closes=closes,
        count=service.decision_period,
        unit=service.decision_period_unit,
        wording=config.wording(),
        month_rule=config.month_rule(),
    )
    notice = engine.timetable_notice_due(
        received=received, window_closes=closes, days=config.notice_days()
    )
    return {
        "decision_due": due.date,
        "decision_due_explanation": due.explanation[:200],
        "timetable_notice_due": notice.date,
    }


def submit_expression(
    *,
    actor,
    service: RelevantService,
    organisation=None,
    employee_names: list[str] | None = None,
    received_on: dt.date | None = None,
    consortium: bool = False,
    **contents,
) -> ExpressionOfInterest:
    """Receive an expression of interest, or refuse it with every reason it cannot be."""
    check(actor, "challenge.submit_expression", organisation)
    received = received_on or today()
    if received != today():
        # Only the council records one received on another day (on paper, by email).
        check(actor, "challenge.decide_expression", service)
    if received > today():
        raise ChallengeError("The date received cannot be in the future.", "received_on")
    if service.is_excluded_on(received):
        raise ChallengeError(
            f"{service.name} is excluded from the right to challenge "
            f"({service.excluded_basis}), so it is not a relevant service (s.81(5)).",
            "service",
        )
    body = _body(organisation, employee_names)
    if not body.relevant:
        raise ChallengeError(body.reason, "organisation" if organisation else "employee_names")
    window = _window(service, received)
    values = {field: str(contents.get(field, "") or "").strip() for field in CONTENT_FIELDS}
    unknown = set(contents) - set(CONTENT_FIELDS)
    if unknown:
        raise TypeError(f"unexpected contents: {', '.join(sorted(unknown))}")
    missing = engine.missing_contents(
        values,
        employees=body.kind is engine.BodyKind.EMPLOYEES,
        consortium=consortium,
        employee_engagement_required=config.employee_engagement_required(),
    )
    if missing:
        raise ChallengeInvalid(
            {field: f"Give {label[0].lower()}{label[1:]}." for field, label in missing},
            summary="The expression of interest is missing "
            + "; ".join(label.lower() for _, label in missing)
            + ".",
        )
    names = [str(name).strip() for name in (employee_names or []) if str(name).strip()]
    with transaction.atomic():
        expression = ExpressionOfInterest.objects.create(
            service=service,
            window=window,
            reference=f"new-{uuid.uuid4().hex[:12]}",
            body_kind=body.kind.value,
            organisation=organisation,
            employee_names=names,
            consortium=consortium,
            received_on=received,
            submitted_by=person(actor),
            **values,
            **deadlines(service, received, window),
        )
        expression.reference = f"RTC-{received.year}-{expression.pk:04d}"
        expression.save(update_fields=["reference"])
        StatusChange.objects.create(
            expression=expression,
            status=ExpressionStatus.RECEIVED,
            reason="Received",
            changed_by=person(actor),
            changed_at=timezone.now(),
        )
        audit.record(
            "challenge.expression_received",
            actor=actor,
            obj=expression,
            after={
                "service": service.slug,
                "body": expression.body_name,
                "received_on": str(received),
                "decision_due": str(expression.decision_due),
            },
        )
    return expression
