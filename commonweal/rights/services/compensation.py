"""Compensation claims (s.99; ACV-27 to ACV-29): the time limit from the regulation, and
the advice note's older date shown only as information."""

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction

from commonweal.core import audit
from commonweal.rights.models import CompensationClaim, CompensationOutcome, Nomination
from commonweal.rights.services._common import check, person, today
from commonweal.rights.services.deadlines import claim_in_time
from commonweal.rights.services.errors import RightsError


def record_claim(
    *,
    actor,
    nomination: Nomination,
    claimant: str,
    loss_description: str,
    loss_incurred_on: dt.date,
    amount,
    evidence: str,
    received_on: dt.date | None = None,
) -> tuple[CompensationClaim, bool]:
    """Record a written claim; returns whether it arrived before the end of 13 weeks after
    the loss was incurred (reg 14(5)(b)). A late claim is recorded, flagged, not refused:
    the council decides."""
    check(actor, "rights.run_casework", nomination)
    received_on = received_on or today()
    for field, value, words in (
        ("claimant", claimant, "Give the claimant's name."),
        ("loss_description", loss_description, "Describe the loss or expense claimed."),
        ("evidence", evidence, "A claim must be accompanied by supporting evidence."),
    ):
        if not (value or "").strip():
            raise RightsError(words, field)
    try:
        amount = Decimal(str(amount))
    except (InvalidOperation, ValueError):
        raise RightsError("State the amount claimed in pounds.", "amount") from None
    if amount <= 0:
        raise RightsError("State the amount claimed in pounds.", "amount")
    in_time, by = claim_in_time(loss_incurred_on, received_on)
    with transaction.atomic():
        claim = CompensationClaim.objects.create(
            nomination=nomination,
            claimant=claimant.strip()[:300],
            loss_description=loss_description.strip(),
            loss_incurred_on=loss_incurred_on,
            received_on=received_on,
            amount=amount,
            evidence=evidence.strip(),
            recorded_by=person(actor),
        )
        audit.record(
            "rights.compensation_claimed",
            actor=actor,
            obj=claim,
            after={"amount": str(amount), "in_time": in_time, "claim_by": by.isoformat()},
        )
    return claim, in_time


def decide_claim(
    *,
    actor,
    claim: CompensationClaim,
    awarded,
    reasons: str,
    notice_on: dt.date | None = None,
) -> CompensationClaim:
    check(actor, "rights.run_casework", claim.nomination)
    if not (reasons or "").strip():
        raise RightsError("Give written reasons for the decision.", "reasons")
    try:
        awarded = Decimal(str(awarded or 0))
    except (InvalidOperation, ValueError):
        raise RightsError("Give the amount awarded in pounds (0 to refuse).", "awarded") from None
    with transaction.atomic():
        claim = CompensationClaim.objects.select_for_update().get(pk=claim.pk)
        claim.awarded = awarded
        claim.outcome = CompensationOutcome.PAID if awarded > 0 else CompensationOutcome.REFUSED
        claim.reasons = reasons.strip()
        claim.decision_notice_on = notice_on or today()
        claim.save()
        audit.record(
            "rights.compensation_decided",
            actor=actor,
            obj=claim,
            after={"outcome": claim.outcome, "awarded": str(awarded)},
        )
    return claim
