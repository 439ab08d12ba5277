"""Every deadline of a case, for the officer dashboard and the public entry.

Each comes from a named calendar function; month-based ones carry both month rules so the
page can show both where they differ, and the decision clock both readings (U4).
"""

import datetime as dt
from dataclasses import dataclass

from commonweal.rights.calendar import MonthEnd
from commonweal.rights.calendar.acv_casework import (
    compensation_claim_by,
    compensation_review_by,
    decision_due,
    review_decision_due,
    review_request_by,
    tribunal_appeal_by,
)
from commonweal.rights.models import (
    CaseStatus,
    CompensationOutcome,
    Nomination,
    NoticeKind,
    Recipient,
    ReviewOutcome,
)
from commonweal.rights.services.state import (
    latest_notice,
    listing_end,
    month_rule,
    timeline_for,
    unsuccessful_end,
)


@dataclass(frozen=True)
class Deadline:
    label: str
    rule: str
    due: dt.date
    # The other reading (Rule B, or the later clock reading) where it differs.
    alternative: dt.date | None = None
    alternative_label: str = ""
    # True for the council's own duty (an overdue one is an alert); False for a period
    # ending or a window others must meet.
    council_duty: bool = False
    public: bool = True

    def state(self, on: dt.date) -> str:
        if self.due < on:
            return "overdue" if self.council_duty else "passed"
        return "upcoming"


def _month(label: str, rule: str, end: MonthEnd, **extra) -> Deadline:
    binding = month_rule()
    other = end.rule_b if binding == "C" else end.rule_c
    return Deadline(
        label,
        rule,
        end.under(binding),
        alternative=other if end.differ else None,
        alternative_label=f"Rule {'B' if binding == 'C' else 'C'}" if end.differ else "",
        **extra,
    )


def case_deadlines(nomination: Nomination) -> list[Deadline]:
    found: list[Deadline] = []
    if nomination.status == CaseStatus.RECEIVED:
        due = decision_due(nomination.received_on)
        found.append(
            Deadline(
                "Decide whether to list the land",
                "ACV-07",
                due.target,
                alternative=due.alternative,
                alternative_label="if the 8 weeks run from the day after receipt",
                council_duty=True,
                public=False,
            )
        )
    if (
        nomination.status in (CaseStatus.LISTED, CaseStatus.REMOVED)
        and nomination.removed_on is None
    ):
        found.append(
            _month(
                "Listing ends (removed from the list after this day)",
                "ACV-01",
                listing_end(nomination),
            )
        )
    if (end := unsuccessful_end(nomination)) is not None:
        found.append(_month("Entry on the list of unsuccessful nominations ends", "ACV-09", end))
    found += _review_deadlines(nomination)
    if nomination.status == CaseStatus.LISTED and (notice := latest_notice(nomination)):
        timeline = timeline_for(notice)
        found.append(
            Deadline(
                "Interim moratorium ends; requests to bid must reach the council by this day",
                "ACV-17",
                timeline.interim_moratorium_end,
            )
        )
        if timeline.full_moratorium_end is not None:
            found.append(_month("Full moratorium ends", "ACV-21", timeline.full_moratorium_end))
        found.append(_month("Protected period ends", "ACV-22", timeline.protected_period_end))
    for claim in nomination.compensation_claims.all():
        if claim.outcome == CompensationOutcome.PENDING:
            continue
        if claim.decision_notice_on:
            found.append(
                Deadline(
                    f"Owner may ask for a review of the compensation decision ({claim.claimant})",
                    "ACV-29",
                    compensation_review_by(claim.decision_notice_on),
                    public=False,
                )
            )
    return sorted(found, key=lambda item: item.due)


def _review_deadlines(nomination: Nomination) -> list[Deadline]:
    found = []
    reviews = list(nomination.reviews.all())
    if nomination.status == CaseStatus.LISTED and not reviews:
        notice = nomination.notices.filter(
            kind=NoticeKind.LISTED, recipient=Recipient.OWNER
        ).first()
        if notice is not None:
            found.append(
                Deadline(
                    "Owner may ask for a review of the listing until",
                    "ACV-12",
                    review_request_by(notice.issued_on),
                )
            )
    for review in reviews:
        if review.outcome == ReviewOutcome.PENDING:
            found.append(
                Deadline(
                    "Complete the owner's review",
                    "ACV-12",
                    review_decision_due(review.requested_on),
                    council_duty=True,
                )
            )
        elif review.decision_sent_on and not review.appeal_received_on:
            found.append(
                Deadline(
                    "The tribunal must receive any appeal by",
                    "ACV-13",
                    tribunal_appeal_by(review.decision_sent_on),
                )
            )
    return found


def claim_in_time(loss_incurred: dt.date, received: dt.date) -> tuple[bool, dt.date]:
    by = compensation_claim_by(loss_incurred)
    return received <= by, by
