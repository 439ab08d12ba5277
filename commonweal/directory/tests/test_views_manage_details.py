"""Registering a group and editing its details, areas of benefit and interests: what is
saved, and what a person is told when something is wrong (with nothing saved)."""

from decimal import Decimal

import pytest

from commonweal.core.models import AuditEvent
from commonweal.directory import services
from commonweal.directory.models import GroupRole, InterestTag, Membership, Organisation
from commonweal.directory.tests.conftest import a_ward
from commonweal.directory.tests.manage_support import HALIFAX, LONDON, errors_of, square, url
from commonweal.places.models import Area, AreaType

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Sowerby Bridge Sewing Circle",
    "kind": "community_group",
    "authority": "E08000033",
    "legal_form": "unincorporated",
    "charity_number": "1 234 567",
    "description": "We sew, we chat.",
    "website": "sewing.example.org",
    "email": "hello@sewing.example.org",
    "phone": "01422 123456",
    "postcode": "hx1 1aa",
    "members_count": "30",
    "active_volunteers": "8",
    "paid_staff_fte": "0.5",
    "annual_income": "£4,500",
    "contract_income_percent": "25",
    "figures_year": "2025",
}


def test_registering_saves_the_details_unverified_and_goes_to_the_areas(client, resident):
    client.force_login(resident)
    response = client.post(url("organisation_new"), GOOD)
    organisation = Organisation.records.get(name=GOOD["name"])
    assert response.status_code == 302
    assert response["Location"] == url("organisation_areas", organisation.slug) + "?setup=1"
    assert organisation.status == "unverified"
    assert organisation.authority.gss_code == "E08000033"
    assert organisation.charity_number == "1234567"
    assert organisation.website == "https://sewing.example.org"
    assert organisation.postcode == "HX1 1AA"
    assert organisation.contract_income_share == Decimal("0.250")
    assert organisation.paid_staff_fte == Decimal("0.5")
    assert organisation.annual_income == Decimal("4500")
    assert (organisation.members_count, organisation.active_volunteers) == (30, 8)
    assert organisation.figures_year == 2025
    assert organisation.computed_classification == "community_led"
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.role) == (resident, GroupRole.LEADER)
    page = client.get(response["Location"])
    assert "waiting for an officer to check" in page.content.decode()


def test_the_register_page_says_the_entry_is_unverified_and_explains_the_kinds(client, resident):
    client.force_login(resident)
    page = client.get(url("organisation_new")).content.decode()
    assert "unverified until an officer of the council checks it" in page
    assert "Always a service provider" in page  # the hint under "Business"
    assert "community-led" in page
    assert "Calderdale" in page and "Trafford" in page


def test_the_borough_is_found_from_the_postcode_when_not_chosen(client, resident):
    client.force_login(resident)
    response = client.post(
        url("organisation_new"),
        {"name": "Stretford Tenants", "kind": "tenants_association", "postcode": "M32 0AA"},
    )
    assert response.status_code == 302
    organisation = Organisation.records.get(name="Stretford Tenants")
    assert organisation.authority.gss_code == "E08000009"


def test_no_borough_and_no_postcode_is_refused(client, resident):
    client.force_login(resident)
    response = client.post(url("organisation_new"), {"name": "Nowhere", "kind": "charity"})
    assert response.status_code == 400
    assert "Choose the borough it is in, or give the postcode where it meets." in errors_of(
        response
    )
    assert not Organisation.records.filter(name="Nowhere").exists()


def test_every_problem_is_shown_against_its_field_and_nothing_is_saved(client, resident):
    client.force_login(resident)
    before = Organisation.records.count()
    response = client.post(
        url("organisation_new"),
        {
            **GOOD,
            "name": " ",
            "company_number": "ABC",
            "contract_income_percent": "150",
            "postcode": "M32 0AA",
            "figures_year": "1066",
            "email": "not an email",
        },
    )
    assert response.status_code == 400
    errors = errors_of(response)
    assert "Enter the organisation's name." in errors
    assert any("not a company number" in error for error in errors)
    assert "Enter the share of income from contracts as a percentage from 0 to 100." in errors
    assert "M32 0AA is not in Calderdale." in errors
    assert "Enter a year, for example 2026." in errors
    assert "Enter an email address like name@example.org." in errors
    assert Organisation.records.count() == before
    page = response.content.decode()
    assert 'id="id_company_number-error"' in page  # the reason is shown by its field
    assert 'value="ABC"' in page  # and what was typed is kept


def test_a_bad_charity_number_is_refused(client, resident):
    client.force_login(resident)
    response = client.post(url("organisation_new"), {**GOOD, "charity_number": "12"})
    assert response.status_code == 400
    assert 'id="id_charity_number-error"' in response.content.decode()
    assert not Organisation.records.filter(name=GOOD["name"]).exists()


def test_editing_saves_and_shows_the_classification_and_its_reason(client, group, leader):
    client.force_login(leader)
    data = {
        "name": "Park Road Residents' Association",
        "kind": "residents_association",
        "legal_form": "unincorporated",
        "active_volunteers": "2",
        "paid_staff_fte": "4",
        "contract_income_percent": "10",
    }
    response = client.post(url("organisation_edit", group.slug), data, follow=True)
    assert response.status_code == 200
    group.refresh_from_db()
    assert group.name == "Park Road Residents' Association"
    assert group.paid_staff_fte == Decimal("4")
    assert group.contract_income_share == Decimal("0.1")
    assert group.computed_classification == "provider"
    page = response.content.decode()
    assert "classified as service provider" in page
    assert "run mainly by paid staff" in page
    assert AuditEvent.objects.filter(action="directory.organisation_updated").exists()


def test_the_edit_form_shows_the_saved_percentage(client, group, leader):
    services.update_organisation(
        actor=leader, organisation=group, contract_income_share=Decimal("0.125")
    )
    client.force_login(leader)
    page = client.get(url("organisation_edit", group.slug)).content.decode()
    assert 'name="contract_income_percent" type="text" value="12.5"' in page


def test_bad_edits_are_refused_and_nothing_changes(client, group, leader):
    client.force_login(leader)
    response = client.post(
        url("organisation_edit", group.slug),
        {"name": "Renamed", "kind": "club", "paid_staff_fte": "lots"},
    )
    assert response.status_code == 400
    errors = errors_of(response)
    assert "Choose what kind of organisation it is." in errors
    assert "Enter a number." in errors
    group.refresh_from_db()
    assert group.name == "Park Road Residents"


# Areas of benefit -----------------------------------------------------------------------


def test_choosing_wards_and_small_areas(client, group, leader, calderdale):
    client.force_login(leader)
    ward = a_ward(calderdale, 2)
    lsoa = Area.objects.of_type(AreaType.LSOA21).in_authority(calderdale).order_by("gss_code")[0]
    response = client.post(
        url("organisation_areas", group.slug), {"area_codes": [ward.gss_code, lsoa.gss_code]}
    )
    assert response.status_code == 302
    assert set(group.benefit_areas.values_list("gss_code", flat=True)) == {
        ward.gss_code,
        lsoa.gss_code,
    }
    assert group.served_lsoas.filter(pk=lsoa.pk).exists()


def test_the_areas_page_offers_the_boroughs_wards_and_small_areas(client, group, leader):
    client.force_login(leader)
    page = client.get(url("organisation_areas", group.slug)).content.decode()
    ward = group.benefit_areas.get()
    box = f'id="ward-{ward.gss_code}" name="area_codes" type="checkbox"'
    assert f'{box} value="{ward.gss_code}" checked' in page
    assert "Small areas (LSOAs), grouped by ward" in page
    assert 'name="boundary_file"' in page and 'name="boundary_text"' in page


def test_a_neighbourhood_group_cannot_serve_the_whole_borough(client, group, leader):
    client.force_login(leader)
    response = client.post(url("organisation_areas", group.slug), {"borough_wide": "on"})
    assert response.status_code == 400
    assert any("not the whole borough" in error for error in errors_of(response))
    group.refresh_from_db()
    assert not group.borough_wide and group.benefit_areas.count() == 1


def test_a_neighbourhood_group_must_choose_an_area(client, group, leader):
    client.force_login(leader)
    response = client.post(url("organisation_areas", group.slug), {})
    assert response.status_code == 400
    assert any("must have a defined area" in error for error in errors_of(response))
    assert group.benefit_areas.count() == 1


def test_areas_of_another_borough_are_refused(client, group, leader, trafford):
    client.force_login(leader)
    ward = a_ward(trafford)
    response = client.post(url("organisation_areas", group.slug), {"area_codes": [ward.gss_code]})
    assert response.status_code == 400
    assert "Choose areas in this borough only." in errors_of(response)


def test_a_pasted_boundary_inside_the_borough(client, group, leader):
    client.force_login(leader)
    response = client.post(
        url("organisation_areas", group.slug), {"boundary_text": square(HALIFAX, 0.01)}
    )
    assert response.status_code == 302
    group = Organisation.records.get(pk=group.pk)
    assert group.benefit_shape is not None
    assert group.benefit_areas.count() == 0


def test_an_uploaded_boundary_outside_the_borough_is_refused(client, group, leader):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(leader)
    upload = SimpleUploadedFile("area.geojson", square(LONDON).encode(), "application/geo+json")
    response = client.post(url("organisation_areas", group.slug), {"boundary_file": upload})
    assert response.status_code == 400
    assert any("must lie inside Calderdale" in error for error in errors_of(response))
    assert 'id="boundary-file-error"' in response.content.decode()
    assert Organisation.records.get(pk=group.pk).benefit_geometry is None


def test_a_boundary_that_is_not_geojson_is_refused(client, group, leader):
    client.force_login(leader)
    response = client.post(url("organisation_areas", group.slug), {"boundary_text": "{nope"})
    assert response.status_code == 400
    assert errors_of(response)


def test_an_interest_group_may_serve_the_whole_borough(client, calderdale, resident):
    organisation = services.register_organisation(
        actor=resident, authority=calderdale, name="Calderdale Deaf Club", kind="community_group"
    )
    client.force_login(resident)
    response = client.post(
        url("organisation_areas", organisation.slug) + "?setup=1", {"borough_wide": "on"}
    )
    assert response.status_code == 302
    assert response["Location"] == url("organisation_interests", organisation.slug) + "?setup=1"
    organisation.refresh_from_db()
    assert organisation.borough_wide
    assert organisation.served_lsoas.count() == (
        Area.objects.of_type(AreaType.LSOA21).in_authority(calderdale).count()
    )


# Interests ------------------------------------------------------------------------------


def test_choosing_communities_of_interest(client, group, leader):
    tags = list(InterestTag.objects.current().order_by("slug")[:2])
    client.force_login(leader)
    response = client.post(
        url("organisation_interests", group.slug), {"tags": [tag.slug for tag in tags]}
    )
    assert response.status_code == 302
    assert set(group.interest_tags.all()) == set(tags)
    page = client.get(url("organisation_interests", group.slug)).content.decode()
    assert f'value="{tags[0].slug}" checked' in page


def test_a_retired_or_unknown_interest_is_refused(client, group, leader):
    tag = InterestTag.objects.current().first()
    services.retire_tag(actor=None, tag=tag)
    client.force_login(leader)
    response = client.post(url("organisation_interests", group.slug), {"tags": [tag.slug]})
    assert response.status_code == 400
    assert "Choose communities of interest from the list." in errors_of(response)
    assert group.interest_tags.count() == 0
