"""Reading, registering, editing and verifying organisations through the API, on real
Calderdale places: what is shown, what is saved, and what is refused (with the reason)."""

import json

import pytest
from shapely.geometry import mapping

from commonweal.core.models import AuditEvent
from commonweal.directory import services
from commonweal.directory.models import Activity, Organisation
from commonweal.directory.tests.conftest import a_ward

pytestmark = pytest.mark.django_db

BASE = "/api/v1/directory/organisations"
# A drawn boundary well outside Calderdale.
MANCHESTER_TRIANGLE = {
    "type": "Polygon",
    "coordinates": [[[-2.4, 53.4], [-2.3, 53.4], [-2.3, 53.5], [-2.4, 53.4]]],
}


def send(client, method: str, url: str, body) -> object:
    data = body if isinstance(body, str) else json.dumps(body)
    return getattr(client, method)(url, data, content_type="application/json")


def assert_refused(response, code: str, fields: dict[str, str]) -> dict:
    """A 422 in the one error shape, with a detail for each field naming the reason."""
    assert response.status_code == 422, response.content
    error = response.json()["error"]
    assert error["code"] == code and error["message"]
    found = {detail["location"]: detail["message"] for detail in error["details"]}
    for location, words in fields.items():
        assert location in found, found
        assert words in found[location], found[location]
    return error


def registration(**extra) -> dict:
    return {
        "authority": "E08000033",
        "name": "Sowerby Bridge Sewing Circle",
        "kind": "community_group",
        **extra,
    }


# --- the detail -----------------------------------------------------------------------------


def test_the_detail_shows_everything_public(client, group, other_group, leader):
    services.update_organisation(
        actor=leader,
        organisation=group,
        charity_number="1 234 567",
        company_number="1234567",
        website="park-road.example.org",
        postcode="HX1 1AA",
        annual_income="12000",
        figures_year=2025,
    )
    services.set_interest_tags(actor=leader, organisation=group, slugs=["older-people"])
    services.accept_code(actor=leader, organisation=group)
    services.link(actor=leader, source=group, target=other_group, kind="partnership")
    Activity.objects.create(organisation=group, name="Litter pick", schedule="Saturdays 10am")

    body = client.get(f"{BASE}/{group.slug}").json()

    assert body["id"] == group.slug and body["name"] == "Park Road Residents"
    assert body["kind"] == "residents_association"
    assert body["kind_label"] == "Residents' association"
    assert body["authority"] == {"code": "E08000033", "name": "Calderdale", "type": "lad"}
    assert body["status"] == "verified" and body["is_sample"] is False
    assert body["registration"]["org_ids"] == ["GB-CHC-1234567", "GB-COH-01234567"]
    assert body["contact"]["website"] == "https://park-road.example.org"
    assert body["contact"]["postcode"] == "HX1 1AA" and body["contact"]["point"]["lat"] > 53
    ward = a_ward(group.authority)
    assert body["benefit"]["areas"] == [{"code": ward.gss_code, "name": ward.name, "type": "ward"}]
    assert body["benefit"]["borough_wide"] is False and body["benefit"]["small_areas_served"] > 0
    assert body["interest_tags"] == [{"slug": "older-people", "name": "Older people"}]
    assert body["workforce"]["members_count"] == 40
    assert body["workforce"]["annual_income"] == 12000.0
    assert body["classification"]["value"] == "community_led"
    assert body["classification"]["reason"] and body["classification"]["override"] is None
    assert body["conduct"]["is_current"] is True and body["conduct"]["accepted_version"] == 1
    assert body["member_count"] == 1
    assert body["activities"][0]["name"] == "Litter pick"
    assert body["linked_organisations"] == [
        {
            "kind": "partnership",
            "kind_label": "Partnership",
            "relation": "partner",
            "organisation": {
                "id": other_group.slug,
                "name": other_group.name,
                "status": "verified",
                "self": f"http://testserver{BASE}/{other_group.slug}",
            },
            "description": "",
        }
    ]
    assert body["links"]["self"] == f"http://testserver{BASE}/{group.slug}"
    assert body["links"]["members"].endswith(f"/{group.slug}/members")
    # No consenting leader: said so, and no contact given.
    assert body["leader"] is None
    assert body["leader_status"] == "No leader has agreed to publish their contact details"
    assert "leader@example.org" not in json.dumps(body)


def test_an_override_is_shown_with_its_justification(client, group, calderdale_officer):
    services.override_classification(
        actor=calderdale_officer,
        organisation=group,
        classification="provider",
        justification="Runs the council's youth contract.",
    )
    classification = client.get(f"{BASE}/{group.slug}").json()["classification"]
    assert classification["value"] == "provider" and classification["computed"] == "community_led"
    assert classification["override"]["justification"] == "Runs the council's youth contract."
    assert classification["override"]["at"]


def test_the_leader_contact_appears_only_while_consent_stands(client, group, leader):
    services.give_consent(
        actor=leader,
        organisation=group,
        public_name="Lena Leader",
        public_email="lena.public@example.org",
        public_phone="01422 123456",
        agreed=True,
    )
    body = client.get(f"{BASE}/{group.slug}").json()
    assert body["leader"] == {
        "name": "Lena Leader",
        "email": "lena.public@example.org",
        "phone": "01422 123456",
    }
    services.withdraw_consent(actor=leader, organisation=group)
    response = client.get(f"{BASE}/{group.slug}")
    assert response.json()["leader"] is None
    for detail in ("lena.public@example.org", "01422 123456", "Lena Leader"):
        assert detail not in response.content.decode()


def test_a_link_to_an_unlisted_entry_is_left_out(client, group, other_group, leader, calderdale):
    services.link(actor=leader, source=group, target=other_group, kind="umbrella")
    services.withdraw_organisation(actor=None, organisation=other_group, reason="Closed")
    assert client.get(f"{BASE}/{group.slug}").json()["linked_organisations"] == []


def test_unknown_and_malformed_slugs_are_404_and_422(client, group):
    assert client.get(f"{BASE}/no-such-group").json()["error"]["code"] == "not_found"
    assert client.get(f"{BASE}/no-such-group").status_code == 404
    assert client.get(f"{BASE}/not%20a%20slug").status_code == 422


def test_a_withdrawn_entry_is_404_for_the_public(client, group):
    services.withdraw_organisation(actor=None, organisation=group, reason="Stopped meeting")
    assert client.get(f"{BASE}/{group.slug}").status_code == 404


# --- registering ----------------------------------------------------------------------------


def test_registering_makes_an_unverified_entry_led_by_its_registrant(client, calderdale, resident):
    client.force_login(resident)
    response = send(
        client,
        "post",
        f"{BASE}/",
        registration(charity_number="1234567", postcode="hx11aa", members_count=20),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "unverified"
    assert body["registration"]["org_ids"] == ["GB-CHC-1234567"]
    assert body["contact"]["postcode"] == "HX1 1AA"
    organisation = Organisation.records.get(slug=body["id"])
    assert organisation.created_by == resident
    assert services.leader(organisation).user == resident
    assert AuditEvent.objects.filter(
        action="directory.organisation_registered", actor=resident
    ).exists()
    # Hidden from the public until an officer verifies it.
    client.logout()
    assert client.get(f"{BASE}/{body['id']}").status_code == 404


def test_a_body_that_is_not_json_is_400_and_saves_nothing(client, calderdale, resident):
    client.force_login(resident)
    before = Organisation.records.count()
    response = send(client, "post", f"{BASE}/", '{"name": "Half a body",')
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_request"
    assert Organisation.records.count() == before


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ("[1, 2]", {"body.payload.name": "Field required"}),
        (registration(kind="club"), {"body.payload.kind": "Input should be"}),
        ({"authority": "E08000033", "kind": "charity"}, {"body.payload.name": "Field required"}),
        (registration(members_count=-1), {"body.payload.members_count": "greater than"}),
        (registration(contract_income_share=1.5), {"body.payload.contract_income_share": "1"}),
        (registration(name="x" * 201), {"body.payload.name": "200"}),
        (registration(name="NUL\x00byte"), {"body.payload.name": "pattern"}),
    ],
)
def test_malformed_details_are_422_naming_the_field(client, calderdale, resident, body, fields):
    client.force_login(resident)
    before = Organisation.records.count()
    assert_refused(send(client, "post", f"{BASE}/", body), "invalid_request", fields)
    assert Organisation.records.count() == before


def test_details_the_services_refuse_are_422_with_every_reason(client, calderdale, resident):
    client.force_login(resident)
    before = (Organisation.records.count(), AuditEvent.objects.count())
    response = send(
        client,
        "post",
        f"{BASE}/",
        registration(charity_number="12", company_number="ABC", postcode="M32 0AA"),
    )
    assert_refused(
        response,
        "invalid_details",
        {
            "body.payload.charity_number": "is not a charity number",
            "body.payload.company_number": "is not a company number",
            "body.payload.postcode": "is not in Calderdale",
        },
    )
    assert (Organisation.records.count(), AuditEvent.objects.count()) == before


def test_an_unknown_borough_is_422(client, calderdale, resident):
    client.force_login(resident)
    response = send(client, "post", f"{BASE}/", registration(authority="E08999999"))
    assert_refused(response, "invalid_details", {"body.payload.authority": "borough"})
    assert not Organisation.records.filter(name="Sowerby Bridge Sewing Circle").exists()


# --- editing --------------------------------------------------------------------------------


def test_only_the_fields_given_change_and_null_clears_text(client, group, leader):
    services.update_organisation(actor=leader, organisation=group, website="https://a.example")
    client.force_login(leader)
    response = send(
        client,
        "patch",
        f"{BASE}/{group.slug}",
        {"description": "We meet monthly.", "website": None, "paid_staff_fte": 30},
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["description"] == "We meet monthly." and body["contact"]["website"] == ""
    assert body["name"] == "Park Road Residents" and body["workforce"]["members_count"] == 40
    # Thirty paid staff and 40 members: the figures now make it a provider.
    assert body["classification"]["value"] == "provider"
    group.refresh_from_db()
    assert group.description == "We meet monthly." and group.website == ""


def test_a_refused_edit_changes_nothing(client, group, leader):
    client.force_login(leader)
    response = send(
        client, "patch", f"{BASE}/{group.slug}", {"description": "New", "society_number": "??"}
    )
    assert_refused(response, "invalid_details", {"body.payload.society_number": ""})
    group.refresh_from_db()
    assert group.description == ""


# --- areas of benefit -----------------------------------------------------------------------


def test_areas_of_benefit_and_tags_are_replaced(client, group, leader, calderdale):
    client.force_login(leader)
    wards = [a_ward(calderdale, 3).gss_code, a_ward(calderdale, 4).gss_code]
    body = {"area_codes": wards, "interest_tags": ["carers", "older-people"]}
    response = send(client, "put", f"{BASE}/{group.slug}/benefit", body)
    assert response.status_code == 200, response.content
    result = response.json()
    assert [area["code"] for area in result["benefit"]["areas"]] == sorted(wards)
    assert [tag["slug"] for tag in result["interest_tags"]] == ["carers", "older-people"]


def test_a_drawn_boundary_is_accepted(client, group, leader, calderdale):
    ward = a_ward(calderdale, 0)
    client.force_login(leader)
    boundary = mapping(ward.shape.buffer(-0.002))
    response = send(client, "put", f"{BASE}/{group.slug}/benefit", {"boundary": boundary})
    assert response.status_code == 200, response.content
    assert response.json()["benefit"]["has_boundary"] is True
    assert response.json()["benefit"]["areas"] == []


@pytest.mark.parametrize(
    ("body", "fields"),
    [
        ({"area_codes": ["E05999999"]}, {"body.payload.area_codes": "do not hold these areas"}),
        ({"area_codes": ["{trafford_ward}"]}, {"body.payload.area_codes": "not in Calderdale"}),
        ({"borough_wide": True}, {"body.payload.area_codes": "not the whole borough"}),
        ({}, {"body.payload.area_codes": "must have a defined area"}),
        (
            {"area_codes": ["{ward}"], "interest_tags": ["astrology"]},
            {"body.payload.interest_tags": "not communities of interest"},
        ),
        ({"boundary": MANCHESTER_TRIANGLE}, {"body.payload.boundary": "Calderdale"}),
    ],
)
def test_refused_areas_of_benefit_save_nothing(
    client, group, leader, calderdale, trafford, body, fields
):
    text = json.dumps(body).replace("{ward}", a_ward(calderdale, 2).gss_code)
    body = json.loads(text.replace("{trafford_ward}", a_ward(trafford).gss_code))
    before = (
        sorted(group.benefit_areas.values_list("gss_code", flat=True)),
        group.served_lsoas.count(),
        AuditEvent.objects.count(),
    )
    client.force_login(leader)
    assert_refused(send(client, "put", f"{BASE}/{group.slug}/benefit", body), "refused", fields)
    assert (
        sorted(group.benefit_areas.values_list("gss_code", flat=True)),
        group.served_lsoas.count(),
        AuditEvent.objects.count(),
    ) == before
    assert list(group.interest_tags.all()) == []


def test_an_unknown_area_code_that_cannot_be_a_code_is_422(client, group, leader):
    client.force_login(leader)
    response = send(client, "put", f"{BASE}/{group.slug}/benefit", {"area_codes": ["no way!"]})
    assert_refused(response, "invalid_request", {"body.payload.area_codes.0": "pattern"})


# --- verification ---------------------------------------------------------------------------


def test_an_officer_verifies_then_withdraws(client, calderdale, resident, calderdale_officer):
    organisation = services.register_organisation(
        actor=resident, authority=calderdale, name="Elland Repair Cafe", kind="community_group"
    )
    url = f"{BASE}/{organisation.slug}/verification"
    client.force_login(calderdale_officer)
    response = send(client, "post", url, {"decision": "verify", "reason": "Met them."})
    assert response.status_code == 200 and response.json()["status"] == "verified"
    assert_refused(
        send(client, "post", url, {"decision": "verify"}), "refused", {"body.payload": "already"}
    )
    assert_refused(
        send(client, "post", url, {"decision": "withdraw", "reason": " "}),
        "refused",
        {"body.payload.reason": "Say why"},
    )
    response = send(client, "post", url, {"decision": "withdraw", "reason": "Closed down."})
    assert response.json()["status"] == "withdrawn"
    changes = list(organisation.status_changes.values_list("status", "reason", "changed_by"))
    assert changes[1:] == [
        ("verified", "Met them.", calderdale_officer.pk),
        ("withdrawn", "Closed down.", calderdale_officer.pk),
    ]
    assert_refused(
        send(client, "post", url, {"decision": "approve"}),
        "invalid_request",
        {"body.payload.decision": "verify"},
    )
    assert organisation.status_changes.count() == 3
