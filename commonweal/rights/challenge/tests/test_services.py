"""The right to challenge through its services: the rulebook's cases, the state machine with
attributed status rows, and an audit row for every change."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.test import override_settings

from commonweal.core.models import AuditEvent
from commonweal.directory.tests.conftest import make_group, person
from commonweal.places.models import Area, AreaType
from commonweal.rights.challenge import services
from commonweal.rights.challenge.models import ExpressionStatus, ProcurementExercise
from commonweal.rights.challenge.tests.conftest import CONTENTS, days_ago

pytestmark = pytest.mark.django_db


def test_an_expression_is_received_with_its_clocks(expression, service):
    assert expression.status == ExpressionStatus.RECEIVED
    assert expression.reference.startswith("RTC-")
    assert expression.body_kind == "charitable_trust"
    # No window published: 3 months from receipt (CRC-T8's rule applied to receipt).
    assert expression.decision_due > expression.received_on
    assert [c.status for c in expression.status_changes.all()] == ["received"]
    assert AuditEvent.objects.filter(action="challenge.expression_received").count() == 1


def test_crc_t1_three_employees_express_an_interest(service, resident):
    expression = services.submit_expression(
        actor=resident,
        service=service,
        employee_names=["Ann Able", "Ben Baker", "Cy Cole"],
        employee_engagement="Monthly open meetings with every ranger.",
        **CONTENTS,
    )
    assert expression.body_kind == "employees"
    assert "3 employees" in expression.body_name


def test_crc_t2_a_single_employee_is_refused(service, resident):
    with pytest.raises(services.ChallengeError, match="two or more"):
        services.submit_expression(
            actor=resident, service=service, employee_names=["Ann Able"], **CONTENTS
        )


def test_crc_t3_a_business_is_refused(service, calderdale, leader):
    business = make_group(leader, calderdale, name="Profit Parks Ltd", kind="business")
    with pytest.raises(services.ChallengeError, match="sub-contractor"):
        services.submit_expression(actor=leader, service=service, organisation=business, **CONTENTS)


def test_crc_t4_a_parish_council_is_not_a_relevant_authority(calderdale):
    ward = Area.objects.of_type(AreaType.WARD).in_authority(calderdale).first()
    with pytest.raises(services.ChallengeError, match="parish council is not"):
        services.create_service(actor=None, authority=ward, name="Allotments")


def test_crc_04_an_excluded_service_is_refused(calderdale, group, leader):
    excluded = services.create_service(
        actor=None,
        authority=calderdale,
        name="Integrated NHS care packages",
        excluded_basis="SI 2012/1313 Schedule 2: commissioned jointly with an NHS body",
    )
    with pytest.raises(services.ChallengeError, match="excluded"):
        services.submit_expression(actor=leader, service=excluded, organisation=group, **CONTENTS)


def test_crc_04_an_exclusion_that_ended_no_longer_applies(calderdale, group, leader):
    lapsed = services.create_service(
        actor=None,
        authority=calderdale,
        name="Named-individual care",
        excluded_basis="Schedule 2 paragraph 3 (ceased 1 April 2014)",
        excluded_until=dt.date(2014, 3, 31),
    )
    assert services.submit_expression(actor=leader, service=lapsed, organisation=group, **CONTENTS)


def test_crc_t5_outside_the_window_is_refused_naming_the_next(service, group, leader):
    services.publish_window(actor=None, service=service, opens=days_ago(60), closes=days_ago(30))
    services.publish_window(
        actor=None,
        service=service,
        opens=days_ago(-10),
        closes=days_ago(-40),
    )
    with pytest.raises(services.ChallengeError, match="next window opens"):
        services.submit_expression(actor=leader, service=service, organisation=group, **CONTENTS)


@override_settings(RIGHTS_CHALLENGE_REFUSE_OUTSIDE_WINDOW=False)
def test_crc_t5_a_council_may_choose_to_consider_it(service, group, leader):
    services.publish_window(actor=None, service=service, opens=days_ago(60), closes=days_ago(30))
    expression = services.submit_expression(
        actor=leader, service=service, organisation=group, **CONTENTS
    )
    assert expression.window is None


def test_crc_t8_the_decision_is_due_from_the_window_close(service, group, calderdale_officer):
    window = services.publish_window(
        actor=None, service=service, opens=dt.date(2024, 9, 1), closes=dt.date(2024, 9, 30)
    )
    expression = services.submit_expression(
        actor=calderdale_officer,
        service=service,
        organisation=group,
        received_on=dt.date(2024, 9, 12),
        **CONTENTS,
    )
    assert expression.window == window
    assert expression.decision_due == dt.date(2024, 12, 30)
    assert expression.timetable_notice_due == dt.date(2024, 10, 30)
    assert "3 months from 30 September 2024" in expression.decision_due_explanation


def test_only_the_council_records_an_earlier_receipt(service, group, leader):
    with pytest.raises(PermissionDenied):
        services.submit_expression(
            actor=leader,
            service=service,
            organisation=group,
            received_on=dt.date(2024, 9, 12),
            **CONTENTS,
        )


def test_crc_t6_incomplete_is_refused_listing_every_missing_item(service, group, leader):
    with pytest.raises(services.ChallengeInvalid) as caught:
        services.submit_expression(
            actor=leader,
            service=service,
            organisation=group,
            consortium=True,
            service_and_area="Parks",
            outcomes="Better parks",
        )
    assert set(caught.value.errors) == {"financial_resources", "capability", "consortium_details"}
    assert "financial resources" in caught.value.reason


def test_crc_t6_rejected_on_ground_2_with_reasons(expression, calderdale_officer):
    services.reject(
        actor=calderdale_officer,
        expression=expression,
        grounds={"inadequate": "The accounts attached are for another charity."},
    )
    expression.refresh_from_db()
    assert expression.status == ExpressionStatus.REJECTED
    assert [(g.ground, g.reasons) for g in expression.grounds.all()] == [
        ("inadequate", "The accounts attached are for another charity.")
    ]
    assert [c.changed_by for c in expression.status_changes.all()][-1] == calderdale_officer


def test_rejection_only_on_the_statutory_grounds(expression, calderdale_officer):
    with pytest.raises(services.ChallengeError, match="statutory grounds"):
        services.reject(actor=calderdale_officer, expression=expression, grounds={})
    with pytest.raises(services.ChallengeInvalid, match="not one of"):
        services.reject(
            actor=calderdale_officer, expression=expression, grounds={"we_prefer_not": "x"}
        )
    with pytest.raises(services.ChallengeInvalid) as caught:
        services.reject(actor=calderdale_officer, expression=expression, grounds={"frivolous": ""})
    assert "reasons_frivolous" in caught.value.errors
    expression.refresh_from_db()
    assert expression.status == ExpressionStatus.RECEIVED


def test_crc_t7_already_out_to_tender_is_rejected_on_ground_6(expression, calderdale_officer):
    services.reject(
        actor=calderdale_officer,
        expression=expression,
        grounds={"procurement": "Tender CAL-2024-17 was published on 1 August."},
    )
    assert expression.grounds.get().get_ground_display().startswith("The service is already")


def test_crc_t6_modified_only_with_the_body_agreeing(expression, calderdale_officer, leader):
    services.propose_modification(
        actor=calderdale_officer,
        expression=expression,
        proposal="Limit the proposal to Shibden Park, where the finances cover it.",
        grounds={"inadequate": "The finances do not cover the whole borough."},
    )
    expression.refresh_from_db()
    assert expression.status == ExpressionStatus.MODIFICATION_PROPOSED
    services.answer_modification(actor=leader, expression=expression, agreed=True)
    expression.refresh_from_db()
    assert expression.status == ExpressionStatus.ACCEPTED_MODIFIED
    assert ProcurementExercise.objects.filter(expression=expression).exists()
    assert [c.status for c in expression.status_changes.all()] == [
        "received",
        "modification_proposed",
        "accepted_modified",
    ]


def test_a_declined_modification_goes_back_for_a_decision(expression, calderdale_officer, leader):
    services.propose_modification(
        actor=calderdale_officer,
        expression=expression,
        proposal="Fewer sites.",
        grounds={"inadequate": "Not enough money."},
    )
    services.answer_modification(actor=leader, expression=expression, agreed=False)
    expression.refresh_from_db()
    assert expression.status == ExpressionStatus.RECEIVED


def test_a_modification_needs_the_grounds_it_would_otherwise_be_rejected_on(
    expression, calderdale_officer
):
    with pytest.raises(services.ChallengeError, match="statutory grounds"):
        services.propose_modification(
            actor=calderdale_officer, expression=expression, proposal="Smaller.", grounds={}
        )


def test_crc_t9_acceptance_starts_a_procurement_exercise(
    service, group, calderdale_officer, calderdale
):
    expression = services.submit_expression(
        actor=calderdale_officer,
        service=service,
        organisation=group,
        received_on=dt.date(2024, 9, 12),
        **CONTENTS,
    )
    services.accept(
        actor=calderdale_officer, expression=expression, decided_on=dt.date(2024, 11, 15)
    )
    procurement = ProcurementExercise.objects.get(expression=expression)
    assert procurement.service == service
    assert procurement.earliest_start == dt.date(2025, 5, 15)
    with pytest.raises(services.ChallengeError, match="15 May 2025"):
        services.start_procurement(
            actor=calderdale_officer, procurement=procurement, started_on=dt.date(2025, 5, 14)
        )
    services.start_procurement(
        actor=calderdale_officer, procurement=procurement, started_on=dt.date(2025, 5, 15)
    )
    procurement.refresh_from_db()
    assert procurement.status == "started"


def test_a_decided_expression_cannot_be_decided_again(expression, calderdale_officer):
    services.accept(actor=calderdale_officer, expression=expression)
    with pytest.raises(services.ChallengeError, match="cannot become"):
        services.reject(actor=calderdale_officer, expression=expression, grounds={"frivolous": "x"})


def test_the_timetable_notice(expression, calderdale_officer):
    with pytest.raises(services.ChallengeError, match="after the latest date"):
        services.notify_timetable(
            actor=calderdale_officer,
            expression=expression,
            expected_decision_on=expression.decision_due + dt.timedelta(days=1),
        )
    services.notify_timetable(
        actor=calderdale_officer,
        expression=expression,
        expected_decision_on=expression.decision_due,
    )
    expression.refresh_from_db()
    assert expression.timetable_notified_on is not None


def test_an_officer_of_another_borough_decides_nothing_here(expression, trafford_officer):
    with pytest.raises(PermissionDenied):
        services.accept(actor=trafford_officer, expression=expression)


def test_someone_else_cannot_express_an_interest_for_a_group(service, group, other_resident):
    with pytest.raises(PermissionDenied):
        services.submit_expression(
            actor=other_resident, service=service, organisation=group, **CONTENTS
        )


def test_status_changes_are_append_only(expression):
    change = expression.status_changes.get()
    change.reason = "Edited"
    with pytest.raises(ValueError, match="append-only"):
        change.save()


def test_the_body_may_withdraw(expression, leader):
    services.withdraw(actor=leader, expression=expression, reason="We merged with another group")
    expression.refresh_from_db()
    assert expression.status == ExpressionStatus.WITHDRAWN


def test_windows_must_not_overlap(service):
    services.publish_window(
        actor=None, service=service, opens=dt.date(2024, 9, 1), closes=dt.date(2024, 9, 30)
    )
    with pytest.raises(services.ChallengeError, match="overlaps"):
        services.publish_window(
            actor=None, service=service, opens=dt.date(2024, 9, 15), closes=dt.date(2024, 10, 15)
        )


def test_person_helper_is_importable():
    assert callable(person)


def test_personal_data_and_erasure(service, resident):
    from commonweal.rights.challenge.personal_data import erase_person, personal_data

    expression = services.submit_expression(
        actor=resident,
        service=service,
        employee_names=["Ann Able", "Ben Baker"],
        employee_engagement="Meetings.",
        **CONTENTS,
    )
    held = personal_data(resident)["expressions_of_interest_submitted"]
    assert [e["reference"] for e in held] == [expression.reference]
    erase_person(resident)
    expression.refresh_from_db()
    assert expression.submitted_by is None and expression.status_changes.count() == 1
