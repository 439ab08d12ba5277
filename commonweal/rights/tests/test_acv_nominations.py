"""Nominations through the services: who may nominate (ACV-04, ACV-05; ACV-T7 to T12),
the required contents (ACV-06), the land inside the borough, and the decision (ACV-07 to 10)."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from commonweal.rights import services
from commonweal.rights.calendar import BodyKind
from commonweal.rights.calendar.nominators import Nominator, nominator_eligibility
from commonweal.rights.models import CaseStatus, NoticeKind
from commonweal.rights.services.deadlines import case_deadlines
from commonweal.rights.services.eligibility import body_kind_for
from commonweal.rights.services.state import is_expired, listing_end
from commonweal.rights.tests.conftest import CONTENTS, make_organisation, nominate, square

D = dt.date


@pytest.mark.parametrize(
    ("case", "nominator", "eligible"),
    [
        ("ACV-T7", Nominator(BodyKind.UNINCORPORATED_BODY, local_members=20), False),
        ("ACV-T8", Nominator(BodyKind.UNINCORPORATED_BODY, local_members=21), True),
        (
            "ACV-T9",
            Nominator(BodyKind.COMPANY_LIMITED_BY_GUARANTEE, distributes_surplus=True),
            False,
        ),
        ("ACV-T10", Nominator(BodyKind.CHARITY), True),
        ("ACV-T11", Nominator(BodyKind.COMMUNITY_BENEFIT_SOCIETY, is_credit_union=True), False),
        ("ACV-T12", Nominator(BodyKind.LOCAL_AUTHORITY), False),
        ("forum", Nominator(BodyKind.NEIGHBOURHOOD_FORUM), True),
        ("individual", Nominator(BodyKind.INDIVIDUAL), False),
        ("not local", Nominator(BodyKind.CHARITY, local_activities=False), False),
    ],
)
def test_who_may_nominate(case, nominator, eligible):
    result = nominator_eligibility(nominator)
    assert result.eligible is eligible, case
    assert bool(result.reasons) is not eligible


@pytest.mark.django_db
def test_an_incomplete_nomination_is_refused_with_every_missing_item(people, calderdale, group):
    with pytest.raises(services.NominationRefused) as refused:
        services.submit_nomination(
            actor=people["nominator"],
            authority=calderdale,
            nominator=group,
            boundary_geojson="",
            local_members=25,
            name="The Red Lion",
            description="A pub",
        )
    assert set(refused.value.errors) == {
        "boundary",
        "occupiers",
        "owners",
        "reasons",
        "eligibility_evidence",
    }
    assert "reasons for thinking the land is of community value" in refused.value.errors["reasons"]


@pytest.mark.django_db
def test_too_few_local_members_is_refused(people, calderdale, group, pub_boundary):
    with pytest.raises(services.NominationRefused) as refused:
        nominate(people, calderdale, group, pub_boundary, local_members=20)
    assert "at least 21" in refused.value.errors["nominator"]


@pytest.mark.django_db
def test_land_outside_the_borough_is_refused(people, calderdale, trafford, group):
    point = trafford.shape.representative_point()
    with pytest.raises(services.NominationRefused) as refused:
        nominate(people, calderdale, group, square(point.x, point.y))
    assert "inside Calderdale" in refused.value.errors["boundary"]


@pytest.mark.django_db
def test_a_group_from_elsewhere_has_no_local_connection(people, calderdale, pub_boundary):
    from commonweal.places.models import Area, AreaType

    # A borough that does not touch Calderdale (Trafford is beyond Manchester).
    trafford = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000009")
    ward = Area.objects.of_type(AreaType.WARD).in_authority(trafford).order_by("gss_code")[0]
    distant = make_organisation(
        people["nominator"],
        trafford,
        "Trafford Pub Friends",
        kind="community_group",
        ward=ward,
        legal_form="unincorporated",
    )
    with pytest.raises(services.NominationRefused) as refused:
        nominate(people, calderdale, distant, pub_boundary)
    assert "not in this borough or a neighbouring one" in refused.value.errors["nominator"]


@pytest.mark.django_db
def test_only_the_groups_leaders_may_nominate_for_it(people, calderdale, group, pub_boundary):
    with pytest.raises(PermissionDenied):
        services.submit_nomination(
            actor=people["resident"],
            authority=calderdale,
            nominator=group,
            boundary_geojson=pub_boundary,
            local_members=25,
            **CONTENTS,
        )


@pytest.mark.django_db
def test_kinds_of_body_from_the_directory(group, parish, cic):
    assert body_kind_for(group) is BodyKind.UNINCORPORATED_BODY
    assert body_kind_for(parish) is BodyKind.PARISH_COUNCIL
    assert body_kind_for(cic) is BodyKind.COMMUNITY_INTEREST_COMPANY


@pytest.mark.django_db
def test_a_parish_council_nominates_land_in_its_area(people, calderdale, parish, pub_boundary):
    nomination = services.submit_nomination(
        actor=people["parish"],
        authority=calderdale,
        nominator=parish,
        boundary_geojson=pub_boundary,
        **CONTENTS,
    )
    assert "in the area" in nomination.local_connection


@pytest.mark.django_db
def test_acv_t13_decision_target_and_the_overdue_alert(people, calderdale, group, pub_boundary):
    nomination = nominate(people, calderdale, group, pub_boundary, received_on=D(2024, 6, 10))
    (due,) = [d for d in case_deadlines(nomination) if d.rule == "ACV-07"]
    assert (due.due, due.alternative) == (D(2024, 8, 4), D(2024, 8, 5))
    assert due.council_duty and due.state(D(2024, 8, 5)) == "overdue"
    assert due.state(D(2024, 8, 4)) == "upcoming"


@pytest.mark.django_db
def test_refusal_goes_on_the_unsuccessful_list_with_reasons(people, nomination):
    refused = services.decide(
        actor=people["officer"],
        nomination=nomination,
        listed=False,
        reasons="Its use is ancillary.",
        decided_on=D(2024, 3, 1),
    )
    assert refused.status == CaseStatus.NOT_LISTED
    notice = refused.notices.get(kind=NoticeKind.NOT_LISTED, recipient="nominator")
    assert any("Its use is ancillary." in p for p in notice.paragraphs)
    (end,) = [d for d in case_deadlines(refused) if d.rule == "ACV-09"]
    assert end.due == D(2029, 2, 28)


@pytest.mark.django_db
def test_listing_needs_a_finding_and_reasons(people, nomination):
    with pytest.raises(services.RightsError, match="community value test"):
        services.decide(actor=people["officer"], nomination=nomination, listed=True, reasons="x")


@pytest.mark.parametrize(
    ("entry", "rule_c", "rule_b"),
    [
        (D(2024, 5, 15), D(2029, 5, 14), D(2029, 5, 14)),  # ACV-T1
        (D(2024, 3, 4), D(2029, 3, 3), D(2029, 3, 3)),  # ACV-T2
        (D(2024, 2, 29), D(2029, 2, 28), D(2029, 2, 27)),  # ACV-T3
    ],
)
@pytest.mark.django_db
def test_listing_lasts_five_years_and_then_expires(people, nomination, entry, rule_c, rule_b):
    nomination.received_on = entry - dt.timedelta(days=1)
    nomination.save()
    listed = services.decide(
        actor=people["officer"],
        nomination=nomination,
        listed=True,
        reasons="A pub.",
        current_use_finding="In use.",
        decided_on=entry,
    )
    end = listing_end(listed)
    assert (end.rule_c, end.rule_b) == (rule_c, rule_b)
    assert not is_expired(listed, rule_c)
    assert is_expired(listed, rule_c + dt.timedelta(days=1))


@pytest.mark.django_db
def test_acv_t4_no_moratorium_once_the_listing_has_expired(people, listed):
    with pytest.raises(services.RightsError, match="not listed"):
        services.record_disposal_notice(
            actor=people["officer"], nomination=listed, received_on=D(2024, 3, 1)
        )


@pytest.mark.django_db
def test_owner_occupier_and_parish_are_told_while_it_is_considered(nomination):
    told = set(
        nomination.notices.filter(kind=NoticeKind.CONSIDERING).values_list("recipient", flat=True)
    )
    assert told == {"owner", "occupier", "parish"}
