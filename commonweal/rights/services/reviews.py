"""The owner's review of a listing (s.92; ACV-12) and the tribunal appeal (ACV-13)."""

import datetime as dt

from django.db import transaction

from commonweal.core import audit
from commonweal.rights.calendar.acv_casework import review_request_by, tribunal_appeal_by
from commonweal.rights.models import (
    AppealOutcome,
    CaseStatus,
    Nomination,
    NoticeKind,
    Recipient,
    Review,
    ReviewOutcome,
)
from commonweal.rights.services import notices
from commonweal.rights.services._common import check, locked, person, today
from commonweal.rights.services.decisions import _remove
from commonweal.rights.services.errors import RightsError


def _when(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _review_state(review: Review) -> dict:
    return {
        "requested_on": review.requested_on.isoformat(),
        "outcome": review.outcome,
        "appeal_outcome": review.appeal_outcome,
    }


def listing_notice_date(nomination: Nomination) -> dt.date | None:
    notice = nomination.notices.filter(kind=NoticeKind.LISTED, recipient=Recipient.OWNER).first()
    return notice.issued_on if notice else None


def request_review(
    *,
    actor,
    nomination: Nomination,
    requested_on: dt.date | None = None,
    oral_hearing: bool = False,
    notice_given_on: dt.date | None = None,
    longer_period_allowed_until: dt.date | None = None,
) -> Review:
    """Record the owner's written request for a review; refused if out of time (8 weeks
    beginning with the day the notice of listing was given) unless longer was allowed."""
    check(actor, "rights.request_review", nomination)
    requested_on = requested_on or today()
    with transaction.atomic():
        nomination = locked(nomination)
        if nomination.status != CaseStatus.LISTED:
            raise RightsError("Only a listing can be reviewed.", "requested_on")
        if nomination.reviews.exists():
            raise RightsError("The owner has already asked for a review.", "requested_on")
        given = notice_given_on or listing_notice_date(nomination) or nomination.decided_on
        by = longer_period_allowed_until or review_request_by(given)
        if requested_on > by:
            raise RightsError(
                f"The request is out of time: it had to reach the council by {_when(by)} (eight "
                f"weeks beginning with {_when(given)}, when notice of listing was given), "
                "unless the council allowed longer in writing.",
                "requested_on",
            )
        if requested_on < given:
            raise RightsError("The request cannot be before the notice of listing.", "requested_on")
        review = Review.objects.create(
            nomination=nomination,
            listing_notice_given_on=given,
            requested_on=requested_on,
            longer_period_allowed_until=longer_period_allowed_until,
            oral_hearing=oral_hearing,
            recorded_by=person(actor),
        )
        audit.record(
            "rights.review_requested", actor=actor, obj=review, after=_review_state(review)
        )
    return review


def decide_review(
    *, actor, review: Review, upheld: bool, reasons: str, sent_on: dt.date | None = None
) -> Review:
    """The review decision, by an officer who took no part in the listing decision; if the
    land should not have been listed it is removed, with notices."""
    check(actor, "rights.run_casework", review.nomination)
    reasons = (reasons or "").strip()
    if not reasons:
        raise RightsError("Give the reasons for the review decision.", "reasons")
    sent_on = sent_on or today()
    with transaction.atomic():
        nomination = locked(review.nomination)
        review = Review.objects.select_for_update().get(pk=review.pk)
        if review.outcome != ReviewOutcome.PENDING:
            raise RightsError("This review has already been decided.", "upheld")
        if person(actor) is not None and nomination.decided_by_id == actor.pk:
            raise RightsError(
                "The review must be carried out by an officer who took no part in the listing "
                "decision (Schedule 2).",
                "upheld",
            )
        if sent_on < review.requested_on:
            raise RightsError("The decision cannot be before the request.", "sent_on")
        review.outcome = ReviewOutcome.UPHELD if upheld else ReviewOutcome.REMOVED
        review.reasons = reasons
        review.decision_sent_on = sent_on
        review.reviewer = person(actor)
        review.save()
        notices.issue(
            nomination,
            NoticeKind.REVIEW_DECISION,
            actor=actor,
            issued_on=sent_on,
            title="Decision on the review of a listing",
            paragraphs=[
                notices.land_line(nomination),
                f"The council has reviewed its decision to list this land. Outcome: "
                f"{review.get_outcome_display().lower()}. Reasons: {reasons}",
                "If you disagree you may appeal to the First-tier Tribunal (General Regulatory "
                "Chamber). The tribunal must receive your appeal within 28 days of the date "
                f"this decision was sent: by {_when(tribunal_appeal_by(sent_on))}.",
            ],
        )
        if not upheld:
            _remove(nomination, actor=actor, reason=f"Review: {reasons}", removed_on=sent_on)
        audit.record("rights.review_decided", actor=actor, obj=review, after=_review_state(review))
    return review


def record_appeal(*, actor, review: Review, received_on: dt.date) -> tuple[Review, bool]:
    """Record that the tribunal received an appeal; returns whether it was in time (a late
    appeal needs the tribunal's extension, r.22(4))."""
    check(actor, "rights.run_casework", review.nomination)
    with transaction.atomic():
        review = Review.objects.select_for_update().get(pk=review.pk)
        if review.decision_sent_on is None:
            raise RightsError("The review has not been decided yet.", "received_on")
        review.appeal_received_on = received_on
        review.appeal_outcome = AppealOutcome.PENDING
        review.save()
        in_time = received_on <= tribunal_appeal_by(review.decision_sent_on)
        audit.record(
            "rights.appeal_recorded",
            actor=actor,
            obj=review,
            after={**_review_state(review), "in_time": in_time},
        )
    return review, in_time


def decide_appeal(
    *, actor, review: Review, allowed: bool, decided_on: dt.date | None = None
) -> Review:
    """The tribunal's outcome: an allowed appeal removes the land from the list."""
    check(actor, "rights.run_casework", review.nomination)
    decided_on = decided_on or today()
    with transaction.atomic():
        nomination = locked(review.nomination)
        review = Review.objects.select_for_update().get(pk=review.pk)
        if review.appeal_outcome != AppealOutcome.PENDING:
            raise RightsError("No appeal is waiting for an outcome.", "allowed")
        review.appeal_outcome = AppealOutcome.ALLOWED if allowed else AppealOutcome.DISMISSED
        review.appeal_decided_on = decided_on
        review.save()
        if allowed and nomination.status == CaseStatus.LISTED:
            _remove(
                nomination,
                actor=actor,
                reason="The First-tier Tribunal allowed the owner's appeal against listing.",
                removed_on=decided_on,
            )
        audit.record("rights.appeal_decided", actor=actor, obj=review, after=_review_state(review))
    return review
