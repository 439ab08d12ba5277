"""Coverage on real Calderdale places: which active community-led groups serve each
small area, the two headline shares, the page, its map and table, and the CSV."""

import csv
import io
from fractions import Fraction

import pytest
from django.db.models import Sum
from django.urls import reverse

from commonweal.core.testing import assert_valid_html as assert_valid
from commonweal.directory import services
from commonweal.directory.models import Organisation
from commonweal.directory.tests.conftest import PERSONAS, a_ward, make_group
from commonweal.directory.tests.network_support import (  # noqa: F401 (a fixture)
    organisation_route,
)
from commonweal.places.models import Area, AreaType

pytestmark = pytest.mark.django_db


def lsoas(authority, ward=None):
    found = Area.objects.of_type(AreaType.LSOA21).in_authority(authority)
    return found.filter(parents=ward) if ward is not None else found


def adults(areas) -> int:
    return areas.aggregate(total=Sum("population_adults"))["total"]


@pytest.fixture
def deaf_club(calderdale, other_leader):
    """A community-led interest group serving the whole borough."""
    club = services.register_organisation(
        actor=other_leader,
        authority=calderdale,
        name="Calderdale Deaf Club",
        kind="community_group",
        members_count=60,
        active_volunteers=8,
        paid_staff_fte="0",
        contract_income_share="0",
    )
    services.set_benefit(actor=other_leader, organisation=club, borough_wide=True)
    services.verify_organisation(actor=None, organisation=club)
    return Organisation.records.get(pk=club.pk)


@pytest.fixture
def provider(calderdale, other_leader):
    """A social enterprise mainly paid by contracts: a provider, not counted."""
    return make_group(
        other_leader,
        calderdale,
        name="Calder Care Services",
        ward_index=1,
        kind="social_enterprise",
        members_count=3,
        active_volunteers=1,
        paid_staff_fte="14",
        contract_income_share="0.9",
    )


@pytest.fixture
def unverified(calderdale, resident):
    """A community group an officer has not checked yet: not counted."""
    organisation = services.register_organisation(
        actor=resident,
        authority=calderdale,
        name="Warley Road Litter Pickers",
        kind="community_group",
        members_count=9,
        active_volunteers=9,
        paid_staff_fte="0",
        contract_income_share="0",
    )
    services.set_benefit(
        actor=resident, organisation=organisation, area_codes=[a_ward(calderdale, 2).gss_code]
    )
    return organisation


@pytest.fixture
def withdrawn(calderdale, other_leader):
    organisation = make_group(other_leader, calderdale, name="Old Mill Residents", ward_index=3)
    services.withdraw_organisation(actor=None, organisation=organisation, reason="Closed down")
    return organisation


# The service ---------------------------------------------------------------------------


def test_only_active_community_led_local_groups_count_towards_the_measure(
    calderdale, group, provider, unverified, withdrawn
):
    assert group.is_community_led and not provider.is_community_led
    figures = services.authority_coverage(calderdale)
    ward = a_ward(calderdale, 0)
    assert figures.local.adults_served == adults(lsoas(calderdale, ward))
    assert figures.local.adults_total == adults(lsoas(calderdale))
    assert figures.local.areas_total == lsoas(calderdale).count() == 129
    assert figures.local.areas_served == lsoas(calderdale, ward).count()
    assert figures.local.share == Fraction(
        adults(lsoas(calderdale, ward)), adults(lsoas(calderdale))
    )
    # No borough-wide group yet: both figures agree.
    assert figures.including_borough_wide == figures.local
    served = {row.area.gss_code for row in figures.lsoas if row.groups}
    assert served == set(lsoas(calderdale, ward).values_list("gss_code", flat=True))
    names = {g.name for row in figures.lsoas for g in row.groups}
    assert names == {group.name}


def test_borough_wide_groups_count_only_in_the_second_figure(calderdale, group, deaf_club):
    figures = services.authority_coverage(calderdale)
    ward = a_ward(calderdale, 0)
    assert figures.local.adults_served == adults(lsoas(calderdale, ward))
    assert figures.including_borough_wide.adults_served == adults(lsoas(calderdale))
    assert figures.including_borough_wide.share == 1
    assert [g.name for g in figures.borough_wide_groups] == ["Calderdale Deaf Club"]
    assert [g.name for g in figures.local_groups] == [group.name]
    row = next(r for r in figures.lsoas if r.ward and r.ward.pk == ward.pk)
    assert [g.name for g in row.local_groups] == [group.name]
    assert [g.name for g in row.borough_wide_groups] == ["Calderdale Deaf Club"]


def test_a_group_naming_the_borough_as_its_area_is_not_a_local_group(calderdale, leader):
    organisation = services.register_organisation(
        actor=leader,
        authority=calderdale,
        name="Calderdale Chinese Association",
        kind="community_group",
        members_count=30,
        active_volunteers=5,
        paid_staff_fte="0",
        contract_income_share="0",
    )
    services.set_benefit(actor=leader, organisation=organisation, area_codes=[calderdale.gss_code])
    services.verify_organisation(actor=None, organisation=organisation)
    figures = services.authority_coverage(calderdale)
    assert figures.local.adults_served == 0
    assert figures.including_borough_wide.adults_served == adults(lsoas(calderdale))


def test_each_ward_has_its_own_figures(calderdale, group, other_group, deaf_club):
    ward0, ward1, ward2 = (a_ward(calderdale, i) for i in range(3))
    figures = services.authority_coverage(calderdale)
    wards = {w.ward.gss_code: w for w in figures.wards}
    assert len(wards) == Area.objects.of_type(AreaType.WARD).in_authority(calderdale).count()
    for ward, served_by in ((ward0, group), (ward1, other_group)):
        row = wards[ward.gss_code]
        assert row.local.adults_served == row.local.adults_total == adults(lsoas(calderdale, ward))
        assert row.local.share == 1
        assert [g.name for g in row.local_groups] == [served_by.name]
    untouched = wards[ward2.gss_code]
    assert untouched.local.adults_served == 0
    assert untouched.local.adults_total == adults(lsoas(calderdale, ward2))
    assert untouched.including_borough_wide.share == 1
    assert services.ward_coverage(ward2) == untouched
    # The ward figures add up to the borough's.
    assert sum(w.local.adults_served for w in figures.wards) == figures.local.adults_served


def test_for_any_area_the_groups_that_serve_it(
    calderdale, group, other_group, deaf_club, provider, unverified
):
    ward0, ward1, ward2 = (a_ward(calderdale, i) for i in range(3))
    lsoa = lsoas(calderdale, ward0).order_by("gss_code").first()
    assert list(services.groups_serving(lsoa)) == [deaf_club, group]
    assert list(services.groups_serving(ward0)) == [deaf_club, group]
    assert list(services.groups_serving(ward2)) == [deaf_club]
    assert list(services.groups_serving(calderdale)) == [deaf_club, other_group, group]
    # Providers serve places too, when asked for every listed group; unverified never.
    everyone = services.groups_serving(ward1, community_led=False)
    assert list(everyone) == [provider, deaf_club, other_group]
    assert unverified not in services.groups_serving(ward2, community_led=False)


def test_a_borough_with_no_groups_has_nought_per_cent(trafford):
    figures = services.authority_coverage(trafford)
    assert figures.local.adults_served == figures.including_borough_wide.adults_served == 0
    assert figures.local.adults_total == adults(lsoas(trafford))
    assert figures.local.percentage == "0.0%"


# The page and the CSV ------------------------------------------------------------------


def coverage_url(authority, **extra) -> str:
    query = "&".join(f"{k}={v}" for k, v in {"borough": authority.gss_code, **extra}.items())
    return f"{reverse('directory:coverage')}?{query}"


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", ["coverage", "coverage_csv"])
def test_every_persona_may_see_the_coverage(as_persona, calderdale, persona, name):
    client = as_persona(persona)
    response = client.get(reverse(f"directory:{name}"), {"borough": calderdale.gss_code})
    assert response.status_code == 200


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", ["coverage", "coverage_csv"])
def test_the_coverage_pages_take_no_posts(as_persona, calderdale, persona, name):
    client = as_persona(persona)
    response = client.post(reverse(f"directory:{name}") + f"?borough={calderdale.gss_code}")
    assert response.status_code == 405


def test_the_page_gives_both_figures_the_map_and_the_tables(client, calderdale, group, deaf_club):
    ward = a_ward(calderdale, 0)
    figures = services.authority_coverage(calderdale)
    response = client.get(coverage_url(calderdale))
    assert response.status_code == 200
    html = response.content.decode()
    assert figures.local.percentage in html and figures.local.percentage != "100.0%"
    assert "100.0%" in html
    assert "(a) Local groups" in html and "(b) Borough-wide groups counted too" in html
    assert html.count("<svg") >= 1 and 'class="cw-map cw-map--coverage"' in html
    # Every small area is drawn and has a row; the served ones name and link the group.
    assert html.count('class="cw-map__link"') == 129
    assert html.count('<tr class="govuk-table__row">') >= 129 + 1
    group_href = reverse("directory:organisation", args=[group.slug])
    assert html.count(f'href="{group_href}"') >= lsoas(calderdale, ward).count()
    assert ward.name in html
    assert "Key: groups serving the small area" in html
    assert "Calderdale Deaf Club" in html
    assert_valid(response, "coverage")


def test_the_map_can_count_borough_wide_groups_too(client, calderdale, deaf_club):
    local = client.get(coverage_url(calderdale)).content.decode()
    including = client.get(coverage_url(calderdale, include="borough-wide")).content.decode()
    assert "no groups serve it" in local and "no groups serve it" not in including
    assert "1 group serves it" in including
    assert "Show only groups with a defined local area" in including


def test_with_two_boroughs_held_the_page_asks_which(client, calderdale, trafford):
    response = client.get(reverse("directory:coverage"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"?borough={calderdale.gss_code}" in html and f"?borough={trafford.gss_code}" in html
    assert_valid(response, "coverage chooser")


@pytest.mark.parametrize("code", ["E08999999", "<script>", "E92000001"])
def test_an_unknown_borough_is_not_found(client, calderdale, code):
    assert client.get(reverse("directory:coverage"), {"borough": code}).status_code == 404
    assert client.get(reverse("directory:coverage_csv"), {"borough": code}).status_code == 404


def test_a_ward_code_is_not_a_borough(client, calderdale):
    ward = a_ward(calderdale)
    assert client.get(reverse("directory:coverage"), {"borough": ward.gss_code}).status_code == 404


def test_the_csv_has_every_small_area_with_its_groups(client, calderdale, group, deaf_club):
    response = client.get(reverse("directory:coverage_csv"), {"borough": calderdale.gss_code})
    assert response["Content-Type"].startswith("text/csv")
    assert "coverage-E08000033.csv" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 129
    by_code = {row["lsoa21_code"]: row for row in rows}
    held = {a.gss_code: a for a in lsoas(calderdale)}
    assert set(by_code) == set(held)
    ward = a_ward(calderdale, 0)
    in_ward = set(lsoas(calderdale, ward).values_list("gss_code", flat=True))
    for code, row in by_code.items():
        assert row["adults"] == str(held[code].population_adults)
        assert row["all_groups"] == str(1 + (code in in_ward))
        assert row["borough_wide_group_names"] == "Calderdale Deaf Club"
        if code in in_ward:
            assert (row["local_groups"], row["local_group_names"]) == ("1", group.name)
            assert row["ward_code"] == ward.gss_code
        else:
            assert (row["local_groups"], row["local_group_names"]) == ("0", "")
    assert sum(int(r["adults"]) for r in rows) == adults(lsoas(calderdale))
