import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from commonweal.core.models import AuditEvent
from commonweal.opendata.contracts import services
from commonweal.opendata.contracts.models import Contract, Release


def test_recording_publishes_a_first_release_and_an_audit_row(contract, supplier, wards):
    release = contract.releases.get()
    assert contract.ocid.startswith("ocds-cmnwel-E08000033-")
    assert release.tags == ["award", "contract"]
    data = release.data
    assert data["ocid"] == contract.ocid
    parties = {p["id"]: p for p in data["parties"]}
    assert parties["GB-CHC-1123456"]["roles"] == ["supplier"]
    assert parties["GB-CHC-1123456"]["identifier"] == {
        "scheme": "GB-CHC",
        "id": "1123456",
        "legalName": "Calder Youth Trust",
    }
    assert parties["commonweal-council-E08000033"]["roles"] == ["buyer", "procuringEntity"]
    assert data["tender"]["awardCriteria"] == "ratedCriteria"
    assert data["tender"]["awardCriteriaDetails"].startswith(
        "Social value: 10% of the award evaluation."
    )
    assert data["contracts"][0]["value"] == {"amount": 250000, "currency": "GBP"}
    assert [m["code"] for m in data["contracts"][0]["milestones"]] == ["socialValue"] * 2
    item = data["contracts"][0]["items"][0]
    assert item["classification"] == {"scheme": "CPV", "id": "85312300-2"}
    assert {c["id"] for c in item["additionalClassifications"]} == {w.gss_code for w in wards}
    event = AuditEvent.objects.get(action="contracts.recorded")
    assert event.object_id == str(contract.pk)
    assert contract.supplier_links.get().sector == "vcs"


def test_an_amendment_is_a_new_release_listing_every_amendment(officer, contract):
    first = contract.releases.get()
    services.amend_contract(
        actor=officer,
        contract=contract,
        rationale="A third year was added.",
        end_date=dt.date(2028, 3, 31),
        value_amount=Decimal("375000.50"),
    )
    latest = contract.releases.order_by("-sequence").first()
    assert latest.tags == ["contractAmendment"]
    amendment = latest.data["contracts"][0]["amendments"][0]
    assert amendment["amendsReleaseID"] == first.release_id
    assert amendment["releaseID"] == latest.release_id
    assert amendment["rationale"] == "A third year was added."
    assert amendment["description"] == "Changed: end date, value amount."
    assert latest.data["contracts"][0]["value"]["amount"] == 375000.5
    assert first.data["contracts"][0]["value"]["amount"] == 250000  # the old one never changes


@pytest.mark.parametrize(
    "before,after,tags",
    [
        ("planned", "tender", ["tender"]),
        ("tender", "awarded", ["award", "contract"]),
        ("awarded", "active", ["contractUpdate"]),
        ("active", "complete", ["contractTermination"]),
        ("active", "terminated", ["contractTermination"]),
    ],
)
def test_status_changes_have_their_tags(officer, calderdale, details, before, after, tags):
    details["status"] = before
    contract = services.record_contract(actor=officer, authority=calderdale, **details)
    services.change_status(actor=officer, contract=contract, status=after)
    assert contract.releases.order_by("-sequence").first().tags == tags
    contract.refresh_from_db()
    assert contract.status == after


def test_details_are_refused_with_a_reason_each(officer, calderdale, details):
    details.update(
        title="", suppliers=[], route="challenge", end_date=dt.date(2020, 1, 1), currency="ZZZ"
    )
    with pytest.raises(services.ContractError) as caught:
        services.record_contract(actor=officer, authority=calderdale, **details)
    assert set(caught.value.errors) >= {
        "title",
        "suppliers",
        "challenge_reference",
        "end_date",
        "currency",
    }
    assert not Contract.objects.exists()


def test_areas_outside_the_authority_are_refused(officer, calderdale, trafford, details):
    from commonweal.places.models import Area, AreaType

    details["areas_served"] = [Area.objects.of_type(AreaType.WARD).in_authority(trafford).first()]
    with pytest.raises(services.ContractError, match="not in Calderdale"):
        services.record_contract(actor=officer, authority=calderdale, **details)


def test_people_who_are_not_officers_here_cannot_record(resident, calderdale, trafford, details):
    from commonweal.opendata.contracts.tests.people import make_person

    with pytest.raises(PermissionDenied):
        services.record_contract(actor=resident, authority=calderdale, **details)
    trafford_officer = make_person("t.officer@example.org", "officer", trafford)
    with pytest.raises(PermissionDenied):
        services.record_contract(actor=trafford_officer, authority=calderdale, **details)


def test_releases_never_change(contract):
    release = contract.releases.get()
    release.tags = ["tender"]
    with pytest.raises(ValueError):
        release.save()
    assert Release.objects.get(pk=release.pk).tags == ["award", "contract"]


def test_a_right_to_challenge_procurement_names_the_challenge(officer, calderdale, details):
    details.update(route="challenge", challenge_reference="RTC-2025-004")
    contract = services.record_contract(actor=officer, authority=calderdale, **details)
    data = contract.releases.get().data
    assert data["relatedProcesses"][0]["identifier"] == "RTC-2025-004"
    assert data["tender"]["procurementMethod"] == "open"
    assert "right to challenge" in data["tender"]["procurementMethodDetails"]
