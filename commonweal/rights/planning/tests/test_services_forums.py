"""Forum applications through the services: NP-06 to NP-09, NP-T4 to NP-T9."""

import datetime as dt

import pytest
from django.db import IntegrityError

from commonweal.rights.planning import services
from commonweal.rights.planning.models import ForumStatus, NeighbourhoodForum
from commonweal.rights.planning.tests.conftest import (
    FORUM_FACTS,
    apply,
    designated_area,
    designated_forum,
)

pytestmark = pytest.mark.django_db
D = dt.date


def _apply(leader, organisation, area, **facts):
    return services.apply_for_forum(
        actor=leader,
        organisation=organisation,
        area=area,
        received_on=facts.pop("received_on", D(2024, 1, 2)),
        **{**FORUM_FACTS, **facts},
    )


def test_np_t9_publicity_and_decision_dates(leader, calderdale_officer, forum_org, area):
    forum = _apply(leader, forum_org, area)
    services.publicise_forum(
        actor=calderdale_officer, forum=forum, first_publicised_on=D(2024, 1, 8)
    )
    assert forum.representations_close_on == D(2024, 2, 19)
    assert forum.decision_due_on == D(2024, 4, 9)
    assert "no other body may be designated" in forum.status_changes.last().reason


def test_np_t8_designation_lasts_five_years(leader, calderdale_officer, forum_org):
    area = apply(leader, forum_org, (10, 11), received_on=D(2018, 6, 1))
    services.publicise_area(actor=calderdale_officer, area=area, first_publicised_on=D(2018, 6, 4))
    services.designate_area(actor=calderdale_officer, area=area, decided_on=D(2018, 9, 3))
    forum = _apply(leader, forum_org, area, received_on=D(2018, 10, 1))
    services.publicise_forum(
        actor=calderdale_officer, forum=forum, first_publicised_on=D(2019, 1, 7)
    )
    services.designate_forum(actor=calderdale_officer, forum=forum, decided_on=D(2019, 3, 15))
    assert forum.expires_on == D(2024, 3, 14)
    lapsed = services.lapse_expired_forums(on=D(2024, 3, 15))
    assert [f.pk for f in lapsed] == [forum.pk]
    forum.refresh_from_db()
    assert forum.status == ForumStatus.EXPIRED
    assert forum.status_changes.last().effective_on == D(2024, 3, 15)


def test_np_t4_twenty_qualifying_members_cannot_be_designated(
    leader, calderdale_officer, forum_org, area
):
    forum = _apply(
        leader,
        forum_org,
        area,
        members_live=18,
        members_work=2,
        members_elected=0,
        members_other=10,
    )
    services.publicise_forum(
        actor=calderdale_officer, forum=forum, first_publicised_on=D(2024, 1, 8)
    )
    assert services.condition_failures(forum)
    with pytest.raises(services.PlanningError, match="20 individuals"):
        services.designate_forum(actor=calderdale_officer, forum=forum, decided_on=D(2024, 3, 1))


def test_np_t5_twenty_one_residents_can_be_designated(leader, calderdale_officer, forum_org, area):
    forum = designated_forum(
        leader,
        calderdale_officer,
        forum_org,
        area,
        members_live=21,
        members_work=0,
        members_elected=0,
    )
    assert forum.status == ForumStatus.DESIGNATED


def test_np_t6_membership_closed_to_workers_cannot_be_designated(
    leader, calderdale_officer, forum_org, area
):
    forum = _apply(leader, forum_org, area, open_to_workers=False)
    services.publicise_forum(
        actor=calderdale_officer, forum=forum, first_publicised_on=D(2024, 1, 8)
    )
    with pytest.raises(services.PlanningError, match="not open to people who work"):
        services.designate_forum(actor=calderdale_officer, forum=forum, decided_on=D(2024, 3, 1))


def test_np_t7_an_area_including_part_of_a_parish_has_no_forum(
    leader, calderdale_officer, forum_org, parish
):
    # The parish council's area (ward 3, as the directory records it) is inside this area.
    area = designated_area(leader, calderdale_officer, forum_org, (3, 4))
    with pytest.raises(services.PlanningError, match=r"s\.61F\(4\)"):
        _apply(leader, forum_org, area)


def test_a_parish_councils_area_has_no_forum(
    other_leader, leader, calderdale_officer, parish, forum_org
):
    area = designated_area(other_leader, calderdale_officer, parish, (3,))
    with pytest.raises(services.PlanningError, match="qualifying body"):
        _apply(leader, forum_org, area)


def test_one_designated_forum_per_area(
    leader, other_leader, calderdale_officer, forum_org, other_forum_org, area, forum
):
    with pytest.raises(services.PlanningError, match="no other forum"):
        _apply(other_leader, other_forum_org, area)


def test_the_database_also_holds_one_designated_forum_per_area(forum):
    with pytest.raises(IntegrityError):
        NeighbourhoodForum.objects.create(
            authority=forum.authority,
            area=forum.area,
            organisation=forum.organisation,
            name="Copy",
            purpose="x",
            contact="y",
            received_on=D(2024, 1, 1),
            status="designated",
        )


def test_a_forum_needs_a_designated_area(leader, calderdale_officer, forum_org):
    pending = apply(leader, forum_org, (10,))
    forum = _apply(leader, forum_org, pending)
    services.publicise_forum(
        actor=calderdale_officer, forum=forum, first_publicised_on=D(2024, 1, 8)
    )
    with pytest.raises(services.PlanningError, match="Designate the neighbourhood area"):
        services.designate_forum(actor=calderdale_officer, forum=forum, decided_on=D(2024, 3, 1))


def test_refusal_with_reasons(leader, calderdale_officer, forum_org, area):
    forum = _apply(leader, forum_org, area)
    services.publicise_forum(
        actor=calderdale_officer, forum=forum, first_publicised_on=D(2024, 1, 8)
    )
    with pytest.raises(services.PlanningError, match="earliest"):
        services.refuse_forum(
            actor=calderdale_officer, forum=forum, reasons="No", decided_on=D(2024, 2, 1)
        )
    services.refuse_forum(
        actor=calderdale_officer,
        forum=forum,
        reasons="Not representative",
        decided_on=D(2024, 3, 1),
    )
    assert [c.status for c in forum.status_changes.all()] == ["received", "publicised", "refused"]


def test_a_constitution_must_say_where_it_can_be_read(leader, forum_org, area):
    with pytest.raises(services.PlanningError) as refused:
        _apply(leader, forum_org, area, constitution_reference="")
    assert refused.value.field == "constitution_reference"
