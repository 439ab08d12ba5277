"""Area applications through the services: NP-01 to NP-05, NP-T1 to NP-T3."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from commonweal.core.models import AuditEvent
from commonweal.rights.planning import services
from commonweal.rights.planning.models import AreaStatus, NeighbourhoodArea
from commonweal.rights.planning.tests.conftest import apply, designated_area, make_org, wards

pytestmark = pytest.mark.django_db
D = dt.date


def test_np_t1_publicity_sets_the_closing_date_and_the_decision_date(
    leader, calderdale_officer, forum_org
):
    area = apply(leader, forum_org, (10, 11))
    assert area.status == AreaStatus.RECEIVED
    services.publicise_area(actor=calderdale_officer, area=area, first_publicised_on=D(2024, 1, 8))
    assert area.representations_close_on == D(2024, 2, 19)
    assert area.decision_due_on == D(2024, 4, 9)
    assert area.decision_weeks == 13
    assert [c.status for c in area.status_changes.all()] == ["received", "publicised"]
    assert area.status_changes.last().changed_by == calderdale_officer
    assert AuditEvent.objects.filter(action="neighbourhoodplanning.area_publicised").exists()


def test_np_t2_two_authorities_have_twenty_weeks(leader, calderdale_officer, forum_org):
    area = apply(leader, forum_org, (10,), more_than_one_authority=True)
    services.publicise_area(actor=calderdale_officer, area=area, first_publicised_on=D(2024, 1, 8))
    assert area.decision_due_on == D(2024, 5, 28)


def test_a_closing_date_under_six_weeks_is_refused_with_the_earliest(
    leader, calderdale_officer, forum_org
):
    area = apply(leader, forum_org, (10,))
    with pytest.raises(services.PlanningError) as refused:
        services.publicise_area(
            actor=calderdale_officer,
            area=area,
            first_publicised_on=D(2024, 1, 8),
            closes_on=D(2024, 2, 18),
        )
    assert refused.value.earliest == D(2024, 2, 19)
    assert "19 February 2024" in refused.value.reason


def test_no_decision_before_comments_close(leader, calderdale_officer, forum_org):
    area = apply(leader, forum_org, (10,))
    services.publicise_area(actor=calderdale_officer, area=area, first_publicised_on=D(2024, 1, 8))
    with pytest.raises(services.PlanningError) as refused:
        services.designate_area(actor=calderdale_officer, area=area, decided_on=D(2024, 2, 19))
    assert refused.value.earliest == D(2024, 2, 20)


def test_designation_needs_publicity_first(leader, calderdale_officer, forum_org):
    area = apply(leader, forum_org, (10,))
    with pytest.raises(services.PlanningError, match="Publicise"):
        services.designate_area(actor=calderdale_officer, area=area)


def test_designated_areas_may_not_overlap(
    leader, other_leader, calderdale_officer, forum_org, other_forum_org
):
    designated_area(leader, calderdale_officer, forum_org, (10, 11))
    second = apply(other_leader, other_forum_org, (11, 12))
    services.publicise_area(
        actor=calderdale_officer, area=second, first_publicised_on=D(2024, 1, 8)
    )
    with pytest.raises(services.PlanningError, match="overlaps"):
        services.designate_area(actor=calderdale_officer, area=second, decided_on=D(2024, 3, 1))


def test_neighbouring_areas_that_only_touch_may_both_be_designated(
    leader, other_leader, calderdale_officer, forum_org, other_forum_org
):
    designated_area(leader, calderdale_officer, forum_org, (10, 11))
    second = designated_area(other_leader, calderdale_officer, other_forum_org, (12, 13))
    assert second.status == AreaStatus.DESIGNATED


def test_refusal_needs_reasons_and_is_refused_after_the_decision_date(
    leader, calderdale_officer, forum_org
):
    area = apply(leader, forum_org, (10,))
    services.publicise_area(actor=calderdale_officer, area=area, first_publicised_on=D(2024, 1, 8))
    with pytest.raises(services.PlanningError, match="reasons"):
        services.refuse_area(actor=calderdale_officer, area=area, reasons=" ")
    with pytest.raises(services.PlanningError, match="must designate"):
        services.refuse_area(
            actor=calderdale_officer, area=area, reasons="Too big", decided_on=D(2024, 4, 10)
        )
    services.refuse_area(
        actor=calderdale_officer, area=area, reasons="Too big", decided_on=D(2024, 4, 9)
    )
    assert area.status == AreaStatus.REFUSED and area.decision_reasons == "Too big"


def test_late_refusal_is_allowed_when_the_council_reads_the_rule_otherwise(
    settings, leader, calderdale_officer, forum_org
):
    settings.NEIGHBOURHOOD_PLANNING_DESIGNATE_WHEN_LATE = False
    area = apply(leader, forum_org, (10,))
    services.publicise_area(actor=calderdale_officer, area=area, first_publicised_on=D(2024, 1, 8))
    services.refuse_area(
        actor=calderdale_officer, area=area, reasons="Too big", decided_on=D(2024, 4, 10)
    )
    assert area.status == AreaStatus.REFUSED


def test_np_t3_whole_parish_must_be_designated_without_publicity(
    other_leader, calderdale_officer, parish
):
    area = apply(other_leader, parish, (3,), whole_parish=True, received_on=D(2024, 1, 8))
    assert "reg 5A" in area.must_designate_reason
    with pytest.raises(services.PlanningError, match="not publicised"):
        services.publicise_area(
            actor=calderdale_officer, area=area, first_publicised_on=D(2024, 1, 9)
        )
    with pytest.raises(services.PlanningError, match="5A"):
        services.refuse_area(actor=calderdale_officer, area=area, reasons="No")
    services.designate_area(actor=calderdale_officer, area=area, decided_on=D(2024, 1, 8))
    assert area.status == AreaStatus.DESIGNATED


def test_whole_parish_must_match_the_parish(other_leader, parish):
    with pytest.raises(services.PlanningError, match="not the whole"):
        apply(other_leader, parish, (3, 4), whole_parish=True)


def test_only_relevant_bodies_apply(leader, calderdale):
    group = make_org(leader, calderdale, "Park Residents", "residents_association")
    with pytest.raises(services.PlanningError, match="parish council or a neighbourhood forum"):
        apply(leader, group, (0,))


def test_a_second_undecided_application_is_refused(leader, forum_org):
    apply(leader, forum_org, (10,))
    with pytest.raises(services.PlanningError, match=r"reg 5\(2\)"):
        apply(leader, forum_org, (11,))


def test_a_drawn_boundary_outside_the_borough_is_refused(leader, forum_org):
    far_away = (
        '{"type": "Polygon", "coordinates": [[[-0.2, 51.5], [-0.1, 51.5], [-0.1, 51.6], '
        "[-0.2, 51.5]]]}"
    )
    with pytest.raises(services.PlanningError) as refused:
        services.apply_for_area(
            actor=leader,
            applicant=forum_org,
            name="Far away",
            statement="x",
            relevant_body_statement="y",
            boundary_geojson=far_away,
        )
    assert refused.value.field == "boundary"


def test_a_drawn_boundary_inside_the_borough_is_kept(leader, forum_org, calderdale):
    import shapely

    ward = wards(calderdale, 10)[0]
    geojson = shapely.to_geojson(ward.shape.buffer(-0.001))
    area = services.apply_for_area(
        actor=leader,
        applicant=forum_org,
        name="Drawn",
        statement="x",
        relevant_body_statement="y",
        boundary_geojson=geojson,
    )
    assert area.shape.within(ward.shape) and area.places.count() == 0


def test_future_dates_are_refused(leader, calderdale_officer, forum_org):
    area = apply(leader, forum_org, (10,))
    with pytest.raises(services.PlanningError, match="later than today"):
        services.publicise_area(
            actor=calderdale_officer, area=area, first_publicised_on=D(2999, 1, 1)
        )


def test_only_the_applicants_leaders_apply_and_only_officers_decide(
    leader, other_leader, trafford_officer, calderdale_officer, forum_org
):
    with pytest.raises(PermissionDenied):
        apply(other_leader, forum_org, (10,))
    area = apply(leader, forum_org, (10,))
    for actor in (leader, trafford_officer):
        with pytest.raises(PermissionDenied):
            services.publicise_area(actor=actor, area=area, first_publicised_on=D(2024, 1, 8))
    assert NeighbourhoodArea.objects.count() == 1
