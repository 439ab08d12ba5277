"""The right to bid in the API: the public register, one entry, and the officer's cases
with every deadline. Registered on the rights router (see api.py)."""

import datetime as dt
from typing import Literal

from django.http import Http404, HttpRequest
from ninja import Field, Query, Schema

from commonweal.accounts.api_auth import session_or_token
from commonweal.accounts.models import Role
from commonweal.accounts.roles import authorities_for
from commonweal.api import ErrorResponse
from commonweal.core.pagination import PageParams, page_of, paginate
from commonweal.core.permissions import can, require
from commonweal.rights import presenters
from commonweal.rights.models import Nomination
from commonweal.rights.services._common import today

ENTRY_STATUSES = Literal["received", "listed", "expired", "not_listed", "removed"]


class AcvDeadlineOut(Schema):
    label: str
    rule: str
    due: dt.date
    alternative: dt.date | None = Field(
        None, description="The other reading (the other month rule, or the later clock)."
    )
    alternative_label: str
    council_duty: bool
    state: Literal["overdue", "passed", "upcoming"]


class AcvMoratoriumOut(Schema):
    state: Literal["none", "interim", "full", "protected", "ended"]
    label: str
    explanation: str
    notice_received: dt.date | None
    interim_ends: dt.date | None
    full_ends: dt.date | None
    full_ends_other_rule: dt.date | None
    full_reason: str
    protected_ends: dt.date | None
    protected_ends_other_rule: dt.date | None
    interested_groups: list[str]


class AcvEntryOut(Schema):
    reference: str
    name: str
    description: str
    address: str
    authority: str = Field(description="The council's GSS code.")
    nominating_group: str
    nomination_date: dt.date
    status: ENTRY_STATUSES
    status_label: str
    decision_date: dt.date | None
    decision_reasons: str
    listed_until: dt.date | None
    listed_until_other_rule: dt.date | None
    removed_on: dt.date | None
    longitude: float
    latitude: float
    month_rule: Literal["C", "B"]
    moratorium: AcvMoratoriumOut
    deadlines: list[AcvDeadlineOut]


class AcvRegisterFilter(Schema):
    status: Literal["listed", "not_listed", "removed"] | None = Field(
        None, description="Only entries with this decision."
    )


def _present(shown: presenters.Entry) -> dict:
    n = shown.nomination
    on = today()
    return {
        "reference": n.reference,
        "name": n.name,
        "description": n.description,
        "address": n.address,
        "authority": n.authority.gss_code,
        "nominating_group": n.nominator.name,
        "nomination_date": n.received_on,
        "status": shown.status_code,
        "status_label": shown.status_label,
        "decision_date": n.decided_on,
        "decision_reasons": n.decision_reasons,
        "listed_until": shown.listing_end,
        "listed_until_other_rule": shown.listing_end_other,
        "removed_on": n.removed_on,
        "longitude": n.point[0],
        "latitude": n.point[1],
        "month_rule": presenters.month_rule().value,
        "moratorium": {
            "state": shown.moratorium_code,
            "label": shown.moratorium_label,
            "explanation": shown.moratorium_explanation,
            "notice_received": shown.notice_received,
            "interim_ends": shown.interim_end,
            "full_ends": shown.full_end,
            "full_ends_other_rule": shown.full_end_other,
            "full_reason": shown.full_reason,
            "protected_ends": shown.protected_end,
            "protected_ends_other_rule": shown.protected_end_other,
            "interested_groups": shown.interested_groups,
        },
        "deadlines": [
            {
                "label": d.label,
                "rule": d.rule,
                "due": d.due,
                "alternative": d.alternative,
                "alternative_label": d.alternative_label,
                "council_duty": d.council_duty,
                "state": d.state(on),
            }
            for d in shown.deadlines
        ],
    }


def _cases():
    return Nomination.objects.select_related("authority", "nominator").prefetch_related(
        "disposal_notices__bidder_requests"
    )


def register_operations(router) -> None:
    @router.get(
        "/assets",
        response={200: page_of(AcvEntryOut), 404: ErrorResponse, 422: ErrorResponse},
        summary="The register of assets of community value",
        description="Listed land (with each entry's moratorium and dates) and unsuccessful "
        "nominations, as the public register shows them. Dates under the council's month "
        "rule, with the other rule's date where it differs.",
        url_name="rights_assets",
        operation_id="rights_assets",
    )
    def assets(request: HttpRequest, filters: Query[AcvRegisterFilter], paging: Query[PageParams]):
        require(request.user, "rights.view_register")
        cases = _cases().on_register().order_by("reference")
        if filters.status:
            cases = cases.filter(status=filters.status)
        on = today()
        page = paginate(request, cases, paging)
        page["results"] = [_present(presenters.entry(n, on)) for n in page["results"]]
        return page

    @router.get(
        "/assets/{reference}",
        response={200: AcvEntryOut, 404: ErrorResponse},
        summary="One entry of the register",
        description="An entry with its moratorium, dates and public deadlines. A nomination "
        "awaiting a decision is visible only to its nominator, the owner and officers.",
        url_name="rights_asset",
        operation_id="rights_asset",
    )
    def asset(request: HttpRequest, reference: str):
        nomination = _cases().filter(reference=reference[:20]).first()
        if nomination is None or not can(request.user, "rights.view_entry", nomination):
            raise Http404("No such entry.")
        public = not can(request.user, "rights.view_case", nomination)
        return _present(presenters.entry(nomination, today(), public=public))

    @router.get(
        "/cases",
        auth=session_or_token,
        response={
            200: page_of(AcvEntryOut),
            401: ErrorResponse,
            403: ErrorResponse,
            404: ErrorResponse,
            422: ErrorResponse,
        },
        summary="The officer's right to bid cases, with every deadline",
        description="Every case of the authorities the officer works for, including those "
        "awaiting a decision, with all deadlines (overdue ones marked).",
        url_name="rights_cases",
        operation_id="rights_cases",
    )
    def cases(request: HttpRequest, paging: Query[PageParams]):
        require(request.user, "rights.view_dashboard")
        authorities = authorities_for(request.user, Role.OFFICER)
        found = _cases().order_by("reference")
        if authorities is not None:
            found = found.filter(authority_id__in=authorities)
        on = today()
        page = paginate(request, found, paging)
        page["results"] = [_present(presenters.entry(n, on, public=False)) for n in page["results"]]
        return page
