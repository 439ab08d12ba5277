"""The right to bid's disposal timeline: moratoria, protected period and the window.

From the date the council received the owner's notice (s.95(2)) and any written requests
to be treated as a potential bidder, ``disposal_timeline`` computes (rulebook 2.5):

* the interim moratorium: 6 weeks beginning with the receipt date (ACV-17);
* the full moratorium: 6 months beginning with the same date, only if the council received,
  during the interim moratorium, a request from a community interest group (ACV-18 to 21);
* the protected period: 18 months beginning with the same date (ACV-22);
* the window in which a relevant disposal to a buyer who is not a community interest group
  is allowed: from the day after the moratorium that applies to the protected period's end.

Month periods are computed under both month rules (U14); ``month_rule`` says which binds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from .periods import MonthEnd, MonthRule, day_after, months_beginning_with, weeks_beginning_with
from .rulesets import ACV_RULE_BOOK, BodyKind, NoRuleSet, RuleBook, RuleSet


class InvalidTimelineInput(ValueError):
    """Input the calculator cannot use; ``field`` names the input at fault."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class BidderRequest:
    """A written request (however expressed) to be treated as a potential bidder."""

    received: dt.date
    kind: BodyKind
    # False when the request went only to the owner (it does not count: s.95(3)(a)).
    received_by_council: bool = True


class RequestOutcome(StrEnum):
    VALID = "valid"
    NOT_RECEIVED_BY_COUNCIL = "not_received_by_council"
    NOT_A_COMMUNITY_INTEREST_GROUP = "not_a_community_interest_group"
    LATE = "late"


@dataclass(frozen=True)
class AssessedRequest:
    request: BidderRequest
    outcome: RequestOutcome
    explanation: str

    @property
    def counts(self) -> bool:
        return self.outcome is RequestOutcome.VALID


@dataclass(frozen=True)
class Unconfirmed:
    """A rule the rulebook marks unconfirmed ([R]): configurable, awaiting legal sign-off."""

    code: str
    rule: str
    summary: str
    option: str | None = None
    value: str | None = None


@dataclass(frozen=True)
class Window:
    """Inclusive first and last days."""

    opens: dt.date
    closes: dt.date

    def contains(self, day: dt.date) -> bool:
        return self.opens <= day <= self.closes


@dataclass(frozen=True)
class DisposalTimeline:
    rule_set: RuleSet
    notice_received: dt.date
    month_rule: MonthRule
    interim_moratorium_end: dt.date
    full_moratorium_end: MonthEnd | None
    # "full_moratorium" when it applies, else why not (see ``no_full_moratorium_reason``).
    full_moratorium_reason_code: str
    full_moratorium_reason: str
    protected_period_end: MonthEnd
    requests: tuple[AssessedRequest, ...]
    unconfirmed: tuple[Unconfirmed, ...] = field(default_factory=tuple)

    @property
    def full_moratorium_applies(self) -> bool:
        return self.full_moratorium_end is not None

    def moratorium_end(self, rule: MonthRule | str) -> dt.date:
        if self.full_moratorium_end is None:
            return self.interim_moratorium_end
        return self.full_moratorium_end.under(rule)

    def disposal_window(self, rule: MonthRule | str | None = None) -> Window:
        """When a relevant disposal to a buyer who is not a community interest group may be
        entered into (between the moratorium's end and the protected period's end)."""
        rule = self.month_rule if rule is None else MonthRule(rule)
        return Window(day_after(self.moratorium_end(rule)), self.protected_period_end.under(rule))

    @property
    def month_rules_differ(self) -> bool:
        ends = [self.protected_period_end]
        if self.full_moratorium_end is not None:
            ends.append(self.full_moratorium_end)
        return any(end.differ for end in ends)


def assess_request(
    request: BidderRequest, *, notice_received: dt.date, interim_end: dt.date, rule_set: RuleSet
) -> AssessedRequest:
    """Whether one request triggers the full moratorium, and why or why not (ACV-19, 20)."""
    if not request.received_by_council:
        return AssessedRequest(
            request,
            RequestOutcome.NOT_RECEIVED_BY_COUNCIL,
            "The council did not receive this request (it went only to the owner, for "
            "example), so it does not count: the council must receive it (s.95(3)(a)).",
        )
    if request.kind not in rule_set.community_interest_groups:
        return AssessedRequest(
            request,
            RequestOutcome.NOT_A_COMMUNITY_INTEREST_GROUP,
            f"The request came from {request.kind.label}, which is not a community interest "
            "group, so it cannot start the full moratorium (ACV-20).",
        )
    if request.received > interim_end:
        return AssessedRequest(
            request,
            RequestOutcome.LATE,
            f"The council received the request on {request.received.isoformat()}, after the "
            f"interim moratorium ended on {interim_end.isoformat()}, so it is late (ACV-18).",
        )
    return AssessedRequest(
        request,
        RequestOutcome.VALID,
        f"A request from {request.kind.label}, received by the council during the interim "
        "moratorium: the full moratorium applies (ACV-18, ACV-21). This assumes the group has "
        "a local connection, which is the officer's finding.",
    )


def _no_full_moratorium(assessed: tuple[AssessedRequest, ...]) -> tuple[str, str]:
    if not assessed:
        return (
            "no_request",
            "No community interest group asked to be treated as a potential bidder, so there "
            "is no full moratorium: a disposal may follow the interim moratorium.",
        )
    outcomes = {item.outcome for item in assessed}
    code = outcomes.pop().value if len(outcomes) == 1 else "no_valid_request"
    reasons = " ".join(item.explanation for item in assessed)
    return code, f"No request counts, so there is no full moratorium. {reasons}"


def unconfirmed_items(month_rule: MonthRule) -> tuple[Unconfirmed, ...]:
    """The [R] items a disposal timeline depends on."""
    return (
        Unconfirmed(
            code="U14",
            rule="DATE-2",
            summary="Month-end arithmetic for 'N months beginning with': Rule C (recommended) "
            "or Rule B. Both dates are shown wherever they differ.",
            option="month_rule",
            value=month_rule.value,
        ),
        Unconfirmed(
            code="U3",
            rule="ACV-20",
            summary="Which bodies are community interest groups (reg 12, whose text was not "
            "seen): parish councils, charities, community interest companies, and companies "
            "limited by guarantee and co-operative or community benefit societies that do not "
            "distribute surplus.",
            option="community_interest_groups",
        ),
        Unconfirmed(
            code="U2",
            rule="ACV-23",
            summary="During a moratorium, a disposal to a community interest group is allowed; "
            "the statutory source of this exception was not located.",
        ),
        Unconfirmed(
            code="ACV-22",
            rule="ACV-22",
            summary="A further notice given during the protected period is taken not to start "
            "a new moratorium (advice-note policy; the statutory mechanism was not seen).",
        ),
        Unconfirmed(
            code="receipt",
            rule="ACV-16",
            summary="The receipt date of a notice or request out of hours follows the "
            "council's policy, which needs legal sign-off.",
        ),
    )


def disposal_timeline(
    notice_received: dt.date,
    requests: Iterable[BidderRequest] = (),
    *,
    month_rule: MonthRule | str = MonthRule.C,
    rule_book: RuleBook = ACV_RULE_BOOK,
    rule_set: RuleSet | None = None,
) -> DisposalTimeline:
    """The disposal timeline for an owner's notice received on ``notice_received``.

    The rule set is the one in force on that date unless one is given. Raises
    ``InvalidTimelineInput`` for a date no rule set covers, a date too late to compute, or a
    request dated before the notice (it cannot have been received "during" the interim
    moratorium).
    """
    month_rule = MonthRule(month_rule)
    requests = tuple(requests)
    if rule_set is None:
        try:
            rule_set = rule_book.for_date(notice_received)
        except NoRuleSet as exc:
            raise InvalidTimelineInput("notice_received", str(exc)) from exc
    for position, request in enumerate(requests):
        if request.received < notice_received:
            raise InvalidTimelineInput(
                f"requests.{position}.received",
                f"The request is dated {request.received.isoformat()}, before the owner's "
                f"notice was received on {notice_received.isoformat()}; only a request "
                "received during the interim moratorium can count.",
            )
    try:
        # The latest day any period can reach must be a date Python can hold.
        months_beginning_with(notice_received, rule_set.protected_months)
    except (OverflowError, ValueError):
        raise InvalidTimelineInput(
            "notice_received", "The date is too far in the future to compute its periods."
        ) from None
    interim_end = weeks_beginning_with(notice_received, rule_set.interim_weeks)
    assessed = tuple(
        assess_request(
            request, notice_received=notice_received, interim_end=interim_end, rule_set=rule_set
        )
        for request in requests
    )
    if any(item.counts for item in assessed):
        full_end = months_beginning_with(notice_received, rule_set.full_months)
        code, reason = (
            "full_moratorium",
            "A community interest group's request reached the council during the interim "
            "moratorium, so the full moratorium applies.",
        )
    else:
        full_end = None
        code, reason = _no_full_moratorium(assessed)
    return DisposalTimeline(
        rule_set=rule_set,
        notice_received=notice_received,
        month_rule=month_rule,
        interim_moratorium_end=interim_end,
        full_moratorium_end=full_end,
        full_moratorium_reason_code=code,
        full_moratorium_reason=reason,
        protected_period_end=months_beginning_with(notice_received, rule_set.protected_months),
        requests=assessed,
        unconfirmed=unconfirmed_items(month_rule),
    )
