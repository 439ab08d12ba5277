"""The officer's timeline calculator: the council's settings, the inputs read, the JSON made.

``commonweal rights timeline`` and GET /api/v1/rights/timeline both call ``calculate`` and
return what it returns, so the command line and the API always agree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from commonweal.rights.calendar import (
    ACV_RULE_BOOK,
    BidderRequest,
    BodyKind,
    DisposalTimeline,
    InvalidTimelineInput,
    MonthEnd,
    MonthRule,
    RuleBook,
    Window,
    disposal_timeline,
)

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
RECEIVED = {"received": True, "not-received": False}
KINDS = ", ".join(kind.value for kind in BodyKind)
REQUEST_FORMAT = "DATE,KIND[,received|not-received]"

# The Django setting that configures each unconfirmed option of the engine.
SETTINGS_FOR_OPTIONS = {
    "month_rule": "RIGHTS_MONTH_RULE",
    "community_interest_groups": "RIGHTS_COMMUNITY_INTEREST_GROUPS",
}


class TimelineInputError(ValueError):
    """Input the calculator cannot use: ``field`` is the input's name, as the API spells it."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


def parse_date(text: str, field: str) -> dt.date:
    if not re.fullmatch(DATE_PATTERN, text or ""):
        raise TimelineInputError(field, f"“{text[:20]}” is not a date written YYYY-MM-DD.")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise TimelineInputError(field, f"{text} is not a real date.") from None


def parse_request(text: str, field: str) -> BidderRequest:
    """One request, DATE,KIND[,received|not-received] (received by the council if omitted)."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) not in (2, 3):
        raise TimelineInputError(field, f"Write each request as {REQUEST_FORMAT}.")
    received = parse_date(parts[0], field)
    try:
        kind = BodyKind(parts[1])
    except ValueError:
        raise TimelineInputError(
            field, f"“{parts[1][:40]}” is not a kind of body we know. Use one of: {KINDS}."
        ) from None
    state = parts[2] if len(parts) == 3 else "received"
    if state not in RECEIVED:
        raise TimelineInputError(
            field, "Say whether the council received the request: “received” or “not-received”."
        )
    return BidderRequest(received, kind, received_by_council=RECEIVED[state])


def configured_rule_book() -> RuleBook:
    """The rule book with the council's reading of the unconfirmed items (settings)."""
    if settings.RIGHTS_MONTH_RULE not in {rule.value for rule in MonthRule}:
        raise ImproperlyConfigured("RIGHTS_MONTH_RULE must be C or B")
    try:
        groups = frozenset(BodyKind(kind) for kind in settings.RIGHTS_COMMUNITY_INTEREST_GROUPS)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"RIGHTS_COMMUNITY_INTEREST_GROUPS: {exc}; use some of: {KINDS}"
        ) from None
    return RuleBook(
        tuple(
            dataclasses.replace(rule_set, community_interest_groups=groups)
            if not rule_set.hypothetical
            else rule_set
            for rule_set in ACV_RULE_BOOK.rule_sets
        )
    )


def calculate(
    notice_received: str, requests: Sequence[str] = (), month_rule: str | None = None
) -> dict:
    """The disposal timeline as JSON-ready data; TimelineInputError for input it cannot use."""
    notice = parse_date(notice_received, "notice_received")
    parsed = [parse_request(text, f"request.{index}") for index, text in enumerate(requests)]
    rule = month_rule or settings.RIGHTS_MONTH_RULE
    if rule not in {item.value for item in MonthRule}:
        raise TimelineInputError("month_rule", "The month rule is C or B.")
    try:
        timeline = disposal_timeline(
            notice, parsed, month_rule=rule, rule_book=configured_rule_book()
        )
    except InvalidTimelineInput as exc:
        raise TimelineInputError(
            exc.field.replace("requests.", "request.").removesuffix(".received"), exc.message
        ) from None
    return present(timeline)


def _month_end(end: MonthEnd, rule: MonthRule) -> dict:
    return {
        "binding": end.under(rule).isoformat(),
        "rule_c": end.rule_c.isoformat(),
        "rule_b": end.rule_b.isoformat(),
        "differ": end.differ,
    }


def _window(window: Window) -> dict:
    return {"opens": window.opens.isoformat(), "closes": window.closes.isoformat()}


def present(timeline: DisposalTimeline) -> dict:
    rule = timeline.month_rule
    rule_set = timeline.rule_set
    by_rule = {r: timeline.disposal_window(r) for r in MonthRule}
    full = timeline.full_moratorium_end
    return {
        "notice_received": timeline.notice_received.isoformat(),
        "month_rule": rule.value,
        "month_rules_differ": timeline.month_rules_differ,
        "rule_set": {
            "key": rule_set.key,
            "title": rule_set.title,
            "effective_from": rule_set.effective_from.isoformat(),
            "effective_until": rule_set.effective_until.isoformat()
            if rule_set.effective_until
            else None,
            "hypothetical": rule_set.hypothetical,
        },
        "interim_moratorium": {
            "ends": timeline.interim_moratorium_end.isoformat(),
            "rule": "ACV-17",
            "wording": f"{rule_set.interim_weeks} weeks beginning with the date the council "
            "received the owner's notice",
        },
        "full_moratorium": {
            "applies": full is not None,
            "ends": _month_end(full, rule) if full is not None else None,
            "reason_code": timeline.full_moratorium_reason_code,
            "reason": timeline.full_moratorium_reason,
            "rule": "ACV-21",
            "wording": f"{rule_set.full_months} months beginning with the date the council "
            "received the owner's notice",
        },
        "protected_period": {
            "ends": _month_end(timeline.protected_period_end, rule),
            "rule": "ACV-22",
            "wording": f"{rule_set.protected_months} months beginning with the date the council "
            "received the owner's notice",
        },
        "disposal_window": {
            "binding": _window(by_rule[rule]),
            "rule_c": _window(by_rule[MonthRule.C]),
            "rule_b": _window(by_rule[MonthRule.B]),
            "differ": by_rule[MonthRule.C] != by_rule[MonthRule.B],
            "description": "The days, inclusive, on which the owner may enter into a relevant "
            "disposal to a buyer who is not a community interest group.",
        },
        "requests": [
            {
                "received": item.request.received.isoformat(),
                "kind": item.request.kind.value,
                "received_by_council": item.request.received_by_council,
                "counts": item.counts,
                "outcome": item.outcome.value,
                "explanation": item.explanation,
            }
            for item in timeline.requests
        ],
        "unconfirmed": [
            {
                "code": item.code,
                "rule": item.rule,
                "summary": item.summary,
                "setting": SETTINGS_FOR_OPTIONS.get(item.option or ""),
                "value": ",".join(sorted(rule_set.community_interest_groups))
                if item.option == "community_interest_groups"
                else item.value,
                "awaiting_legal_confirmation": True,
            }
            for item in timeline.unconfirmed
        ],
    }
