"""Neighbourhood forum applications: apply, publicise, designate or refuse, and expiry
(rulebook 4.2)."""

from django.db import transaction

from commonweal.core import audit
from commonweal.directory.models import Organisation, OrganisationKind
from commonweal.rights.calendar import periods
from commonweal.rights.planning import stages
from commonweal.rights.planning.models import (
    AreaStatus,
    ForumStatus,
    ForumStatusChange,
    NeighbourhoodForum,
)
from commonweal.rights.planning.readings import readings
from commonweal.rights.planning.services._common import (
    check,
    long_date,
    not_before,
    organisation_shape,
    overlaps,
    past_or_today,
    person,
    status_row,
    today,
)
from commonweal.rights.planning.services.errors import PlanningError


def _snapshot(forum: NeighbourhoodForum) -> dict:
    return {
        "status": forum.status,
        "qualifying_members": forum.qualifying_members,
        "first_publicised_on": str(forum.first_publicised_on or ""),
        "decision_due_on": str(forum.decision_due_on or ""),
        "designated_on": str(forum.designated_on or ""),
        "expires_on": str(forum.expires_on or ""),
    }


def membership(forum: NeighbourhoodForum) -> stages.ForumMembership:
    return stages.ForumMembership(
        live=forum.members_live,
        work=forum.members_work,
        elected=forum.members_elected,
        other=forum.members_other,
        open_to_residents=forum.open_to_residents,
        open_to_workers=forum.open_to_workers,
        open_to_elected_members=forum.open_to_elected_members,
    )


def condition_failures(forum: NeighbourhoodForum) -> list[str]:
    """NP-06: the mandatory conditions the application does not meet (none: all met)."""
    return stages.forum_condition_failures(
        membership(forum),
        written_constitution=forum.written_constitution,
        express_purpose=forum.express_purpose,
    )


def parished_parts(area) -> list[Organisation]:
    """NP-05 / NP-T7: parish councils (as the directory maps them) whose areas the
    neighbourhood area includes, in whole or part."""
    parishes = (
        Organisation.records.filter(authority=area.authority, kind=OrganisationKind.PARISH_COUNCIL)
        .exclude(status="withdrawn")
        .prefetch_related("benefit_areas")
    )
    return [p for p in parishes if overlaps(organisation_shape(p), area.shape)]


def current_forum(area, on=None) -> NeighbourhoodForum | None:
    return area.forums.current(on or today()).first()


def _check_area(area) -> None:
    if area.status not in (AreaStatus.RECEIVED, AreaStatus.PUBLICISED, AreaStatus.DESIGNATED):
        raise PlanningError("A forum can be proposed only for an area applied for or designated.")
    if area.applicant.kind == OrganisationKind.PARISH_COUNCIL:
        raise PlanningError(
            f"{area.applicant.name} is the qualifying body for this area; a forum may be "
            "designated only where there is no parish council (s.61F(1)-(4)).",
            "area",
        )
    parishes = parished_parts(area)
    if parishes:
        raise PlanningError(
            "The area includes part of a parish (" + ", ".join(p.name for p in parishes) + "); "
            "a forum cannot be designated for it (s.61F(4)).",
            "area",
        )


@transaction.atomic
def apply_for_forum(
    *,
    actor,
    organisation,
    area,
    purpose: str,
    contact: str,
    members_live: int = 0,
    members_work: int = 0,
    members_elected: int = 0,
    members_other: int = 0,
    membership_evidence: str = "",
    open_to_residents: bool = True,
    open_to_workers: bool = True,
    open_to_elected_members: bool = True,
    written_constitution: bool = False,
    constitution_reference: str = "",
    express_purpose: bool = False,
    more_than_one_authority: bool = False,
    name: str = "",
    received_on=None,
    is_sample: bool = False,
) -> NeighbourhoodForum:
    """An organisation applies to be the area's forum (reg 8)."""
    check(actor, "neighbourhoodplanning.apply_for_forum", organisation)
    if organisation.authority_id != area.authority_id:
        raise PlanningError("The organisation is not in the area's borough.", "organisation")
    _check_area(area)
    existing = current_forum(area)
    if existing is not None:
        raise PlanningError(
            f"{existing.name} is designated for this area until "
            f"{long_date(existing.expires_on)}; no other forum may be designated until then.",
            "area",
        )
    if area.forums.undecided().filter(organisation=organisation).exists():
        raise PlanningError("This organisation already has an application for this area.", "area")
    if not (purpose or "").strip():
        raise PlanningError("Say what the forum is for.", "purpose")
    if not (contact or "").strip():
        raise PlanningError("Give the contact details of at least one member.", "contact")
    if written_constitution and not (constitution_reference or "").strip():
        raise PlanningError(
            "Say where the written constitution can be read (a web address, or that a copy is "
            "attached to the email).",
            "constitution_reference",
        )
    received_on = past_or_today(received_on or today(), "received_on", "the council received it")
    forum = NeighbourhoodForum.objects.create(
        authority=area.authority,
        area=area,
        organisation=organisation,
        name=" ".join((name or organisation.name).split()),
        members_live=members_live,
        members_work=members_work,
        members_elected=members_elected,
        members_other=members_other,
        membership_evidence=(membership_evidence or "").strip(),
        open_to_residents=open_to_residents,
        open_to_workers=open_to_workers,
        open_to_elected_members=open_to_elected_members,
        written_constitution=written_constitution,
        constitution_reference=(constitution_reference or "").strip(),
        purpose=purpose.strip(),
        express_purpose=express_purpose,
        contact=contact.strip(),
        more_than_one_authority=more_than_one_authority,
        received_on=received_on,
        is_sample=is_sample,
        created_by=person(actor),
    )
    status_row(
        ForumStatusChange,
        actor=actor,
        forum=forum,
        status=ForumStatus.RECEIVED,
        effective_on=received_on,
        reason="Application received",
    )
    audit.record(
        "neighbourhoodplanning.forum_applied", actor=actor, obj=forum, after=_snapshot(forum)
    )
    return forum


def _move(forum, *, actor, status, on, reason, action, before):
    forum.status = status
    forum.save()
    status_row(
        ForumStatusChange, actor=actor, forum=forum, status=status, effective_on=on, reason=reason
    )
    audit.record(action, actor=actor, obj=forum, before=before, after=_snapshot(forum))
    return forum


@transaction.atomic
def publicise_forum(*, actor, forum: NeighbourhoodForum, first_publicised_on, closes_on=None):
    """reg 9: publish the application, with a closing date at least six weeks on."""
    check(actor, "neighbourhoodplanning.decide_forum", forum)
    if forum.status != ForumStatus.RECEIVED:
        raise PlanningError("Only an application just received can be publicised.")
    before = _snapshot(forum)
    first = past_or_today(first_publicised_on, "first_publicised_on", "of first publicity")
    not_before(first, forum.received_on, "first_publicised_on", "Publicity")
    earliest = stages.representations_close_earliest(first)
    closes_on = closes_on or earliest
    not_before(closes_on, earliest, "closes_on", "The closing date for comments")
    weeks = (
        stages.MULTI_AUTHORITY_DECISION_WEEKS
        if forum.more_than_one_authority
        else readings().decision_weeks
    )
    forum.first_publicised_on = first
    forum.representations_close_on = closes_on
    forum.decision_weeks = weeks
    forum.decision_due_on = stages.decision_due(
        first, more_than_one_authority=forum.more_than_one_authority, single_authority_weeks=weeks
    )
    return _move(
        forum,
        actor=actor,
        status=ForumStatus.PUBLICISED,
        on=first,
        reason=f"Published for comments until {long_date(closes_on)}; once a forum is "
        "designated no other body may be designated for the area until the designation "
        "expires or is withdrawn",
        action="neighbourhoodplanning.forum_publicised",
        before=before,
    )


def _decision_date(forum, decided_on):
    if forum.status != ForumStatus.PUBLICISED:
        raise PlanningError("Only an application that has been publicised can be decided.")
    decided_on = past_or_today(decided_on or today(), "decided_on", "of the decision")
    not_before(
        decided_on, periods.day_after(forum.representations_close_on), "decided_on", "The decision"
    )
    return decided_on


@transaction.atomic
def designate_forum(
    *, actor, forum: NeighbourhoodForum, decided_on=None, regard_findings: str = ""
) -> NeighbourhoodForum:
    """Designate the forum: the mandatory conditions met, the area designated, no other
    forum designated for it. The designation lasts five years [R]."""
    check(actor, "neighbourhoodplanning.decide_forum", forum)
    decided_on = _decision_date(forum, decided_on)
    if forum.area.status != AreaStatus.DESIGNATED:
        raise PlanningError("Designate the neighbourhood area before its forum.", "area")
    not_before(decided_on, forum.area.decided_on, "decided_on", "The forum's designation")
    _check_area(forum.area)
    failures = condition_failures(forum)
    if failures:
        raise PlanningError("The forum cannot be designated: " + " ".join(failures))
    lapse_expired_forums(actor=None, on=decided_on)
    existing = current_forum(forum.area, decided_on)
    if existing is not None:
        raise PlanningError(
            f"{existing.name} is already the designated forum for this area.", "area"
        )
    before = _snapshot(forum)
    settings = readings()
    ends = stages.forum_designation_last_day(decided_on, years=settings.forum_years)
    forum.decided_on = forum.designated_on = decided_on
    forum.regard_findings = (regard_findings or "").strip()
    forum.expires_rule_c, forum.expires_rule_b = ends.rule_c, ends.rule_b
    forum.expires_on = ends.under(settings.month_rule)
    return _move(
        forum,
        actor=actor,
        status=ForumStatus.DESIGNATED,
        on=decided_on,
        reason=f"Designated until the end of {long_date(forum.expires_on)}",
        action="neighbourhoodplanning.forum_designated",
        before=before,
    )


@transaction.atomic
def refuse_forum(*, actor, forum: NeighbourhoodForum, reasons: str, decided_on=None):
    check(actor, "neighbourhoodplanning.decide_forum", forum)
    reasons = (reasons or "").strip()
    if not reasons:
        raise PlanningError("Give the reasons for refusing the application.", "reasons")
    decided_on = _decision_date(forum, decided_on)
    before = _snapshot(forum)
    forum.decided_on = decided_on
    forum.decision_reasons = reasons
    return _move(
        forum,
        actor=actor,
        status=ForumStatus.REFUSED,
        on=decided_on,
        reason=reasons,
        action="neighbourhoodplanning.forum_refused",
        before=before,
    )


@transaction.atomic
def lapse_expired_forums(*, actor=None, on=None) -> list[NeighbourhoodForum]:
    """Mark designations past their last day as expired (run daily, and before designating)."""
    on = on or today()
    lapsed = []
    for forum in NeighbourhoodForum.objects.designated().filter(expires_on__lt=on):
        before = _snapshot(forum)
        lapsed.append(
            _move(
                forum,
                actor=actor,
                status=ForumStatus.EXPIRED,
                on=periods.day_after(forum.expires_on),
                reason=f"The designation ended with {long_date(forum.expires_on)}",
                action="neighbourhoodplanning.forum_expired",
                before=before,
            )
        )
    return lapsed
