"""The council's decision on an expression of interest (ss.83-84): its timetable, rejection
only on the statutory grounds, modification only with the body's agreement, acceptance and
the procurement exercise it starts. Every change of status is an attributed row."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.rights.challenge import config, engine
from commonweal.rights.challenge.models import (
    ExpressionOfInterest,
    ExpressionStatus,
    Modification,
    ProcurementExercise,
    ProcurementStatus,
    RejectionGround,
    StatusChange,
)
from commonweal.rights.challenge.services._common import check, person, today
from commonweal.rights.challenge.services.errors import ChallengeError, ChallengeInvalid


def _locked(expression: ExpressionOfInterest) -> ExpressionOfInterest:
    return ExpressionOfInterest.objects.select_for_update().get(pk=expression.pk)


def _move(expression: ExpressionOfInterest, status: str, reason: str, actor) -> None:
    if not expression.can_move_to(status):
        raise ChallengeError(
            f"An expression of interest that is “{expression.get_status_display().lower()}” "
            f"cannot become “{ExpressionStatus(status).label.lower()}”.",
            "status",
        )
    before = expression.status
    expression.status = status
    expression.save(update_fields=["status", "decided_on", "decision_reasons"])
    StatusChange.objects.create(
        expression=expression,
        status=status,
        reason=reason,
        changed_by=person(actor),
        changed_at=timezone.now(),
    )
    audit.record(
        f"challenge.expression_{status}",
        actor=actor,
        obj=expression,
        before={"status": before},
        after={"status": status, "reason": reason},
    )


def _decision_day(expression, decided_on: dt.date | None) -> dt.date:
    day = decided_on or today()
    if day > today():
        raise ChallengeError("The decision date cannot be in the future.", "decided_on")
    if day < expression.received_on:
        raise ChallengeError(
            "The decision date cannot be before the expression was received.", "decided_on"
        )
    return day


def _clean_grounds(grounds: dict[str, str]) -> dict[str, str]:
    """CRC-07: one or more statutory grounds, each with the council's reasons."""
    if not grounds:
        raise ChallengeError(
            "Choose at least one of the statutory grounds, and give the reasons for it.",
            "grounds",
        )
    errors, cleaned = {}, {}
    for ground, reasons in grounds.items():
        try:
            key = engine.Ground(ground)
        except ValueError:
            errors["grounds"] = (
                f"“{str(ground)[:40]}” is not one of the statutory grounds for rejection."
            )
            continue
        if not (reasons or "").strip():
            errors[f"reasons_{key.value}"] = (
                f"Give the reasons for the ground “{engine.GROUNDS[key].lower()}”."
            )
        else:
            cleaned[key.value] = reasons.strip()
    if errors:
        raise ChallengeInvalid(errors)
    return cleaned


def notify_timetable(
    *,
    actor,
    expression: ExpressionOfInterest,
    expected_decision_on: dt.date,
    notified_on: dt.date | None = None,
) -> ExpressionOfInterest:
    """Record that the body was told when the council will decide (CRC-06, [R] U10)."""
    check(actor, "challenge.decide_expression", expression.service)
    notified = notified_on or today()
    if expected_decision_on is None:
        raise ChallengeError("Give the date the council expects to decide.", "expected_decision_on")
    if expected_decision_on > expression.decision_due:
        raise ChallengeError(
            "The expected decision date is after the latest date the council published "
            f"({expression.decision_due:%-d %B %Y}).",
            "expected_decision_on",
        )
    with transaction.atomic():
        expression = _locked(expression)
        if not expression.is_open:
            raise ChallengeError("This expression of interest has been decided.", "status")
        expression.timetable_notified_on = notified
        expression.expected_decision_on = expected_decision_on
        expression.save(update_fields=["timetable_notified_on", "expected_decision_on"])
        audit.record(
            "challenge.timetable_notified",
            actor=actor,
            obj=expression,
            after={"notified_on": str(notified), "expected": str(expected_decision_on)},
        )
    return expression


def reject(
    *,
    actor,
    expression: ExpressionOfInterest,
    grounds: dict[str, str],
    decided_on: dt.date | None = None,
) -> ExpressionOfInterest:
    """Reject, only on the statutory grounds, each recorded with its reasons (s.83(11))."""
    check(actor, "challenge.decide_expression", expression.service)
    cleaned = _clean_grounds(grounds)
    with transaction.atomic():
        expression = _locked(expression)
        expression.decided_on = _decision_day(expression, decided_on)
        expression.decision_reasons = "\n".join(
            f"{engine.GROUNDS[engine.Ground(g)]}: {r}" for g, r in cleaned.items()
        )
        _move(expression, ExpressionStatus.REJECTED, "Rejected on the statutory grounds", actor)
        RejectionGround.objects.bulk_create(
            RejectionGround(expression=expression, ground=g, reasons=r) for g, r in cleaned.items()
        )
    return expression


def propose_modification(
    *,
    actor,
    expression: ExpressionOfInterest,
    proposal: str,
    grounds: dict[str, str],
) -> Modification:
    """CRC-06: propose a modification, only where the council would otherwise reject (the
    grounds it would reject on are recorded), to take effect only if the body agrees."""
    check(actor, "challenge.decide_expression", expression.service)
    if not (proposal or "").strip():
        raise ChallengeError("Say what the modification is.", "proposal")
    cleaned = _clean_grounds(grounds)
    with transaction.atomic():
        expression = _locked(expression)
        modification = Modification.objects.create(
            expression=expression,
            proposal=proposal.strip(),
            proposed_by=person(actor),
            proposed_on=today(),
        )
        _move(
            expression,
            ExpressionStatus.MODIFICATION_PROPOSED,
            "Modification proposed; it would otherwise be rejected",
            actor,
        )
        RejectionGround.objects.bulk_create(
            RejectionGround(expression=expression, modification=modification, ground=g, reasons=r)
            for g, r in cleaned.items()
        )
    return modification


def answer_modification(
    *, actor, expression: ExpressionOfInterest, agreed: bool, note: str = ""
) -> ExpressionOfInterest:
    """The body agrees (accepted with modification) or declines (back for a decision)."""
    check(actor, "challenge.answer_modification", expression)
    with transaction.atomic():
        expression = _locked(expression)
        modification = expression.modifications.filter(agreed__isnull=True).last()
        if expression.status != ExpressionStatus.MODIFICATION_PROPOSED or modification is None:
            raise ChallengeError("There is no proposed modification to answer.", "agreed")
        modification.agreed = bool(agreed)
        modification.answered_by = person(actor)
        modification.answered_on = today()
        modification.answer_note = (note or "").strip()
        modification.save()
        if agreed:
            expression.decided_on = today()
            expression.decision_reasons = f"Accepted with modification: {modification.proposal}"
            _move(expression, ExpressionStatus.ACCEPTED_MODIFIED, "The body agreed", actor)
            _open_procurement(expression)
        else:
            _move(
                expression, ExpressionStatus.RECEIVED, "The body declined the modification", actor
            )
    return expression


def accept(
    *,
    actor,
    expression: ExpressionOfInterest,
    reasons: str = "",
    decided_on: dt.date | None = None,
) -> ExpressionOfInterest:
    """Accept, which starts a procurement exercise for the service (s.83(2))."""
    check(actor, "challenge.decide_expression", expression.service)
    with transaction.atomic():
        expression = _locked(expression)
        expression.decided_on = _decision_day(expression, decided_on)
        expression.decision_reasons = (reasons or "").strip()
        _move(expression, ExpressionStatus.ACCEPTED, "Accepted", actor)
        _open_procurement(expression)
    return expression


def _open_procurement(expression: ExpressionOfInterest) -> ProcurementExercise:
    service = expression.service
    start = engine.earliest_procurement_start(
        accepted=expression.decided_on,
        count=service.procurement_min_period,
        unit=service.procurement_min_period_unit,
        wording=config.wording(),
        month_rule=config.month_rule(),
    )
    return ProcurementExercise.objects.create(
        service=service,
        expression=expression,
        earliest_start=start.date,
        earliest_start_explanation=start.explanation[:200],
    )


def start_procurement(
    *, actor, procurement: ProcurementExercise, started_on: dt.date, note: str = ""
) -> ProcurementExercise:
    """Record that the procurement exercise started: never before the published minimum."""
    check(actor, "challenge.decide_expression", procurement.service)
    if started_on is None:
        raise ChallengeError("Give the date the exercise started.", "started_on")
    if started_on < procurement.earliest_start:
        raise ChallengeError(
            "The procurement exercise may not start before "
            f"{procurement.earliest_start:%-d %B %Y} ({procurement.earliest_start_explanation}).",
            "started_on",
        )
    with transaction.atomic():
        procurement = ProcurementExercise.objects.select_for_update().get(pk=procurement.pk)
        if procurement.status != ProcurementStatus.PLANNED:
            raise ChallengeError("This procurement exercise has already started.", "started_on")
        procurement.started_on = started_on
        procurement.status = ProcurementStatus.STARTED
        procurement.note = (note or "").strip()
        procurement.save()
        audit.record(
            "challenge.procurement_started",
            actor=actor,
            obj=procurement,
            after={"started_on": str(started_on)},
        )
    return procurement


def withdraw(*, actor, expression: ExpressionOfInterest, reason: str = "") -> ExpressionOfInterest:
    """The body withdraws an expression of interest that has not been decided."""
    check(actor, "challenge.answer_modification", expression)
    with transaction.atomic():
        expression = _locked(expression)
        _move(expression, ExpressionStatus.WITHDRAWN, (reason or "Withdrawn").strip(), actor)
    return expression
