"""A neighbourhood plan's stages (rulebook 4.3). Each stage opens and closes on dates the
calendar allows; a stage closed too early is refused with the earliest allowed date."""

from django.db import transaction

from commonweal.core import audit
from commonweal.directory.models import OrganisationKind
from commonweal.rights.calendar import periods
from commonweal.rights.planning import stages
from commonweal.rights.planning.models import (
    AreaStatus,
    Consultee,
    ExaminerRecommendation,
    NeighbourhoodPlan,
    PlanStage,
    PlanStatusChange,
    Referendum,
    ReferendumKind,
)
from commonweal.rights.planning.readings import readings
from commonweal.rights.planning.services._common import (
    check,
    long_date,
    not_before,
    past_or_today,
    person,
    status_row,
    today,
)
from commonweal.rights.planning.services.errors import PlanningError
from commonweal.rights.planning.services.forums import current_forum


def qualifying_body(area):
    """The parish council that applied, or else the area's designated forum (s.61G)."""
    if area.applicant.kind == OrganisationKind.PARISH_COUNCIL:
        return area.applicant
    forum = current_forum(area)
    return forum.organisation if forum else None


def _snapshot(plan: NeighbourhoodPlan) -> dict:
    return {"stage": plan.stage}


def _move(plan, *, actor, stage, on, reason, action, fields=None):
    before = _snapshot(plan)
    plan.stage = stage
    plan.save()
    status_row(
        PlanStatusChange, actor=actor, plan=plan, stage=stage, effective_on=on, reason=reason
    )
    after = {**_snapshot(plan), **{k: str(v) for k, v in (fields or {}).items()}}
    audit.record(action, actor=actor, obj=plan, before=before, after=after)
    return plan


def _at(plan, *stages_allowed, doing: str) -> None:
    if plan.stage not in stages_allowed:
        raise PlanningError(
            f"The plan is at “{plan.get_stage_display()}”, so you cannot {doing} now."
        )


@transaction.atomic
def start_plan(*, actor, area, title: str, is_sample: bool = False) -> NeighbourhoodPlan:
    check(actor, "neighbourhoodplanning.start_plan", area)
    if area.status != AreaStatus.DESIGNATED:
        raise PlanningError("A plan can be prepared only for a designated area.")
    body = qualifying_body(area)
    if body is None:
        raise PlanningError("The area has no designated forum to prepare a plan.")
    if area.plans.in_progress().exists():
        raise PlanningError("A plan for this area is already in progress.")
    title = " ".join((title or "").split())
    if not title:
        raise PlanningError("Give the plan a title.", "title")
    plan = NeighbourhoodPlan.objects.create(
        authority=area.authority,
        area=area,
        qualifying_body=body,
        title=title,
        business_referendum=area.business_area,
        is_sample=is_sample,
        created_by=person(actor),
    )
    status_row(
        PlanStatusChange,
        actor=actor,
        plan=plan,
        stage=PlanStage.PREPARING,
        effective_on=today(),
        reason=f"Being prepared by {body.name}",
    )
    audit.record("neighbourhoodplanning.plan_started", actor=actor, obj=plan, after=_snapshot(plan))
    return plan


@transaction.atomic
def start_consultation(
    *, actor, plan, first_publicised_on, closes_on=None, where: str = "", consultees=()
) -> NeighbourhoodPlan:
    """reg 14: publicise the draft plan to 6 weeks or more, and consult the bodies listed."""
    check(actor, "neighbourhoodplanning.record_consultation", plan)
    _at(plan, PlanStage.PREPARING, doing="start the consultation")
    first = past_or_today(first_publicised_on, "first_publicised_on", "the draft was publicised")
    earliest = stages.representations_close_earliest(first)
    closes_on = closes_on or earliest
    not_before(closes_on, earliest, "closes_on", "The consultation's closing date")
    if isinstance(consultees, str):
        consultees = consultees.splitlines()
    names = [" ".join(n.split()) for n in consultees if n and n.strip()]
    if not names:
        raise PlanningError(
            "List the consultation bodies consulted (one a line), as reg 14(b) requires.",
            "consultees",
        )
    plan.consultation_started_on = first
    plan.consultation_closes_on = closes_on
    plan.consultation_where = (where or "").strip()
    Consultee.objects.bulk_create(
        Consultee(plan=plan, name=name[:200], consulted_on=first) for name in dict.fromkeys(names)
    )
    return _move(
        plan,
        actor=actor,
        stage=PlanStage.CONSULTATION,
        on=first,
        reason=f"Consultation open until {long_date(closes_on)}; {len(names)} bodies consulted",
        action="neighbourhoodplanning.consultation_started",
        fields={"closes_on": closes_on},
    )


@transaction.atomic
def close_consultation(*, actor, plan, closed_on=None) -> NeighbourhoodPlan:
    check(actor, "neighbourhoodplanning.record_consultation", plan)
    _at(plan, PlanStage.CONSULTATION, doing="close the consultation")
    closed_on = past_or_today(closed_on or today(), "closed_on", "the consultation closed")
    not_before(closed_on, plan.consultation_closes_on, "closed_on", "The consultation's close")
    plan.consultation_closed_on = closed_on
    return _move(
        plan,
        actor=actor,
        stage=PlanStage.CONSULTED,
        on=closed_on,
        reason="Consultation closed",
        action="neighbourhoodplanning.consultation_closed",
    )


@transaction.atomic
def submit_plan(*, actor, plan, submitted_on=None) -> NeighbourhoodPlan:
    """reg 15: the qualifying body submits the plan to the council."""
    check(actor, "neighbourhoodplanning.submit_plan", plan)
    _at(plan, PlanStage.CONSULTED, doing="submit it")
    submitted_on = past_or_today(submitted_on or today(), "submitted_on", "it was submitted")
    not_before(
        submitted_on, periods.day_after(plan.consultation_closed_on), "submitted_on", "Submission"
    )
    plan.submitted_on = submitted_on
    return _move(
        plan,
        actor=actor,
        stage=PlanStage.SUBMITTED,
        on=submitted_on,
        reason="Submitted to the council",
        action="neighbourhoodplanning.plan_submitted",
    )


@transaction.atomic
def start_publicity(*, actor, plan, first_publicised_on, closes_on=None) -> NeighbourhoodPlan:
    """reg 16: the council publicises the submitted plan for six weeks or more [R]."""
    check(actor, "neighbourhoodplanning.run_plan", plan)
    _at(plan, PlanStage.SUBMITTED, doing="start the council's publicity")
    first = past_or_today(first_publicised_on, "first_publicised_on", "of first publicity")
    not_before(first, plan.submitted_on, "first_publicised_on", "Publicity")
    earliest = stages.representations_close_earliest(first)
    closes_on = closes_on or earliest
    not_before(closes_on, earliest, "closes_on", "The closing date for comments")
    plan.publicity_started_on, plan.publicity_closes_on = first, closes_on
    return _move(
        plan,
        actor=actor,
        stage=PlanStage.PUBLICITY,
        on=first,
        reason=f"Open for comments until {long_date(closes_on)}",
        action="neighbourhoodplanning.publicity_started",
    )


@transaction.atomic
def close_publicity(*, actor, plan, closed_on=None) -> NeighbourhoodPlan:
    check(actor, "neighbourhoodplanning.run_plan", plan)
    _at(plan, PlanStage.PUBLICITY, doing="close the publicity")
    closed_on = past_or_today(closed_on or today(), "closed_on", "the publicity closed")
    not_before(closed_on, plan.publicity_closes_on, "closed_on", "The publicity's close")
    plan.publicity_closed_on = closed_on
    return _move(
        plan,
        actor=actor,
        stage=PlanStage.PUBLICITY_CLOSED,
        on=closed_on,
        reason="Publicity closed",
        action="neighbourhoodplanning.publicity_closed",
    )


@transaction.atomic
def start_examination(*, actor, plan, examiner: str, started_on=None) -> NeighbourhoodPlan:
    check(actor, "neighbourhoodplanning.run_plan", plan)
    _at(plan, PlanStage.PUBLICITY_CLOSED, doing="send it for examination")
    examiner = " ".join((examiner or "").split())
    if not examiner:
        raise PlanningError("Name the independent examiner.", "examiner")
    started_on = past_or_today(started_on or today(), "started_on", "the examination began")
    not_before(started_on, plan.publicity_closed_on, "started_on", "The examination")
    plan.examiner, plan.examination_started_on = examiner, started_on
    return _move(
        plan,
        actor=actor,
        stage=PlanStage.EXAMINATION,
        on=started_on,
        reason=f"Sent to {examiner} for examination",
        action="neighbourhoodplanning.examination_started",
    )


@transaction.atomic
def record_examiner_report(*, actor, plan, received_on, recommendation: str) -> NeighbourhoodPlan:
    """The examiner's report: the council's decision is due within five weeks [R]."""
    check(actor, "neighbourhoodplanning.run_plan", plan)
    _at(plan, PlanStage.EXAMINATION, doing="record the examiner's report")
    if recommendation not in ExaminerRecommendation.values:
        raise PlanningError("Say what the examiner recommended.", "recommendation")
    received_on = past_or_today(received_on, "received_on", "the report was received")
    not_before(received_on, plan.examination_started_on, "received_on", "The report")
    plan.report_received_on, plan.recommendation = received_on, recommendation
    plan.decision_due_on = stages.examiner_decision_due(
        received_on, reading=readings().examiner_reading
    )
    return _move(
        plan,
        actor=actor,
        stage=PlanStage.REPORTED,
        on=received_on,
        reason=f"Examiner recommends: {plan.get_recommendation_display()}; decision due by "
        f"{long_date(plan.decision_due_on)}",
        action="neighbourhoodplanning.examiner_reported",
    )


@transaction.atomic
def decide_on_report(
    *, actor, plan, to_referendum: bool, published_on, reasons: str = ""
) -> NeighbourhoodPlan:
    """reg 17A-18: the council's decision, published; a referendum then has a last date."""
    check(actor, "neighbourhoodplanning.run_plan", plan)
    _at(plan, PlanStage.REPORTED, doing="decide on the examiner's report")
    published_on = past_or_today(published_on, "published_on", "the decision was published")
    not_before(published_on, plan.report_received_on, "published_on", "The decision")
    reasons = (reasons or "").strip()
    if not to_referendum and not reasons:
        raise PlanningError("Give the reasons for not holding a referendum.", "reasons")
    plan.decision_published_on, plan.to_referendum = published_on, bool(to_referendum)
    plan.decision_reasons = reasons
    if not to_referendum:
        return _move(
            plan,
            actor=actor,
            stage=PlanStage.REFUSED,
            on=published_on,
            reason=reasons,
            action="neighbourhoodplanning.plan_refused",
        )
    settings = readings()
    plan.referendum_due_on = stages.referendum_due(
        published_on,
        combined=plan.business_referendum,
        working_days=settings.referendum_working_days,
        combined_working_days=settings.combined_referendum_working_days,
    )
    return _move(
        plan,
        actor=actor,
        stage=PlanStage.REFERENDUM,
        on=published_on,
        reason=f"Going to referendum by {long_date(plan.referendum_due_on)}"
        + (f". {reasons}" if reasons else ""),
        action="neighbourhoodplanning.referendum_decided",
    )


@transaction.atomic
def record_referendum(
    *, actor, plan, held_on, yes: int, no: int, rejected: int = 0, kind: str = "residential"
) -> Referendum:
    """A count (NP-15): approved only if more than half of those voting said yes, in each
    referendum held (NP-16)."""
    check(actor, "neighbourhoodplanning.run_plan", plan)
    _at(plan, PlanStage.REFERENDUM, doing="record a referendum")
    if kind not in ReferendumKind.values:
        raise PlanningError("Say which referendum this is.", "kind")
    if kind == ReferendumKind.BUSINESS and not plan.business_referendum:
        raise PlanningError("This area is not a business area: there is no business referendum.")
    if plan.referendums.filter(kind=kind).exists():
        raise PlanningError("This referendum's result is already recorded.", "kind")
    held_on = past_or_today(held_on, "held_on", "of the referendum")
    not_before(held_on, periods.day_after(plan.decision_published_on), "held_on", "The referendum")
    try:
        result = stages.referendum_result(
            yes, no, rejected=rejected, rejected_count_as_voting=readings().rejected_ballots_count
        )
    except ValueError as exc:
        raise PlanningError(str(exc).capitalize() + ".", "yes") from None
    referendum = Referendum.objects.create(
        plan=plan,
        kind=kind,
        held_on=held_on,
        yes=yes,
        no=no,
        rejected=rejected,
        counted_as_voting=result.counted_as_voting,
        passed=result.passed,
        reason=result.reason,
        recorded_by=person(actor),
    )
    audit.record(
        "neighbourhoodplanning.referendum_recorded",
        actor=actor,
        obj=plan,
        after={"kind": kind, "yes": yes, "no": no, "rejected": rejected, "passed": result.passed},
    )
    held = {r.kind: r for r in plan.referendums.all()}
    if ReferendumKind.RESIDENTIAL not in held or (
        plan.business_referendum and ReferendumKind.BUSINESS not in held
    ):
        return referendum
    business = held.get(ReferendumKind.BUSINESS)
    outcome = stages.combined_outcome(
        held[ReferendumKind.RESIDENTIAL].passed, business.passed if business else None
    )
    last = max(r.held_on for r in held.values())
    stage = {
        stages.Outcome.APPROVED: PlanStage.APPROVED,
        stages.Outcome.SPLIT: PlanStage.SPLIT,
        stages.Outcome.NOT_APPROVED: PlanStage.NOT_APPROVED,
    }[outcome]
    if stage == PlanStage.APPROVED:
        plan.make_due_on = stages.make_due(last, weeks=readings().make_weeks)
        reason = (
            "Approved: the plan forms part of the development plan from "
            f"{long_date(last)}; to be made by {long_date(plan.make_due_on)}"
        )
    elif stage == PlanStage.SPLIT:
        reason = "Only one referendum approved the plan: the council may decide to make it"
    else:
        reason = "Not approved at referendum"
    _move(
        plan,
        actor=actor,
        stage=stage,
        on=last,
        reason=reason,
        action="neighbourhoodplanning.referendum_outcome",
    )
    return referendum


@transaction.atomic
def make_plan(*, actor, plan, made_on=None) -> NeighbourhoodPlan:
    check(actor, "neighbourhoodplanning.run_plan", plan)
    _at(plan, PlanStage.APPROVED, PlanStage.SPLIT, doing="make it")
    made_on = past_or_today(made_on or today(), "made_on", "it was made")
    last = max(r.held_on for r in plan.referendums.all())
    not_before(made_on, last, "made_on", "Making the plan")
    plan.made_on = made_on
    return _move(
        plan,
        actor=actor,
        stage=PlanStage.MADE,
        on=made_on,
        reason="Made by the council",
        action="neighbourhoodplanning.plan_made",
    )
