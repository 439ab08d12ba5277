"""Every release and package we publish validates against the OCDS 1.1 schemas."""

import datetime as dt
from decimal import Decimal

from django.conf import settings

from commonweal.opendata.contracts import services
from commonweal.opendata.contracts.models import Release
from commonweal.opendata.contracts.ocds import packages, schemas
from commonweal.opendata.contracts.ocds.merge import compile_releases


def _valid(document, schema):
    assert schemas.problems(document, schema, str(settings.OCDS_SCHEMA_DIR)) == []


def _through_every_stage(officer, calderdale, details):
    details["status"] = "planned"
    details["suppliers"] = []
    details["award_date"] = None
    contract = services.record_contract(actor=officer, authority=calderdale, **details)
    services.amend_contract(actor=officer, contract=contract, rationale="Scope", title="Wider")
    services.change_status(actor=officer, contract=contract, status="tender")
    supplier = details["areas_served"] and None
    from commonweal.opendata.contracts.tests.conftest import organisation

    supplier = organisation(calderdale, "Stage Supplier", charity_number="1098765")
    services.change_status(
        actor=officer,
        contract=contract,
        status="awarded",
        suppliers=[supplier],
        award_date=dt.date(2025, 1, 6),
    )
    services.change_status(actor=officer, contract=contract, status="active")
    services.amend_contract(
        actor=officer, contract=contract, rationale="Extended", end_date=dt.date(2029, 1, 1)
    )
    services.amend_contract(
        actor=officer, contract=contract, rationale="Uplift", value_amount=Decimal("300000.25")
    )
    services.change_status(actor=officer, contract=contract, status="terminated")
    return contract


def test_every_release_at_every_stage_validates(officer, calderdale, details):
    contract = _through_every_stage(officer, calderdale, details)
    releases = list(contract.releases.order_by("sequence"))
    assert [r.tags for r in releases] == [
        ["planning"],
        ["planningUpdate"],
        ["tender"],
        ["award", "contract"],
        ["contractUpdate"],
        ["contractAmendment"],
        ["contractAmendment"],
        ["contractTermination"],
    ]
    for release in releases:
        _valid(release.data, schemas.RELEASE)
    package = packages.release_package([r.data for r in releases], uri="https://example.org/r")
    _valid(package, schemas.RELEASE_PACKAGE)
    record = packages.record(contract.ocid, [r.data for r in releases])
    package = packages.record_package([record], uri="https://example.org/r")
    _valid(package, schemas.RECORD_PACKAGE)
    compiled = record["compiledRelease"]
    assert compiled["tag"] == ["compiled"]
    assert [a["rationale"] for a in compiled["contracts"][0]["amendments"]] == [
        "Extended",
        "Uplift",
    ]
    assert compiled["contracts"][0]["status"] == "terminated"
    # The planning-stage amendment was on the tender, the later ones on the contract.
    assert releases[1].data["tender"]["amendments"][0]["rationale"] == "Scope"


def test_the_downloads_validate(client, officer, calderdale, details):
    contract = _through_every_stage(officer, calderdale, details)
    for url, schema in (
        ("/data/contracts/releases.json", schemas.RELEASE_PACKAGE),
        ("/data/contracts/records.json", schemas.RECORD_PACKAGE),
        (f"/data/contracts/{contract.pk}/releases.json", schemas.RELEASE_PACKAGE),
        (f"/data/contracts/{contract.pk}/record.json", schemas.RECORD_PACKAGE),
        (f"/data/contracts/{contract.pk}/releases/6.json", schemas.RELEASE_PACKAGE),
        ("/api/v1/contracts/releases", schemas.RELEASE_PACKAGE),
        (f"/api/v1/contracts/{contract.ocid}/releases", schemas.RELEASE_PACKAGE),
        (f"/api/v1/contracts/{contract.ocid}/record", schemas.RECORD_PACKAGE),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        _valid(response.json(), schema)
    assert Release.objects.count() == 8


def test_schemas_are_read_locally_and_refuse_bad_releases(contract):
    data = dict(contract.releases.get().data)
    data["tag"] = ["not-a-tag"]
    data["date"] = "yesterday"
    found = schemas.problems(data, schemas.RELEASE, str(settings.OCDS_SCHEMA_DIR))
    assert {p.path for p in found} >= {"$.tag[0]", "$.date"}


def test_compiling_merges_arrays_by_id():
    first = {
        "ocid": "o",
        "id": "1",
        "date": "2025-01-01T00:00:00Z",
        "tag": ["tender"],
        "parties": [{"id": "a", "name": "A"}],
        "tender": {"id": "t", "title": "One"},
    }
    second = {
        "ocid": "o",
        "id": "2",
        "date": "2025-02-01T00:00:00Z",
        "tag": ["award"],
        "parties": [{"id": "b", "name": "B"}],
        "tender": {"title": "Two"},
    }
    compiled = compile_releases([second, first])
    assert [p["id"] for p in compiled["parties"]] == ["a", "b"]
    assert compiled["tender"] == {"id": "t", "title": "Two"}
    assert compiled["date"] == "2025-02-01T00:00:00Z"
