"""Importing OCDS release packages: our own export comes back unchanged; bad input is refused
with the JSON path and the reason, and nothing is saved."""

import copy
import datetime as dt
import json

import pytest

from commonweal.core.models import AuditEvent
from commonweal.datasets.importing import ImportFailed, run_import
from commonweal.opendata.contracts import services
from commonweal.opendata.contracts.importer import OcdsReleasePackageImporter
from commonweal.opendata.contracts.models import Contract, Release
from commonweal.opendata.contracts.ocds import packages


@pytest.fixture
def exported(officer, contract, company, calderdale, details):
    services.amend_contract(
        actor=officer, contract=contract, rationale="Extended", end_date=dt.date(2028, 3, 31)
    )
    services.change_status(actor=officer, contract=contract, status="active")
    details.update(
        title="Meals at home",
        service="Adult social care",
        suppliers=[company],
        route="challenge",
        challenge_reference="RTC-7",
        status="tender",
        commitments=[("Local food", "")],
    )
    services.record_contract(actor=officer, authority=calderdale, **details)
    releases = [r.data for r in Release.objects.order_by("contract_id", "sequence")]
    return packages.release_package(releases, uri="https://example.org/releases.json")


def _write(tmp_path, document, name="package.json"):
    path = tmp_path / name
    path.write_text(json.dumps(document) if not isinstance(document, str) else document)
    return path


def _snapshot():
    return {
        c.ocid: (
            c.title,
            c.status,
            c.value_amount,
            c.end_date,
            c.route,
            c.challenge_reference,
            c.social_value_weighting,
            [s.organisation_id for s in c.supplier_links.all()],
            sorted(a.pk for a in c.areas_served.all()),
            [(x.commitment, x.measure) for x in c.commitments.all()],
            [(a.number, a.stage, a.rationale, a.release_id) for a in c.amendments.all()],
            [r.data for r in c.releases.order_by("sequence")],
        )
        for c in Contract.objects.order_by("ocid")
    }


def test_our_own_export_comes_back_the_same(tmp_path, exported, officer):
    before = _snapshot()
    Contract.objects.all().delete()
    path = _write(tmp_path, exported)
    dry = run_import(OcdsReleasePackageImporter(actor=officer), path, actor=officer)
    assert not dry.committed and dry.created == 2
    assert not Contract.objects.exists()
    report = run_import(OcdsReleasePackageImporter(actor=officer), path, commit=True, actor=officer)
    assert report.created == 2
    assert _snapshot() == before
    assert AuditEvent.objects.filter(action="contracts.imported").count() == 2
    again = run_import(OcdsReleasePackageImporter(actor=officer), path, commit=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert _snapshot() == before


def test_a_new_release_for_a_contract_we_hold_is_added(tmp_path, exported, officer):
    held = Contract.objects.get(title="Meals at home")
    later = copy.deepcopy(next(r for r in exported["releases"] if r["ocid"] == held.ocid))
    later["id"] = held.ocid + "-external-1"
    later["date"] = "2030-01-01T00:00:00Z"
    later["tag"] = ["tenderUpdate"]
    later["tender"]["title"] = "Meals at home and in clubs"
    package = {**exported, "releases": [later]}
    report = run_import(OcdsReleasePackageImporter(), _write(tmp_path, package), commit=True)
    assert report.updated == 1
    held.refresh_from_db()
    assert held.title == "Meals at home and in clubs"
    assert held.releases.count() == 2


def _broken(exported, change):
    package = copy.deepcopy(exported)
    change(package)
    return package


CASES = [
    ("not json", "{ releases: [", "$", "not JSON"),
    ("no releases", {"uri": "x"}, "$.releases", "list of releases"),
    (
        "envelope",
        lambda p: p.pop("publisher"),
        "$",
        "'publisher' is a required property",
    ),
    (
        "bad tag",
        lambda p: p["releases"][1].update(tag=["finished"]),
        "$.releases[1].tag[0]",
        "'finished' is not one of",
    ),
    (
        "bad amount",
        lambda p: p["releases"][0]["contracts"][0]["value"].update(amount="lots"),
        "$.releases[0].contracts[0].value.amount",
        "'lots' is not of type",
    ),
    (
        "bad date",
        lambda p: p["releases"][0].update(date="1 March 2025"),
        "$.releases[0].date",
        "is not a 'date-time'",
    ),
    (
        "unknown supplier",
        lambda p: (
            [
                party.update(
                    id="GB-CHC-999999",
                    identifier={"scheme": "GB-CHC", "id": "999999"},
                    name="Nobody We Know",
                )
                for r in p["releases"]
                for party in r["parties"]
                if party["id"] == "GB-CHC-1123456"
            ]
            and [
                s.update(id="GB-CHC-999999")
                for r in p["releases"]
                for a in r.get("awards", [])
                for s in a["suppliers"]
            ]
        ),
        ".awards[0].suppliers[0]",
        "no organisation in the directory",
    ),
    (
        "unknown area",
        lambda p: [
            c.update(id="E05999999")
            for r in p["releases"]
            for c in r["tender"]["items"][0].get("additionalClassifications", [])
        ],
        "additionalClassifications[0].id",
        "no area with the code",
    ),
    (
        "duplicate release",
        lambda p: p["releases"].append(copy.deepcopy(p["releases"][0])),
        "$.releases",
        "appears twice",
    ),
]


@pytest.mark.parametrize("name,change,path,reason", CASES, ids=[c[0] for c in CASES])
def test_malformed_packages_are_refused_with_the_path_and_reason(
    tmp_path, exported, name, change, path, reason
):
    before = _snapshot()
    document = _broken(exported, change) if callable(change) else change
    if name in ("unknown supplier", "unknown area"):
        Contract.objects.all().delete()
    before = _snapshot()
    with pytest.raises(ImportFailed) as failed:
        run_import(OcdsReleasePackageImporter(), _write(tmp_path, document), commit=True)
    problems = failed.value.report.problems
    assert any(path in p.column and reason in p.reason for p in problems), problems
    assert _snapshot() == before


def test_a_different_release_under_an_id_we_hold_is_refused(tmp_path, exported):
    package = copy.deepcopy(exported)
    package["releases"][0]["tender"]["title"] = "Changed behind our back"
    with pytest.raises(ImportFailed) as failed:
        run_import(OcdsReleasePackageImporter(), _write(tmp_path, package), commit=True)
    assert "different release with this id" in str(failed.value.report.problems[0])


def test_an_officer_of_another_council_cannot_import_ours(tmp_path, exported, trafford):
    from commonweal.opendata.contracts.tests.people import make_person

    Contract.objects.all().delete()
    someone = make_person("t.officer@example.org", "officer", trafford)
    with pytest.raises(ImportFailed) as failed:
        run_import(
            OcdsReleasePackageImporter(actor=someone), _write(tmp_path, exported), commit=True
        )
    assert "may not record contracts for Calderdale" in str(failed.value.report.problems[0])
    assert not Contract.objects.exists()


def test_the_import_page_dry_runs_then_saves(client, officer, exported, tmp_path):
    Contract.objects.all().delete()
    client.force_login(officer)
    path = _write(tmp_path, exported)
    with path.open("rb") as handle:
        response = client.post("/data/contracts/import/", {"package": handle})
    assert response.status_code == 200
    assert "Dry run" in response.content.decode()
    assert not Contract.objects.exists()
    with path.open("rb") as handle:
        response = client.post("/data/contracts/import/", {"package": handle, "commit": "on"})
    assert Contract.objects.count() == 2
    broken = _write(tmp_path, "[]", "broken.json")
    with broken.open("rb") as handle:
        response = client.post("/data/contracts/import/", {"package": handle, "commit": "on"})
    assert response.status_code == 400
    assert "list of releases" in response.content.decode()


def test_the_import_command_dry_runs_unless_committed(tmp_path, exported):
    from io import StringIO

    from django.core.management import call_command

    Contract.objects.all().delete()
    path = _write(tmp_path, exported)
    out = StringIO()
    call_command("import", "ocds-release-package", str(path), stdout=out, quiet=True)
    assert "Dry run" in out.getvalue()
    assert not Contract.objects.exists()
    call_command("import", "ocds-release-package", str(path), "--commit", stdout=out, quiet=True)
    assert Contract.objects.count() == 2
