"""The rights API under /api/v1/rights/: the timeline calculator (public), and the right
to bid's register (public) and cases (officers)."""

import datetime as dt
from typing import Literal

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.errors import ValidationError

from commonweal.api import ErrorResponse, PlainText
from commonweal.core.permissions import require
from commonweal.rights import timeline
from commonweal.rights.calendar import BodyKind

router = Router(tags=["Community rights"])

RequestText = PlainText(80)


class TimelineQuery(Schema):
    notice_received: str = Field(
        ...,
        max_length=10,
        description="The date (YYYY-MM-DD) the council received the owner's written notice "
        "of an intended relevant disposal (s.95(2)).",
        examples=["2024-03-04"],
    )
    request: list[RequestText] = Field(
        [],
        max_length=20,
        description="A written request to be treated as a potential bidder, as "
        f"`{timeline.REQUEST_FORMAT}`: the date the council (or, with `not-received`, only the "
        f"owner) received it and the requesting body's kind, one of {timeline.KINDS}. Repeat "
        "for several requests.",
        examples=[["2024-04-10,parish-council,received"]],
    )
    month_rule: Literal["C", "B"] | None = Field(
        None,
        description="Which month rule binds (U14, awaiting legal confirmation): C (the "
        "rulebook's recommendation) or B. Both are always returned. Default: the council's "
        "RIGHTS_MONTH_RULE setting.",
    )


class RuleSetOut(Schema):
    key: str
    title: str
    effective_from: dt.date
    effective_until: dt.date | None
    hypothetical: bool


class MonthEndOut(Schema):
    binding: dt.date = Field(description="The last day under the month rule that binds.")
    rule_c: dt.date
    rule_b: dt.date
    differ: bool


class InterimOut(Schema):
    ends: dt.date
    rule: str
    wording: str


class FullMoratoriumOut(Schema):
    applies: bool
    ends: MonthEndOut | None
    reason_code: Literal[
        "full_moratorium",
        "no_request",
        "no_valid_request",
        "not_received_by_council",
        "not_a_community_interest_group",
        "late",
    ]
    reason: str
    rule: str
    wording: str


class ProtectedOut(Schema):
    ends: MonthEndOut
    rule: str
    wording: str


class TimelineWindowOut(Schema):
    opens: dt.date
    closes: dt.date


class DisposalWindowOut(Schema):
    binding: TimelineWindowOut
    rule_c: TimelineWindowOut
    rule_b: TimelineWindowOut
    differ: bool
    description: str


class TimelineRequestOut(Schema):
    received: dt.date
    kind: BodyKind
    received_by_council: bool
    counts: bool
    outcome: Literal["valid", "not_received_by_council", "not_a_community_interest_group", "late"]
    explanation: str


class UnconfirmedOut(Schema):
    code: str
    rule: str
    summary: str
    setting: str | None
    value: str | None
    awaiting_legal_confirmation: bool


class TimelineOut(Schema):
    notice_received: dt.date
    month_rule: Literal["C", "B"]
    month_rules_differ: bool
    rule_set: RuleSetOut
    interim_moratorium: InterimOut
    full_moratorium: FullMoratoriumOut
    protected_period: ProtectedOut
    disposal_window: DisposalWindowOut
    requests: list[TimelineRequestOut]
    unconfirmed: list[UnconfirmedOut]


@router.get(
    "/timeline",
    response={200: TimelineOut, 422: ErrorResponse},
    summary="The right to bid's disposal timeline",
    description=(
        "From the date the council received an owner's notice and any requests to be treated "
        "as a potential bidder: the interim moratorium's end, the full moratorium's end (or "
        "why there is none), the protected period's end, and the window for a disposal to a "
        "buyer who is not a community interest group, under both month rules. 422, naming "
        "the field, for input that cannot be used."
    ),
    url_name="rights_timeline",
    operation_id="rights_timeline",
)
def rights_timeline(request: HttpRequest, query: Query[TimelineQuery]):
    require(request.user, "rights.view_timeline")
    try:
        return timeline.calculate(query.notice_received, query.request, query.month_rule)
    except timeline.TimelineInputError as exc:
        location = ["query", *exc.field.split(".")]
        raise ValidationError([{"loc": location, "msg": exc.message}]) from None


# The right to bid's register and cases (kept in their own module to stay small).
from commonweal.rights.api_assets import register_operations  # noqa: E402

register_operations(router)

from commonweal.rights.api_acv_casework import register_operations as casework_ops  # noqa: E402

casework_ops(router)
