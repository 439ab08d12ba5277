"""A plan's stages through the services: NP-10 to NP-16, each stage's minimum enforced."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from commonweal.rights.planning import services
from commonweal.rights.planning.models import PlanStage

pytestmark = pytest.mark.django_db
D = dt.date
START = D(2024, 6, 3)
CONSULTEES = "Historic England\nNatural England\nEnvironment Agency"


def consult(actor, plan, start=START, **extra):
    return services.start_consultation(
        actor=actor, plan=plan, first_publicised_on=start, consultees=CONSULTEES, **extra
    )


def to_referendum(leader, officer, plan):
    consult(leader, plan)
    services.close_consultation(actor=leader, plan=plan, closed_on=D(2024, 7, 15))
    services.submit_plan(actor=leader, plan=plan, submitted_on=D(2024, 8, 1))
    services.start_publicity(actor=officer, plan=plan, first_publicised_on=D(2024, 8, 5))
    services.close_publicity(actor=officer, plan=plan, closed_on=D(2024, 9, 16))
    services.start_examination(
        actor=officer, plan=plan, examiner="A. Examiner", started_on=D(2024, 9, 20)
    )
    services.record_examiner_report(
        actor=officer, plan=plan, received_on=D(2025, 6, 2), recommendation="modify"
    )
    services.decide_on_report(
        actor=officer, plan=plan, to_referendum=True, published_on=D(2025, 6, 13)
    )
    return plan


def test_np_t10_consultation_closes_six_weeks_on_and_records_consultees(leader, plan):
    consult(leader, plan)
    assert plan.stage == PlanStage.CONSULTATION
    assert plan.consultation_closes_on == D(2024, 7, 15)
    assert [c.name for c in plan.consultees.all()] == [
        "Environment Agency",
        "Historic England",
        "Natural England",
    ]


def test_consultation_cannot_be_closed_early(leader, plan):
    consult(leader, plan)
    with pytest.raises(services.PlanningError) as refused:
        services.close_consultation(actor=leader, plan=plan, closed_on=D(2024, 7, 14))
    assert refused.value.earliest == D(2024, 7, 15)
    assert "15 July 2024" in refused.value.reason


def test_a_closing_date_under_six_weeks_is_refused(leader, plan):
    with pytest.raises(services.PlanningError) as refused:
        consult(leader, plan, closes_on=D(2024, 7, 1))
    assert refused.value.earliest == D(2024, 7, 15)


def test_consultees_must_be_listed(leader, plan):
    with pytest.raises(services.PlanningError, match="consultation bodies"):
        services.start_consultation(actor=leader, plan=plan, first_publicised_on=D(2024, 6, 3))


def test_np_t11_t12_examiner_decision_and_referendum_dates(leader, calderdale_officer, plan):
    to_referendum(leader, calderdale_officer, plan)
    assert plan.decision_due_on == D(2025, 7, 7)
    assert plan.stage == PlanStage.REFERENDUM
    assert plan.referendum_due_on > D(2025, 6, 13)


def test_the_council_publicity_and_examination_stages(leader, calderdale_officer, plan):
    consult(leader, plan)
    services.close_consultation(actor=leader, plan=plan, closed_on=D(2024, 7, 15))
    services.submit_plan(actor=leader, plan=plan, submitted_on=D(2024, 8, 1))
    with pytest.raises(PermissionDenied):
        services.start_publicity(actor=leader, plan=plan, first_publicised_on=D(2024, 8, 5))
    services.start_publicity(actor=calderdale_officer, plan=plan, first_publicised_on=D(2024, 8, 5))
    with pytest.raises(services.PlanningError) as refused:
        services.close_publicity(actor=calderdale_officer, plan=plan, closed_on=D(2024, 9, 1))
    assert refused.value.earliest == D(2024, 9, 16)


def test_np_t14_t15_a_passed_referendum_and_the_plan_made(leader, calderdale_officer, plan):
    to_referendum(leader, calderdale_officer, plan)
    services.record_referendum(
        actor=calderdale_officer, plan=plan, held_on=D(2025, 8, 14), yes=501, no=500, rejected=3
    )
    assert plan.stage == PlanStage.APPROVED
    assert plan.make_due_on == D(2025, 10, 9)
    services.make_plan(actor=calderdale_officer, plan=plan, made_on=D(2025, 9, 1))
    assert plan.stage == PlanStage.MADE
    stages_seen = [c.stage for c in plan.status_changes.all()]
    assert stages_seen[0] == "preparing" and stages_seen[-1] == "made"
    assert len(stages_seen) == 11


def test_np_t14_a_tie_fails(leader, calderdale_officer, plan):
    to_referendum(leader, calderdale_officer, plan)
    services.record_referendum(
        actor=calderdale_officer, plan=plan, held_on=D(2025, 8, 14), yes=500, no=500
    )
    assert plan.stage == PlanStage.NOT_APPROVED
    with pytest.raises(services.PlanningError):
        services.make_plan(actor=calderdale_officer, plan=plan)


def test_np_16_a_business_area_needs_both_referendums(leader, calderdale_officer, plan):
    plan.business_referendum = True
    plan.save()
    to_referendum(leader, calderdale_officer, plan)
    services.record_referendum(
        actor=calderdale_officer, plan=plan, held_on=D(2025, 8, 14), yes=600, no=400
    )
    assert plan.stage == PlanStage.REFERENDUM  # waiting for the business count
    services.record_referendum(
        actor=calderdale_officer, plan=plan, held_on=D(2025, 8, 14), yes=40, no=60, kind="business"
    )
    assert plan.stage == PlanStage.SPLIT


def test_no_business_referendum_outside_a_business_area(leader, calderdale_officer, plan):
    to_referendum(leader, calderdale_officer, plan)
    with pytest.raises(services.PlanningError, match="not a business area"):
        services.record_referendum(
            actor=calderdale_officer,
            plan=plan,
            held_on=D(2025, 8, 14),
            yes=1,
            no=0,
            kind="business",
        )


def test_not_going_to_referendum_needs_reasons(leader, calderdale_officer, plan):
    consult(leader, plan)
    services.close_consultation(actor=leader, plan=plan, closed_on=D(2024, 7, 15))
    services.submit_plan(actor=leader, plan=plan, submitted_on=D(2024, 8, 1))
    services.start_publicity(actor=calderdale_officer, plan=plan, first_publicised_on=D(2024, 8, 5))
    services.close_publicity(actor=calderdale_officer, plan=plan, closed_on=D(2024, 9, 16))
    services.start_examination(
        actor=calderdale_officer, plan=plan, examiner="B", started_on=D(2024, 9, 20)
    )
    services.record_examiner_report(
        actor=calderdale_officer, plan=plan, received_on=D(2025, 1, 6), recommendation="refuse"
    )
    with pytest.raises(services.PlanningError, match="reasons"):
        services.decide_on_report(
            actor=calderdale_officer, plan=plan, to_referendum=False, published_on=D(2025, 1, 20)
        )
    services.decide_on_report(
        actor=calderdale_officer,
        plan=plan,
        to_referendum=False,
        published_on=D(2025, 1, 20),
        reasons="Fails the basic conditions",
    )
    assert plan.stage == PlanStage.REFUSED


def test_stages_happen_in_order(leader, plan):
    with pytest.raises(services.PlanningError, match="cannot submit"):
        services.submit_plan(actor=leader, plan=plan)


def test_a_plan_needs_a_designated_forum(leader, calderdale_officer, area):
    with pytest.raises(services.PlanningError, match="no designated forum"):
        services.start_plan(actor=calderdale_officer, area=area, title="Plan")


def test_only_one_plan_in_progress(leader, plan, area):
    with pytest.raises(services.PlanningError, match="already in progress"):
        services.start_plan(actor=leader, area=area, title="Another")


def test_another_group_cannot_record_the_consultation(other_leader, plan):
    with pytest.raises(PermissionDenied):
        consult(other_leader, plan)
