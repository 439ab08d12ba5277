"""The directory's services on real Calderdale places: what they save, refuse and audit."""

import json

import pytest
from django.core.exceptions import PermissionDenied

from commonweal.core.models import AuditEvent
from commonweal.directory import services
from commonweal.directory.models import GroupRole, LeaderContact, Membership, Organisation
from commonweal.directory.tests.conftest import a_ward, make_group
from commonweal.places.models import Area, AreaType

pytestmark = pytest.mark.django_db


def test_a_new_organisation_is_unverified_hidden_and_led_by_its_creator(calderdale, resident):
    organisation = services.register_organisation(
        actor=resident,
        authority=calderdale,
        name="  Sowerby   Bridge Sewing Circle ",
        kind="community_group",
        charity_number="1 234 567",
        postcode="hx11aa",
    )
    assert organisation.name == "Sowerby Bridge Sewing Circle"
    assert organisation.status == "unverified"
    assert organisation.charity_number == "1234567"
    assert organisation.org_ids() == ["GB-CHC-1234567"]
    assert not Organisation.public.filter(pk=organisation.pk).exists()
    assert Organisation.records.filter(pk=organisation.pk).exists()
    membership = Membership.objects.get(organisation=organisation)
    assert (membership.user, membership.role) == (resident, GroupRole.LEADER)
    assert AuditEvent.objects.filter(action="directory.organisation_registered").count() == 1


def test_bad_details_are_all_reported_and_nothing_is_saved(calderdale, resident):
    before = Organisation.records.count()
    with pytest.raises(services.DirectoryInvalid) as caught:
        services.register_organisation(
            actor=resident,
            authority=calderdale,
            name=" ",
            kind="club",
            company_number="ABC",
            contract_income_share="1.5",
            postcode="M32 0AA",
        )
    errors = caught.value.errors
    assert set(errors) == {"name", "kind", "company_number", "contract_income_share", "postcode"}
    assert "not a company number" in errors["company_number"]
    assert Organisation.records.count() == before


def test_a_neighbourhood_group_needs_a_defined_area(calderdale, leader):
    organisation = services.register_organisation(
        actor=leader,
        authority=calderdale,
        name="Claremount Residents",
        kind="residents_association",
    )
    with pytest.raises(services.DirectoryError, match="must have a defined area"):
        services.set_benefit(actor=leader, organisation=organisation)
    with pytest.raises(services.DirectoryError, match="not the whole borough"):
        services.set_benefit(actor=leader, organisation=organisation, borough_wide=True)
    trafford_ward = Area.objects.of_type(AreaType.WARD).in_authority("E08000009").first()
    with pytest.raises(services.DirectoryError, match="not in Calderdale"):
        services.set_benefit(
            actor=leader, organisation=organisation, area_codes=[trafford_ward.gss_code]
        )
    ward = a_ward(calderdale)
    services.set_benefit(actor=leader, organisation=organisation, area_codes=[ward.gss_code])
    served = set(organisation.served_lsoas.values_list("gss_code", flat=True))
    in_ward = set(
        Area.objects.of_type(AreaType.LSOA21)
        .filter(parents=ward)
        .values_list("gss_code", flat=True)
    )
    assert served == in_ward and served


def test_a_drawn_boundary_outside_the_borough_is_refused(calderdale, leader):
    organisation = services.register_organisation(
        actor=leader, authority=calderdale, name="Moor End", kind="neighbourhood_group"
    )
    square = {
        "type": "Polygon",
        "coordinates": [[[-2.4, 53.4], [-2.3, 53.4], [-2.3, 53.5], [-2.4, 53.5], [-2.4, 53.4]]],
    }
    with pytest.raises(services.DirectoryError, match="inside Calderdale"):
        services.set_benefit(
            actor=leader, organisation=organisation, boundary_geojson=json.dumps(square)
        )


def test_interest_groups_may_serve_the_whole_borough_with_tags(calderdale, leader):
    organisation = services.register_organisation(
        actor=leader, authority=calderdale, name="Calderdale Deaf Club", kind="community_group"
    )
    services.set_benefit(actor=leader, organisation=organisation, borough_wide=True)
    services.set_interest_tags(
        actor=leader, organisation=organisation, slugs=["disability", "community-languages"]
    )
    lsoas = Area.objects.of_type(AreaType.LSOA21).in_authority(calderdale).count()
    assert organisation.served_lsoas.count() == lsoas == 129
    assert set(organisation.interest_tags.values_list("slug", flat=True)) == {
        "disability",
        "community-languages",
    }
    with pytest.raises(services.DirectoryError, match="not communities of interest"):
        services.set_interest_tags(actor=leader, organisation=organisation, slugs=["astrology"])


def test_leaders_edit_their_own_group_and_nobody_elses(group, other_group, leader, resident):
    services.update_organisation(actor=leader, organisation=group, description="We meet monthly.")
    with pytest.raises(PermissionDenied):
        services.update_organisation(actor=leader, organisation=other_group, description="x")
    with pytest.raises(PermissionDenied):
        services.update_organisation(actor=resident, organisation=group, description="x")


def test_joining_and_leaving(group, resident):
    services.join(actor=resident, organisation=group)
    assert services.member_count(group) == 2
    with pytest.raises(services.DirectoryError, match="already a member"):
        services.join(actor=resident, organisation=group)
    services.leave(actor=resident, organisation=group)
    assert services.member_count(group) == 1
    assert Membership.objects.filter(user=resident, left_at__isnull=False).count() == 1


def test_nobody_joins_an_unverified_group(calderdale, leader, resident):
    organisation = services.register_organisation(
        actor=leader, authority=calderdale, name="Brand new", kind="community_group"
    )
    with pytest.raises(PermissionDenied):
        services.join(actor=resident, organisation=organisation)


def test_leader_contact_needs_consent_and_goes_with_the_leadership(group, leader, member):
    assert services.published_leader(group) is None
    with pytest.raises(services.DirectoryInvalid) as caught:
        services.give_consent(
            actor=leader, organisation=group, public_name="Lena", public_email="", agreed=False
        )
    assert set(caught.value.errors) == {"agreed", "public_email"}
    services.give_consent(
        actor=leader,
        organisation=group,
        public_name="Lena Leader",
        public_email="lena@example.org",
        agreed=True,
    )
    assert services.published_leader(group).public_email == "lena@example.org"
    with pytest.raises(PermissionDenied):
        services.give_consent(
            actor=member, organisation=group, public_name="Mo", public_email="m@x.org", agreed=True
        )
    # A new leader: the old one's details stop being published, and are erased.
    membership = Membership.objects.get(organisation=group, user=member)
    services.set_role(actor=leader, membership=membership, role=GroupRole.LEADER)
    assert services.published_leader(group) is None
    assert not LeaderContact.objects.filter(public_email="lena@example.org").exists()


def test_withdrawing_consent_erases_the_details(group, leader):
    services.give_consent(
        actor=leader,
        organisation=group,
        public_name="Lena",
        public_phone="01422 123456",
        agreed=True,
    )
    services.withdraw_consent(actor=leader, organisation=group)
    contact = LeaderContact.objects.get(organisation=group)
    assert contact.withdrawn_at is not None
    assert (contact.public_name, contact.public_email, contact.public_phone) == ("", "", "")
    assert services.published_leader(group) is None


def test_a_new_code_version_asks_groups_to_accept_again(group, leader, administrator):
    assert services.conduct_status(group).accepted is None
    services.accept_code(actor=leader, organisation=group)
    assert services.conduct_status(group).is_current
    code = services.publish_code(
        actor=administrator,
        title="Code of conduct for community groups",
        text="Groups agree to be open, fair and safe for everyone they serve, always. " * 2,
        summary_of_changes="Safeguarding made clearer.",
    )
    status = services.conduct_status(group)
    assert not status.is_current and "asked to accept version 2" in status.label
    services.accept_code(actor=leader, organisation=group)
    assert services.conduct_status(group).accepted.code == code


def test_verification_and_withdrawal_are_append_only(group, calderdale_officer, trafford_officer):
    with pytest.raises(PermissionDenied):
        services.withdraw_organisation(actor=trafford_officer, organisation=group, reason="x")
    services.withdraw_organisation(
        actor=calderdale_officer, organisation=group, reason="Stopped meeting"
    )
    assert not Organisation.public.filter(pk=group.pk).exists()
    assert [c.status for c in group.status_changes.all()] == ["unverified", "verified", "withdrawn"]


def test_links_and_consortia(group, other_group, leader):
    row = services.link(actor=leader, source=group, target=other_group, kind="partnership")
    with pytest.raises(services.DirectoryError, match="already linked"):
        services.link(actor=None, source=other_group, target=group, kind="partnership")
    with pytest.raises(PermissionDenied):
        services.link(actor=leader, source=other_group, target=group, kind="umbrella")
    consortium = services.create_consortium(
        actor=leader, lead=group, name="Calder Valley Together", members=[other_group]
    )
    assert {o.pk for o in services.current_members(consortium)} == {group.pk, other_group.pk}
    services.end_link(actor=leader, link_row=row)
    row.refresh_from_db()
    assert row.ended_at is not None


def test_make_group_fixture_is_community_led(calderdale, leader):
    organisation = make_group(leader, calderdale, name="Fixture check")
    assert organisation.is_community_led and organisation.is_listed


def test_details_too_large_for_their_columns_are_refused(calderdale, resident):
    with pytest.raises(services.DirectoryInvalid) as caught:
        services.register_organisation(
            actor=resident,
            authority=calderdale,
            name="Big numbers",
            kind="charity",
            phone="0" * 31,
            annual_income="1e15",
            paid_staff_fte="12345678",
            members_count="9999999999",
        )
    assert set(caught.value.errors) == {"phone", "annual_income", "paid_staff_fte", "members_count"}
    assert "30 characters or fewer" in caught.value.errors["phone"]
