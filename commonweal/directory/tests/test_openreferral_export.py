"""Open Referral UK records: every one validates against the published schema, and says
only what the public may see (a leader's contact only with their standing consent)."""

import json
import uuid

import pytest

from commonweal.directory import services
from commonweal.directory.openreferral import export as oruk
from commonweal.directory.openreferral import ids
from commonweal.directory.openreferral.schemas import FOLDER, problems
from commonweal.directory.tests.sharing import (
    LEADER_EMAIL,
    LEADER_PHONE,
    assert_valid,
    populate,
    require_schemas,
)
from commonweal.places.models import Postcode

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(calderdale, group, other_group, leader):
    require_schemas()
    return populate(calderdale, group, other_group, leader)


def test_the_validator_reads_the_published_schemas_and_refuses_what_breaks_them(shared_data):
    require_schemas()
    example = json.loads((shared_data / FOLDER / "examples" / "service_full.json").read_text())
    assert problems(example, "service") == []
    broken = dict(example, id="not-a-uuid", status="open")
    broken["organization"] = {"id": example["organization"]["id"], "name": "No description"}
    reasons = {problem.path: problem.reason for problem in problems(broken, "service")}
    assert "is not a 'uuid'" in reasons["id"]
    assert "is not one of" in reasons["status"]
    assert "'description' is a required property" in reasons["organization"]
    # Our HSDS 3.0 additions are checked against the sibling schemas too.
    bad_phone = dict(example["organization"], phones=[{"id": str(uuid.uuid4())}])
    assert [p.path for p in problems(bad_phone, "organization")] == ["phones[0]"]


def test_every_record_in_the_package_validates(directory):
    package = oruk.package()
    assert package["organizations"] and package["services"]
    for record in package["organizations"]:
        assert_valid(record, "organization")
    for record in package["services"]:
        assert_valid(record, "service")
    for activity in oruk.listed_activities():
        assert_valid(oruk.service_record(activity, full=False), "service")


def test_only_listed_organisations_and_their_activities_are_published(directory):
    package = oruk.package()
    names = {record["name"] for record in package["organizations"]}
    assert names == {
        "Park Road Residents",
        "Hebden Bridge Allotment Society",
        "Calder Valley Faith Forum",
    }
    services_ = {record["name"] for record in package["services"]}
    assert services_ == {"Coffee morning", "Litter pick", "Seed swap", "Interfaith supper"}
    text = json.dumps(package)
    for hidden in ("Not Yet Checked Club", "Secret meeting", "Gone Away Group", "Withdrawn walk"):
        assert hidden not in text


def test_identifiers_are_stable_uuids_derived_from_the_slug(directory):
    group = directory["group"]
    record = oruk.organization_record(group)
    expected = str(uuid.uuid5(ids.NAMESPACE, f"organisation/{group.slug}"))
    assert record["id"] == expected
    assert oruk.package()["organizations"] == oruk.package()["organizations"]
    identifier = record["organization_identifiers"][0]
    assert (identifier["identifier_scheme"], identifier["identifier"]) == ("GB-CHC", "1123456")
    assert identifier["organization_id"] == expected
    faith = oruk.organization_record(directory["faith"])
    assert faith["organization_identifiers"][0]["identifier_scheme"] == "GB-COH"
    assert faith["organization_identifiers"][0]["identifier"] == "01234567"


def test_an_activity_becomes_a_full_service(directory, calderdale):
    group = directory["group"]
    litter = group.activities.get(name="Litter pick")
    record = oruk.service_record(litter)
    assert record["organization"]["name"] == "Park Road Residents"
    assert record["organization_id"] == ids.organization_id(group)
    assert record["status"] == "active"
    assert record["email"] == "litter@parkroad.example.org"
    location = record["service_at_locations"][0]["location"]
    point = Postcode.objects.get(postcode="HX1 2AB")
    assert (location["longitude"], location["latitude"]) == (point.longitude, point.latitude)
    assert location["addresses"][0]["postal_code"] == "HX1 2AB"
    ward = directory["ward"]
    area = record["service_areas"][0]
    assert area["name"] == ward.name
    assert area["uri"].endswith(ward.gss_code)
    terms = [a["taxonomy_term"]["name"] for a in record["attributes"]]
    assert terms == ["Older people"]
    coffee = oruk.service_record(group.activities.get(name="Coffee morning"))
    assert coffee["schedules"][0]["description"] == "Tuesdays 10am"
    # No postcode of its own: it meets where the group meets.
    assert coffee["service_at_locations"][0]["location"]["external_identifier"] == "HX1 1AA"
    faith = oruk.service_record(directory["faith"].activities.get())
    assert [a["name"] for a in faith["service_areas"]] == [calderdale.name]


def test_the_leader_is_published_only_with_consent_and_then_removed(directory, leader):
    group = directory["group"]
    record = oruk.service_record(group.activities.get(name="Coffee morning"))
    contact = record["contacts"][0]
    assert (contact["name"], contact["email"]) == ("Lena Leader", LEADER_EMAIL)
    assert contact["phones"][0]["number"] == LEADER_PHONE
    assert oruk.organization_record(group)["contacts"][0]["name"] == "Lena Leader"

    services.withdraw_consent(actor=leader, organisation=group)
    text = json.dumps(oruk.package())
    for personal in ("Lena Leader", LEADER_EMAIL, LEADER_PHONE, leader.email):
        assert personal not in text
    record = oruk.service_record(group.activities.get(name="Coffee morning"))
    assert "contacts" not in record
    assert "contacts" not in oruk.organization_record(group)


def test_without_consent_no_personal_contact_appears_at_all(directory, other_leader):
    text = json.dumps(oruk.package())
    assert other_leader.email not in text
    assert "Otto Other" not in text
    other = oruk.organization_record(directory["other_group"])
    assert "contacts" not in other
