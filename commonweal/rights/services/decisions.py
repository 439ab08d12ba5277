"""Deciding a nomination (s.90; ACV-07, 08, 10) and removing an entry (ACV-25)."""

import datetime as dt

from django.db import transaction

from commonweal.core import audit
from commonweal.rights.calendar.acv_casework import decision_due, review_request_by
from commonweal.rights.models import CaseStatus, Nomination, NoticeKind
from commonweal.rights.services import notices
from commonweal.rights.services._common import check, locked, person, set_status, today
from commonweal.rights.services.errors import RightsError
from commonweal.rights.services.nominations import snapshot
from commonweal.rights.services.state import listing_end, month_rule


def _when(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def decide(
    *,
    actor,
    nomination: Nomination,
    listed: bool,
    reasons: str,
    current_use_finding: str = "",
    recent_past_finding: str = "",
    decided_on: dt.date | None = None,
) -> Nomination:
    """List the land or refuse, with the findings and reasons; notices go to the owner, the
    occupier, the nominator and the parish council."""
    check(actor, "rights.run_casework", nomination)
    reasons = (reasons or "").strip()
    decided_on = decided_on or today()
    if not reasons:
        raise RightsError(
            "Give the reasons for the decision: the nominator must have them in writing.",
            "reasons",
        )
    if listed and not (current_use_finding.strip() or recent_past_finding.strip()):
        raise RightsError(
            "Record your finding on the community value test: the current use, or the use "
            "in the recent past (s.88).",
            "current_use_finding",
        )
    if decided_on > today():
        raise RightsError("The decision date cannot be in the future.", "decided_on")
    with transaction.atomic():
        nomination = locked(nomination)
        if nomination.status != CaseStatus.RECEIVED:
            raise RightsError("This nomination has already been decided.", "listed")
        if decided_on < nomination.received_on:
            raise RightsError("The decision cannot be before the nomination arrived.", "decided_on")
        before = snapshot(nomination)
        nomination.decided_on = decided_on
        nomination.decision_reasons = reasons
        nomination.current_use_finding = current_use_finding.strip()
        nomination.recent_past_finding = recent_past_finding.strip()
        nomination.decided_by = person(actor)
        nomination.save()
        status = CaseStatus.LISTED if listed else CaseStatus.NOT_LISTED
        due = decision_due(nomination.received_on)
        late = decided_on > due.target
        set_status(
            nomination,
            status,
            actor=actor,
            effective_on=decided_on,
            reason=reasons + (" (decided after the 8-week target)" if late else ""),
        )
        if listed:
            _listing_notices(nomination, actor, decided_on)
        else:
            _refusal_notices(nomination, actor, decided_on)
        audit.record(
            "rights.nomination_decided",
            actor=actor,
            obj=nomination,
            before=before,
            after={**snapshot(nomination), "late": late, "target": due.target.isoformat()},
        )
    return nomination


def _listing_notices(nomination: Nomination, actor, decided_on: dt.date) -> None:
    end = listing_end(nomination)
    binding = end.under(month_rule())
    other = (
        f" (or {_when(end.rule_b if month_rule() == 'C' else end.rule_c)} on the other "
        "month rule, which awaits legal confirmation)"
        if end.differ
        else ""
    )
    notices.issue(
        nomination,
        NoticeKind.LISTED,
        actor=actor,
        issued_on=decided_on,
        title="Notice that land has been listed as an asset of community value",
        paragraphs=[
            notices.land_line(nomination),
            f"On {_when(decided_on)} the council included this land in its list of assets of "
            f"community value (Localism Act 2011 s.87), on a nomination by "
            f"{nomination.nominator.name}. Reasons: {nomination.decision_reasons}",
            f"The land stays on the list until the end of {_when(binding)}{other}, unless it "
            "is removed sooner.",
            "What listing means: before entering into a relevant disposal (a sale of the "
            "freehold with vacant possession, or the grant or assignment of a lease of 25 "
            "years or more with vacant possession) the owner must tell the council in writing. "
            "A six-week interim moratorium then begins, extended to six months if a community "
            "interest group asks to be treated as a potential bidder, within a protected period "
            "of eighteen months. Some disposals, such as gifts and sales between family "
            "members, are exempt. The owner may claim compensation for loss caused by listing.",
            "The owner may ask the council to review this decision, in writing, within eight "
            "weeks beginning with the day this notice was given: by "
            f"{_when(review_request_by(decided_on))} if given today.",
        ],
    )


def _refusal_notices(nomination: Nomination, actor, decided_on: dt.date) -> None:
    notices.issue(
        nomination,
        NoticeKind.NOT_LISTED,
        actor=actor,
        issued_on=decided_on,
        title="Notice that a nomination was unsuccessful",
        paragraphs=[
            notices.land_line(nomination),
            f"On {_when(decided_on)} the council decided not to list this land as an asset of "
            f"community value. The nomination by {nomination.nominator.name} will appear on "
            "the council's list of unsuccessful nominations.",
            f"The council's reasons: {nomination.decision_reasons}",
            "There is no right of review for a nominator; a fresh nomination may be made if "
            "circumstances change.",
        ],
    )


def remove_from_list(
    *, actor, nomination: Nomination, reason: str, removed_on: dt.date | None = None
) -> Nomination:
    """Take an entry off the list (ACV-25), with notices giving the reasons (s.91)."""
    check(actor, "rights.run_casework", nomination)
    reason = (reason or "").strip()
    if not reason:
        raise RightsError("Say why the land is being removed from the list.", "reason")
    removed_on = removed_on or today()
    with transaction.atomic():
        nomination = locked(nomination)
        _remove(nomination, actor=actor, reason=reason, removed_on=removed_on)
    return nomination


def _remove(nomination: Nomination, *, actor, reason: str, removed_on: dt.date) -> None:
    """Inside a transaction, on a locked listed case."""
    if nomination.status != CaseStatus.LISTED:
        raise RightsError("Only listed land can be removed from the list.", "reason")
    before = snapshot(nomination)
    nomination.removed_on = removed_on
    nomination.removal_reason = reason
    nomination.save(update_fields=["removed_on", "removal_reason", "updated_at"])
    set_status(nomination, CaseStatus.REMOVED, actor=actor, effective_on=removed_on, reason=reason)
    notices.issue(
        nomination,
        NoticeKind.REMOVED,
        actor=actor,
        issued_on=removed_on,
        title="Notice that land has been removed from the list of assets of community value",
        paragraphs=[
            notices.land_line(nomination),
            f"On {_when(removed_on)} the council removed this land from its list of assets of "
            f"community value. Reasons: {reason}",
            "The council will withdraw the Land Registry restriction and cancel the local land "
            "charge.",
        ],
    )
    audit.record(
        "rights.entry_removed",
        actor=actor,
        obj=nomination,
        before=before,
        after={**snapshot(nomination), "reason": reason},
    )
