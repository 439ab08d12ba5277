"""The CSV export of listed organisations: org-id identifiers, kind, classification, areas,
tags; a leader's contact only with their standing consent."""

import csv
import io

import pytest
from django.urls import reverse

from commonweal.directory import exports, services
from commonweal.directory.tests.conftest import PERSONAS
from commonweal.directory.tests.sharing import LEADER_EMAIL, LEADER_PHONE, populate

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(calderdale, group, other_group, leader):
    return populate(calderdale, group, other_group, leader)


def _rows(client) -> list[dict]:
    response = client.get(reverse("directory:export_csv"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_one_row_per_listed_organisation_with_its_identifiers_and_areas(client, directory):
    rows = {row["name"]: row for row in _rows(client)}
    assert set(rows) == {
        "Park Road Residents",
        "Hebden Bridge Allotment Society",
        "Calder Valley Faith Forum",
    }
    park = rows["Park Road Residents"]
    assert park["org_ids"] == "GB-CHC-1123456"
    assert (park["kind"], park["kind_label"]) == ("residents_association", "Residents' association")
    assert park["classification"] == "community_led"
    assert park["classification_reason"]
    assert park["area_codes"] == directory["ward"].gss_code
    assert park["areas"] == directory["ward"].name
    assert park["interest_tags"] == "older-people"
    assert (park["postcode"], park["members"], park["volunteers"]) == ("HX1 1AA", "40", "12")
    faith = rows["Calder Valley Faith Forum"]
    assert faith["org_ids"] == "GB-COH-01234567"
    assert (faith["borough_wide"], faith["area_codes"]) == ("yes", "E08000033")


def test_the_leader_appears_only_while_they_consent(client, directory, leader):
    park = {row["name"]: row for row in _rows(client)}["Park Road Residents"]
    assert (park["leader_name"], park["leader_email"], park["leader_phone"]) == (
        "Lena Leader",
        LEADER_EMAIL,
        LEADER_PHONE,
    )
    services.withdraw_consent(actor=leader, organisation=directory["group"])
    response = client.get(reverse("directory:export_csv")).content.decode()
    assert LEADER_EMAIL not in response and "Lena Leader" not in response
    assert LEADER_PHONE not in response


def test_a_group_without_consent_has_no_leader_contact(client, directory, other_leader):
    other = {row["name"]: row for row in _rows(client)}["Hebden Bridge Allotment Society"]
    assert (other["leader_name"], other["leader_email"], other["leader_phone"]) == ("", "", "")
    body = client.get(reverse("directory:export_csv")).content.decode()
    assert other_leader.email not in body


def test_cells_a_spreadsheet_would_run_as_formulas_are_defused(directory):
    services.update_organisation(
        actor=None, organisation=directory["group"], description='=HYPERLINK("x")'
    )
    stream = io.StringIO()
    assert exports.write_organisations_csv(stream) == 3
    park = next(
        r
        for r in csv.DictReader(io.StringIO(stream.getvalue()))
        if r["slug"] == "park-road-residents"
    )
    assert park["description"] == '\'=HYPERLINK("x")'
    assert exports._cell("+44 1422 000000") == "+44 1422 000000"  # a number stays a number


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_gets_the_export_without_hidden_groups(persona, as_persona, directory):
    names = {row["name"] for row in _rows(as_persona(persona))}
    assert "Not Yet Checked Club" not in names and "Gone Away Group" not in names
    assert "Park Road Residents" in names
