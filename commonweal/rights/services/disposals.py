"""Disposals of listed land (s.95-98; ACV-14 to ACV-26): the owner's notice, requests to be
treated as a potential bidder, recorded disposals with claimed exemptions, the warning when
one falls outside the window, and the list housekeeping that follows a relevant disposal."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction

from commonweal.core import audit
from commonweal.rights.calendar import BodyKind, MonthRule
from commonweal.rights.calendar.acv import BidderRequest as CalendarRequest
from commonweal.rights.calendar.acv import assess_request
from commonweal.rights.models import (
    BidderRequest,
    CaseStatus,
    Disposal,
    DisposalNotice,
    DisposalType,
    ExemptionBasis,
    Nomination,
    NoticeKind,
    Recipient,
)
from commonweal.rights.services import notices
from commonweal.rights.services._common import check, locked, person, today
from commonweal.rights.services.decisions import _remove
from commonweal.rights.services.errors import RightsError
from commonweal.rights.services.state import latest_notice, month_rule, timeline_for

QUALIFYING_LEASE_YEARS = 25  # ACV-14, s.107 [O]


def _when(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def record_disposal_notice(
    *,
    actor,
    nomination: Nomination,
    received_on: dt.date | None = None,
    given_by: str = "",
    intended_disposal: str = "",
) -> DisposalNotice:
    """The owner's written notice of wishing to dispose (s.95(2)): the entry is updated, the
    nominator told and the matters publicised (s.97)."""
    check(actor, "rights.give_disposal_notice", nomination)
    received_on = received_on or today()
    if received_on > today():
        raise RightsError("The date received cannot be in the future.", "received_on")
    with transaction.atomic():
        nomination = locked(nomination)
        if nomination.status != CaseStatus.LISTED or nomination.decided_on > received_on:
            raise RightsError(
                "The land was not listed on that date, so the notice starts no moratorium "
                "(ACV-T4).",
                "received_on",
            )
        earlier = latest_notice(nomination)
        inside = False
        if earlier is not None:
            end = timeline_for(earlier).protected_period_end.under(month_rule())
            inside = earlier.received_on <= received_on <= end
        notice = DisposalNotice.objects.create(
            nomination=nomination,
            received_on=received_on,
            given_by=(given_by.strip() or _first_line(nomination.owners) or "The owner")[:300],
            intended_disposal=intended_disposal.strip()[:300],
            within_earlier_protected_period=inside,
            recorded_by=person(actor),
        )
        if not inside:
            _publicise(nomination, notice, actor)
        audit.record(
            "rights.disposal_notice_received",
            actor=actor,
            obj=notice,
            object_repr=f"{nomination.reference}: {notice}",
            after={"received_on": received_on.isoformat(), "starts_moratorium": not inside},
        )
    return notice


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0].strip() if text.strip() else ""


def _publicise(nomination: Nomination, notice: DisposalNotice, actor) -> None:
    timeline = timeline_for(notice)
    rule = month_rule()
    protected = timeline.protected_period_end.under(rule)
    notices.issue(
        nomination,
        NoticeKind.DISPOSAL_NOTICE,
        actor=actor,
        issued_on=notice.received_on,
        title="The owner of a listed asset of community value intends to sell",
        paragraphs=[
            notices.land_line(nomination),
            f"On {_when(notice.received_on)} the council received the owner's written notice "
            "that they wish to enter into a relevant disposal of this land (Localism Act 2011 "
            "s.95(2)).",
            f"Interim moratorium: until {_when(timeline.interim_moratorium_end)}. A community "
            "interest group (a parish council, charity, community interest company, or a "
            "company limited by guarantee or co-operative or community benefit society that "
            "does not distribute surplus) may ask in writing to be treated as a potential "
            "bidder. The request must reach the council by that day.",
            "Full moratorium: if such a request arrives in time, until "
            f"{_when(_full_end(notice))}.",
            f"Protected period: until {_when(protected)}.",
        ],
    )


def _full_end(notice: DisposalNotice) -> dt.date:
    from commonweal.rights.calendar import months_beginning_with

    timeline = timeline_for(notice)
    return months_beginning_with(notice.received_on, timeline.rule_set.full_months).under(
        month_rule()
    )


@dataclass(frozen=True)
class RequestResult:
    request: BidderRequest
    counts: bool
    explanation: str


def assess(request: BidderRequest) -> RequestResult:
    notice = request.disposal_notice
    timeline = timeline_for(notice)
    assessed = assess_request(
        CalendarRequest(
            request.received_on, BodyKind(request.body_kind), request.received_by_council
        ),
        notice_received=notice.received_on,
        interim_end=timeline.interim_moratorium_end,
        rule_set=timeline.rule_set,
    )
    return RequestResult(request, assessed.counts, assessed.explanation)


def record_bidder_request(
    *,
    actor,
    nomination: Nomination,
    group_name: str,
    body_kind: str,
    received_on: dt.date | None = None,
    received_by_council: bool = True,
    organisation=None,
) -> RequestResult:
    """Record a written request to be treated as a potential bidder, whatever it turns out
    to be worth: the result says in words whether it starts the full moratorium, and a
    valid one is passed to the owner at once (s.98(2))."""
    permission = "rights.ask_to_bid" if organisation is not None else "rights.run_casework"
    check(actor, permission, organisation if organisation is not None else nomination)
    received_on = received_on or today()
    try:
        kind = BodyKind(body_kind)
    except ValueError:
        raise RightsError("Choose the kind of body that sent the request.", "body_kind") from None
    if not (group_name or "").strip():
        raise RightsError("Give the name of the group that sent the request.", "group_name")
    if received_on > today():
        raise RightsError("The date received cannot be in the future.", "received_on")
    with transaction.atomic():
        nomination = locked(nomination)
        notice = latest_notice(nomination)
        if nomination.status != CaseStatus.LISTED or notice is None:
            raise RightsError(
                "The owner has not given notice of an intended disposal, so there is no "
                "moratorium to ask to bid in.",
                "received_on",
            )
        if received_on < notice.received_on:
            raise RightsError(
                "Only a request received after the owner's notice can count.", "received_on"
            )
        request = BidderRequest.objects.create(
            disposal_notice=notice,
            organisation=organisation,
            group_name=group_name.strip()[:200],
            body_kind=kind.value,
            received_on=received_on,
            received_by_council=received_by_council,
            recorded_by=person(actor),
        )
        result = assess(request)
        if result.counts:
            request.passed_to_owner_on = today()
            request.save(update_fields=["passed_to_owner_on"])
            notices.issue(
                nomination,
                NoticeKind.BIDDER_REQUEST,
                actor=actor,
                issued_on=request.passed_to_owner_on,
                title="A community interest group has asked to be treated as a potential bidder",
                paragraphs=[
                    notices.land_line(nomination),
                    f"On {_when(received_on)} the council received a written request from "
                    f"{request.group_name} to be treated as a potential bidder for this land "
                    "(Localism Act 2011 s.98).",
                    f"The full moratorium therefore applies until {_when(_full_end(notice))}: "
                    "until then you may not enter into a relevant disposal except to a "
                    "community interest group. You do not have to sell to the group.",
                ],
                recipients=[(Recipient.OWNER, notice.given_by)],
            )
        audit.record(
            "rights.bidder_request_recorded",
            actor=actor,
            obj=request,
            object_repr=f"{nomination.reference}: {request}",
            after={
                "received_on": received_on.isoformat(),
                "body_kind": kind.value,
                "received_by_council": received_by_council,
                "counts": result.counts,
            },
        )
    return result


@dataclass(frozen=True)
class DisposalAssessment:
    relevant: bool
    exempt: bool
    allowed: bool
    # Plain words: why it is (or is not) allowed; warnings name both month rules.
    findings: tuple[str, ...]

    @property
    def warning(self) -> bool:
        return self.relevant and not self.exempt and not self.allowed


def assess_disposal(disposal: Disposal) -> DisposalAssessment:
    nomination = disposal.nomination
    findings: list[str] = []
    kind = disposal.disposal_type
    lease = disposal.lease_years or 0
    relevant = kind == DisposalType.FREEHOLD_VACANT or (
        kind in (DisposalType.LEASE_GRANT, DisposalType.LEASE_ASSIGNMENT)
        and lease >= QUALIFYING_LEASE_YEARS
    )
    if not relevant:
        findings.append(
            "Not a relevant disposal: only a freehold with vacant possession, or a lease of "
            f"{QUALIFYING_LEASE_YEARS} years or more with vacant possession, is (ACV-14)."
        )
        return DisposalAssessment(False, False, True, tuple(findings))
    entry = nomination.entry_date
    if entry is None or disposal.binding_on < entry:
        findings.append(
            "The agreement became binding before the land was listed, so the moratorium "
            "does not apply (s.96(4), ACV-T21)."
        )
        return DisposalAssessment(True, True, True, tuple(findings))
    exempt = bool(disposal.exemption)
    if disposal.exemption == ExemptionBasis.OPTION and (
        disposal.option_granted_on is None or disposal.option_granted_on >= entry
    ):
        exempt = False
        findings.append(
            "The option or right was granted after the land was listed (or its date is not "
            "recorded), so the Schedule 3 paragraph 4 exemption does not apply (ACV-T34)."
        )
    if exempt:
        findings.append(
            f"Claimed exemption: {disposal.get_exemption_display()}. The council does not "
            "approve exemptions; the owner relies on it at their own risk (ACV-24)."
        )
        return DisposalAssessment(True, True, True, tuple(findings))
    notice = latest_notice(nomination)
    if notice is None or notice.received_on > disposal.binding_on:
        findings.append(
            "No owner's notice was received before this disposal (Condition A fails): it "
            "breaches s.95 and is ineffective unless the owner did not know of the listing."
        )
        return DisposalAssessment(True, False, False, tuple(findings))
    timeline = timeline_for(notice)
    rule = month_rule()
    day = disposal.binding_on
    protected = timeline.protected_period_end.under(rule)
    window = timeline.disposal_window(rule)
    cig_buyer = disposal.buyer_requested_to_bid and (
        BodyKind(disposal.buyer_kind) in timeline.rule_set.community_interest_groups
    )
    if cig_buyer and notice.received_on <= day <= protected:
        findings.append(
            "A disposal to a community interest group that asked to bid is allowed during the "
            "moratorium (ACV-23; the statutory source awaits legal confirmation, U2)."
        )
        allowed = True
    elif window.contains(day):
        findings.append(
            f"Inside the window for a disposal: {_when(window.opens)} to {_when(window.closes)}."
        )
        allowed = True
    elif day < window.opens:
        findings.append(
            f"Warning: {_when(day)} is inside the moratorium. A relevant disposal to this buyer "
            f"is prohibited until {_when(window.opens)}."
        )
        allowed = False
    else:
        findings.append(
            f"Warning: {_when(day)} is after the protected period ended on {_when(protected)}. "
            "A new owner's notice (and moratorium) was needed (Condition C fails, ACV-T30)."
        )
        allowed = False
    other = MonthRule.B if rule == MonthRule.C else MonthRule.C
    other_window = timeline.disposal_window(other)
    if other_window != window and other_window.contains(day) != window.contains(day):
        findings.append(
            f"Under Rule {other.value} (awaiting legal confirmation) the window is "
            f"{_when(other_window.opens)} to {_when(other_window.closes)}, which gives a "
            "different answer for this date."
        )
    return DisposalAssessment(True, False, allowed, tuple(findings))


def record_disposal(
    *,
    actor,
    nomination: Nomination,
    disposal_type: str,
    binding_on: dt.date,
    buyer: str,
    buyer_kind: str,
    buyer_requested_to_bid: bool = False,
    lease_years: int | None = None,
    exemption: str = "",
    exemption_details: str = "",
    option_granted_on: dt.date | None = None,
    notes: str = "",
) -> tuple[Disposal, DisposalAssessment]:
    """Record a disposal and what follows: a warning if it falls outside the window, and,
    for a relevant disposal that is not exempt, the entry's removal (reg 2(b), ACV-25)."""
    check(actor, "rights.run_casework", nomination)
    if disposal_type not in DisposalType.values:
        raise RightsError("Choose the kind of transaction.", "disposal_type")
    if exemption and exemption not in ExemptionBasis.values:
        raise RightsError("Choose an exemption from the list.", "exemption")
    if not (buyer or "").strip():
        raise RightsError("Give the buyer's name.", "buyer")
    with transaction.atomic():
        nomination = locked(nomination)
        disposal = Disposal.objects.create(
            nomination=nomination,
            disposal_type=disposal_type,
            lease_years=lease_years,
            binding_on=binding_on,
            buyer=buyer.strip()[:300],
            buyer_kind=buyer_kind or "other",
            buyer_requested_to_bid=buyer_requested_to_bid,
            exemption=exemption,
            exemption_details=exemption_details.strip(),
            option_granted_on=option_granted_on,
            notes=notes.strip(),
            recorded_by=person(actor),
        )
        assessment = assess_disposal(disposal)
        audit.record(
            "rights.disposal_recorded",
            actor=actor,
            obj=disposal,
            object_repr=f"{nomination.reference}: {disposal}",
            after={
                "binding_on": binding_on.isoformat(),
                "relevant": assessment.relevant,
                "exempt": assessment.exempt,
                "allowed": assessment.allowed,
                "exemption": exemption,
            },
        )
        if assessment.relevant and not assessment.exempt and nomination.status == CaseStatus.LISTED:
            _remove(
                nomination,
                actor=actor,
                reason=f"A relevant disposal (not exempt) on {_when(binding_on)}: "
                f"{disposal.get_disposal_type_display().lower()} to {disposal.buyer} "
                "(reg 2(b)).",
                # The entry goes when the disposal takes place, not when it is recorded.
                removed_on=binding_on,
            )
    return disposal, assessment
