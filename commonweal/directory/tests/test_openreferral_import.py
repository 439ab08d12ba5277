"""Importing an Open Referral UK feed: checked against the schema record by record,
de-duplicated, idempotent, nothing written on any problem; our own export round-trips."""

import copy
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from commonweal.core.models import AuditEvent
from commonweal.datasets.importing import ImportFailed, run_import
from commonweal.directory import services
from commonweal.directory.importers.openreferral import OpenReferralUk
from commonweal.directory.models import Activity, Organisation
from commonweal.directory.tests.sharing import populate, require_schemas

pytestmark = pytest.mark.django_db

ORG_ID = "5f0c8a51-3b1e-4c8e-9d55-0a1b2c3d4e5f"
SERVICE_ID = "0d5b7a3e-8c1f-4e6a-b2d9-6f7e8a9b0c1d"


@pytest.fixture(autouse=True)
def _schemas():
    require_schemas()


def service(ward_code: str, **changes) -> dict:
    """A service as another directory would publish it."""
    record = {
        "id": SERVICE_ID,
        "name": "Lunch club",
        "description": "A hot meal and company.",
        "status": "active",
        "schedules": [{"id": "9b2f9e1c-1111-4c1e-9a7e-2d3c4b5a6f70", "description": "Fridays"}],
        "service_areas": [
            {
                "id": "9b2f9e1c-2222-4c1e-9a7e-2d3c4b5a6f70",
                "name": "Our ward",
                "uri": f"http://statistics.data.gov.uk/id/statistical-geography/{ward_code}",
            }
        ],
        "service_at_locations": [
            {
                "id": "9b2f9e1c-3333-4c1e-9a7e-2d3c4b5a6f70",
                "location": {
                    "id": "9b2f9e1c-4444-4c1e-9a7e-2d3c4b5a6f70",
                    "location_type": "physical",
                    "addresses": [
                        {
                            "id": "9b2f9e1c-5555-4c1e-9a7e-2d3c4b5a6f70",
                            "address_1": "1 Church Street",
                            "city": "Halifax",
                            "state_province": "West Yorkshire",
                            "postal_code": "HX1 2AB",
                            "country": "GB",
                            "address_type": "physical",
                        }
                    ],
                },
            }
        ],
        "contacts": [{"id": "9b2f9e1c-6666-4c1e-9a7e-2d3c4b5a6f70", "name": "Ann Persona"}],
        "attributes": [
            {
                "id": "9b2f9e1c-7777-4c1e-9a7e-2d3c4b5a6f70",
                "taxonomy_term": {
                    "id": "9b2f9e1c-8888-4c1e-9a7e-2d3c4b5a6f70",
                    "name": "Older people",
                    "description": "Over 65s",
                },
            },
            {
                "id": "9b2f9e1c-9999-4c1e-9a7e-2d3c4b5a6f70",
                "taxonomy_term": {
                    "id": "9b2f9e1c-aaaa-4c1e-9a7e-2d3c4b5a6f70",
                    "name": "Knitting",
                    "description": "Knitting",
                },
            },
        ],
        "organization": {
            "id": ORG_ID,
            "name": "Halifax Lunch Club",
            "description": "Lunches for older people in Halifax.",
            "website": "https://lunch.example.org",
            "organization_identifiers": [
                {
                    "id": "9b2f9e1c-bbbb-4c1e-9a7e-2d3c4b5a6f70",
                    "identifier_scheme": "GB-CHC",
                    "identifier_type": "Charity number",
                    "identifier": "1098765",
                },
                {
                    "id": "9b2f9e1c-cccc-4c1e-9a7e-2d3c4b5a6f70",
                    "identifier_scheme": "XI-EXAMPLE",
                    "identifier_type": "Local code",
                    "identifier": "L-42",
                },
            ],
        },
    }
    record.update(changes)
    return record


def page(*services_) -> dict:
    return {
        "total_items": len(services_),
        "total_pages": 1,
        "page_number": 1,
        "size": len(services_),
        "first_page": True,
        "last_page": True,
        "empty": not services_,
        "contents": list(services_),
    }


def write(tmp_path, document, name="feed.json"):
    path = tmp_path / name
    text = document if isinstance(document, str) else json.dumps(document)
    path.write_text(text, encoding="utf-8")
    return path


def importer():
    return OpenReferralUk(authority="E08000033")


def ward_code(calderdale, index=0):
    from commonweal.directory.tests.conftest import a_ward

    return a_ward(calderdale, index).gss_code


def test_a_feed_creates_unverified_organisations_and_their_activities(tmp_path, calderdale):
    path = write(tmp_path, page(service(ward_code(calderdale))))
    report = run_import(importer(), path, commit=True)
    organisation = Organisation.records.get(name="Halifax Lunch Club")
    assert organisation.status == "unverified"
    assert not Organisation.public.filter(pk=organisation.pk).exists()
    assert (organisation.kind, organisation.charity_number) == ("charity", "1098765")
    assert organisation.website == "https://lunch.example.org"
    assert organisation.source_dataset_id == report.dataset_id
    assert list(organisation.benefit_areas.values_list("gss_code", flat=True)) == [
        ward_code(calderdale)
    ]
    assert list(organisation.interest_tags.values_list("slug", flat=True)) == ["older-people"]
    activity = organisation.activities.get()
    assert (activity.name, activity.schedule, activity.postcode) == (
        "Lunch club",
        "Fridays",
        "HX1 2AB",
    )
    assert not organisation.leader_contacts.exists()
    assert (report.created, report.updated) == (2, 0)
    notes = "\n".join(report.notes)
    assert "does not say what kind of organisation it is; recorded as charity" in notes
    assert "identifiers we do not use were left out (XI-EXAMPLE L-42)" in notes
    assert "Knitting" in notes
    assert "1 named contacts were not imported" in notes
    assert "Ann Persona" not in json.dumps([o.description for o in Organisation.records.all()])


def test_a_dry_run_saves_nothing(tmp_path, calderdale):
    before = Organisation.records.count()
    report = run_import(importer(), write(tmp_path, page(service(ward_code(calderdale)))))
    assert not report.committed and report.created == 2
    assert Organisation.records.count() == before


def test_malformed_json_is_refused(tmp_path, calderdale):
    path = write(tmp_path, '{"contents": [ {"id": "x",  ]')
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), path, commit=True)
    (problem,) = caught.value.report.problems
    assert problem.reason.startswith("the file is not valid JSON: ")
    assert "line 1" in problem.reason


def test_a_record_failing_the_schema_is_reported_and_nothing_is_written(tmp_path, calderdale):
    good = service(ward_code(calderdale))
    bad = service(ward_code(calderdale), id="1c9e6b52-7d3a-4f1e-8b2c-9d0e1f2a3b4c", status="open")
    del bad["organization"]["description"]
    before = (Organisation.records.count(), AuditEvent.objects.count())
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), write(tmp_path, page(good, bad)), commit=True)
    (problem,) = caught.value.report.problems
    assert problem.line == 2  # the second record
    assert problem.column == "contents[1].organization"
    assert problem.reason.startswith(
        "service 1c9e6b52-7d3a-4f1e-8b2c-9d0e1f2a3b4c does not follow the Open Referral UK schema"
    )
    assert "'description' is a required property" in problem.reason
    assert "status: 'open' is not one of" in problem.reason
    assert (Organisation.records.count(), AuditEvent.objects.count()) == before


def test_a_postcode_outside_the_borough_is_a_problem(tmp_path, calderdale):
    record = service(ward_code(calderdale))
    address = record["service_at_locations"][0]["location"]["addresses"][0]
    address["postal_code"] = "M32 0AA"
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), write(tmp_path, [record]), commit=True)
    (problem,) = caught.value.report.problems
    assert problem.column.startswith("[0].service_at_locations[0]")
    assert problem.reason == "M32 0AA is not in Calderdale."


def test_importing_the_same_feed_twice_changes_nothing(tmp_path, calderdale):
    path = write(tmp_path, page(service(ward_code(calderdale))))
    run_import(importer(), path, commit=True)
    counts = (Organisation.records.count(), Activity.objects.count(), AuditEvent.objects.count())
    again = run_import(importer(), path, commit=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert "Nothing changed: this file has been imported before." in again.notes
    assert any("already held (same charity number 1098765)" in note for note in again.notes)
    assert (
        Organisation.records.count(),
        Activity.objects.count(),
        AuditEvent.objects.count(),
    ) == counts


def test_duplicates_are_merged_and_reported(tmp_path, calderdale, group):
    first = service(ward_code(calderdale))
    # Published twice under another id, with the same charity number.
    second = copy.deepcopy(first)
    second["id"] = "2a9e6b52-7d3a-4f1e-8b2c-9d0e1f2a3b4c"
    second["name"] = "Tea dance"
    second["organization"]["id"] = "3b9e6b52-7d3a-4f1e-8b2c-9d0e1f2a3b4c"
    second["organization"]["name"] = "The Halifax Lunch Club"
    # A group we hold already, by its name and postcode.
    services.update_organisation(actor=None, organisation=group, postcode="HX1 1AA")
    third = service(
        ward_code(calderdale),
        id="4c9e6b52-7d3a-4f1e-8b2c-9d0e1f2a3b4c",
        name="Street party",
        organization={
            "id": "5d9e6b52-7d3a-4f1e-8b2c-9d0e1f2a3b4c",
            "name": "Park Road Residents'",
            "description": "Residents.",
            "email": "park@example.org",
            "locations": [
                {
                    "id": "6e9e6b52-7d3a-4f1e-8b2c-9d0e1f2a3b4c",
                    "location_type": "physical",
                    "external_identifier": "HX1 1AA",
                    "external_identifier_type": "postcode",
                }
            ],
        },
    )
    report = run_import(importer(), write(tmp_path, page(first, second, third)), commit=True)
    lunch = Organisation.records.get(charity_number="1098765")
    assert sorted(lunch.activities.values_list("name", flat=True)) == ["Lunch club", "Tea dance"]
    assert Organisation.records.filter(name__icontains="Lunch Club").count() == 1
    merged = [note for note in report.notes if note.startswith("Merged")]
    assert merged == [
        "Merged The Halifax Lunch Club (contents[1], id 3b9e6b52-7d3a-4f1e-8b2c-9d0e1f2a3b4c) "
        "into Halifax Lunch Club (contents[0]): same charity number 1098765."
    ]
    group.refresh_from_db()
    assert group.email == "park@example.org"  # a blank filled, nothing overwritten
    assert group.status == "verified"
    assert "Street party" in group.activities.values_list("name", flat=True)
    held = [note for note in report.notes if "already held" in note]
    assert held == [
        "Park Road Residents' (contents[2]) is Park Road Residents, already held "
        "(same name and postcode (HX1 1AA)): added description, email, communities of interest, "
        "1 activity."
    ]


def _snapshot(authority) -> list[tuple]:
    found = []
    for o in Organisation.records.in_authority(authority).order_by("name"):
        found.append(
            (
                o.name,
                o.kind,
                o.legal_form,
                o.charity_number,
                o.company_number,
                o.society_number,
                o.description,
                o.website,
                o.email,
                o.phone,
                o.postcode,
                o.borough_wide,
                sorted(o.benefit_areas.values_list("gss_code", flat=True)),
                sorted(o.interest_tags.values_list("slug", flat=True)),
                sorted(
                    o.activities.values_list(
                        "name", "description", "schedule", "postcode", "url", "email"
                    )
                ),
            )
        )
    return found


def test_our_own_export_round_trips(tmp_path, client, calderdale, group, other_group, leader):
    populate(calderdale, group, other_group, leader)
    exported = client.get(reverse("directory:oruk_export")).content.decode()
    listed = _snapshot(calderdale)
    listed = [
        row
        for row in listed
        if row[0] in {r["name"] for r in json.loads(exported)["organizations"]}
    ]
    # A fresh borough: nothing held in Calderdale.
    Organisation.records.in_authority(calderdale).delete()
    report = run_import(importer(), write(tmp_path, exported), commit=True)
    assert _snapshot(calderdale) == listed
    assert set(Organisation.records.in_authority(calderdale).values_list("status", flat=True)) == {
        "unverified"
    }
    assert report.created == len(listed) + 4  # organisations and their activities
    again = run_import(importer(), write(tmp_path, exported), commit=True)
    assert (again.created, again.updated) == (0, 0)


def test_the_import_command_reports_what_it_did(tmp_path, calderdale, capsys):
    path = write(tmp_path, page(service(ward_code(calderdale))))
    orgs = Organisation.records.in_authority(calderdale).count()
    activities = Activity.objects.filter(organisation__authority=calderdale).count()
    call_command(
        "import", "openreferral-uk", str(path), "--option", "authority=E08000033", "--quiet"
    )
    lines = capsys.readouterr().out.splitlines()
    assert lines[:5] == [
        "Dry run (nothing saved; add --commit to save): openreferral-uk from feed.json",
        "Rows read: 1",
        f"Organisations in Calderdale: {orgs} → {orgs + 1}",
        f"Activities in Calderdale: {activities} → {activities + 1}",
        "Records created: 2, updated: 0, unchanged: 0",
    ]
    assert not Organisation.records.filter(name="Halifax Lunch Club").exists()


def test_the_import_command_needs_the_borough_and_names_bad_records(tmp_path, calderdale, capsys):
    path = write(tmp_path, [service(ward_code(calderdale), status="open")])
    with pytest.raises(CommandError, match="authority=E08000033"):
        call_command("import", "openreferral-uk", str(path), "--quiet")
    with pytest.raises(CommandError, match=r"feed\.json: 1 problem found; nothing was saved\."):
        call_command(
            "import", "openreferral-uk", str(path), "--option", "authority=E08000033", "--quiet"
        )
    errors = capsys.readouterr().err.splitlines()
    assert errors[0].startswith(f"  line 1, column '[0].status': service {SERVICE_ID} does not")
