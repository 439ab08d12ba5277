"""Importing a CSV list of organisations (a council's list, a charity register extract):
any dialect, row-level problems, duplicates merged and reported, atomic and idempotent."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commonweal.core.models import AuditEvent
from commonweal.datasets.importing import ImportFailed, run_import
from commonweal.directory import services
from commonweal.directory.importers.organisations_csv import OrganisationsCsv, kind_of
from commonweal.directory.models import Organisation

pytestmark = pytest.mark.django_db

GOOD = (
    "name,kind,charity_number,company_number,description,website,email,phone,postcode,"
    "members,volunteers,paid_staff_fte,annual_income,contract_income_share\n"
    "Todmorden Food Bank,charity,1112223,,Food parcels,todfood.example.org,"
    'info@todfood.example.org,01706 000000,HX1 1AA,30,25,0.5,"£12,000",0\n'
    "Brighouse Care Ltd,business,,01234567,,,,,HX1 2AB,,,40,2000000,0.9\n"
)


def write(tmp_path, text: str, name: str = "groups.csv", *, bom: bool = False):
    path = tmp_path / name
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def importer():
    return OrganisationsCsv(authority="E08000033")


def held(calderdale):
    return Organisation.records.in_authority(calderdale).count()


def test_a_list_creates_unverified_organisations_classified_from_their_figures(
    tmp_path, calderdale
):
    report = run_import(importer(), write(tmp_path, GOOD), commit=True)
    assert (report.created, report.updated, report.unchanged) == (2, 0, 0)
    food = Organisation.records.get(name="Todmorden Food Bank")
    assert food.status == "unverified" and not food.is_listed
    assert food.org_ids() == ["GB-CHC-1112223"]
    assert food.website == "https://todfood.example.org"
    assert (food.members_count, food.active_volunteers) == (30, 25)
    assert str(food.annual_income) == "12000.00"
    assert food.classification == "community_led"
    assert food.source_dataset_id == report.dataset_id
    care = Organisation.records.get(name="Brighouse Care Ltd")
    assert care.org_ids() == ["GB-COH-01234567"]
    assert care.classification == "provider"
    assert report.changes == {
        "Organisations in Calderdale": (held(calderdale) - 2, held(calderdale))
    }


def test_a_dry_run_saves_nothing(tmp_path, calderdale):
    before = held(calderdale)
    report = run_import(importer(), write(tmp_path, GOOD))
    assert report.created == 2 and not report.committed
    assert held(calderdale) == before


def test_a_semicolon_file_with_a_bom_and_register_style_columns(tmp_path, calderdale):
    text = (
        "Charity Name;Charity Type;Registered Charity Number;Post Code;Latest Income\n"
        "Calder Valley Trust;Trust;1098765;HX1 1AA;5000\n"
        "Halifax Singers CIO;CIO;1187654;HX1 2AB;1200\n"
        "Elland Allotments;Unincorporated association;;HX1 2AB;\n"
    )
    report = run_import(importer(), write(tmp_path, text, bom=True), commit=True)
    assert report.created == 3
    trust = Organisation.records.get(name="Calder Valley Trust")
    assert (trust.kind, trust.legal_form, trust.charity_number) == ("charity", "trust", "1098765")
    cio = Organisation.records.get(name="Halifax Singers CIO")
    assert (cio.kind, cio.legal_form) == ("cio", "cio")
    allotments = Organisation.records.get(name="Elland Allotments")
    assert (allotments.kind, allotments.legal_form) == ("community_group", "unincorporated")


@pytest.mark.parametrize(
    ("word", "charity", "expected"),
    [
        ("Residents' Association", False, ("residents_association", "")),
        ("charitable company", True, ("charity", "company_guarantee")),
        ("Community Interest Company", False, ("cic", "cic")),
        ("Community benefit society", False, ("cooperative", "society")),
        ("Other", True, ("charity", "")),
        ("Town council", False, ("parish_council", "statutory")),
        ("faith_group", False, ("faith_group", "")),
    ],
)
def test_kinds_in_a_file_s_own_words(word, charity, expected):
    assert kind_of(word, charity) == expected


def test_row_problems_name_the_line_column_and_reason_and_nothing_is_written(tmp_path, calderdale):
    text = (
        "name,type,charity_number,company_number,postcode,members\n"
        "Good Group,community group,,,HX1 1AA,10\n"
        "Bad Number Trust,charity,12,,HX1 1AA,\n"
        "Odd Thing,spaceship club,,,HX1 1AA,\n"
        "Wrong Borough,community group,,,M32 0AA,\n"
        "Not A Postcode,community group,,,NOWHERE,\n"
        "Many People,community group,,,,lots\n"
        "Bad Company,business,,ABC,,\n"
    )
    before = (held(calderdale), AuditEvent.objects.count())
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), write(tmp_path, text), commit=True)
    problems = {problem.line: problem for problem in caught.value.report.problems}
    assert sorted(problems) == [3, 4, 5, 6, 7, 8]
    assert problems[3].column == "charity_number"
    assert "is not a charity number" in problems[3].reason
    assert problems[4].column == "type"
    assert problems[4].reason.startswith("“spaceship club” is not a kind of organisation we know")
    assert (problems[5].column, problems[5].reason) == ("postcode", "M32 0AA is not in Calderdale.")
    assert problems[6].column == "postcode" and "is not a UK postcode" in problems[6].reason
    assert (problems[7].column, problems[7].reason) == ("members", "Enter a whole number.")
    assert problems[8].column == "company_number"
    assert (held(calderdale), AuditEvent.objects.count()) == before


def test_a_malformed_file_is_refused(tmp_path, calderdale):
    extra = "name,kind\nOne,community group\nTwo,community group,surplus\n"
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), write(tmp_path, extra), commit=True)
    (problem,) = caught.value.report.problems
    assert (problem.line, problem.reason) == (
        3,
        "this line has more values than the header has columns",
    )
    path = tmp_path / "latin1.csv"
    path.write_bytes("name,kind\nCaf\xe9 Club,community group\n".encode("latin-1"))
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), path, commit=True)
    assert caught.value.report.problems[0].reason.startswith("the file is not UTF-8 text")
    with pytest.raises(ImportFailed) as caught:
        run_import(importer(), write(tmp_path, "title,postcode\nX,HX1 1AA\n"), commit=True)
    (problem,) = caught.value.report.problems
    assert problem.column == "name, kind"
    assert "required columns missing" in problem.reason


def test_duplicates_in_the_file_and_already_held_are_merged_and_reported(
    tmp_path, calderdale, group
):
    services.update_organisation(actor=None, organisation=group, postcode="HX1 1AA")
    text = (
        "name,kind,charity_number,postcode,email,website\n"
        "Calder Valley Trust,charity,1098765,HX1 1AA,,\n"
        "Hebble Trust,charity,,HX1 2AB,,\n"
        "The Hebble Trust,charity,,HX1 2AB,hebble@example.org,\n"
        "Park Road Residents' Association,residents association,,HX1 1AA,,https://park.example.org\n"
        "Park Road Residents,residents association,,HX1 1AA,,\n"
        "Calder Valley Trust (Halifax),charity,1 098 765,HX1 2AB,trust@example.org,\n"
    )
    report = run_import(importer(), write(tmp_path, text), commit=True)
    merges = [note for note in report.notes if note.startswith("Merged")]
    assert merges == [
        "Merged line 4 into line 3: same name and postcode (HX1 2AB) (took email from it).",
        "Merged line 7 into line 2: same charity number 1098765 (took email from it).",
    ]
    assert Organisation.records.filter(charity_number="1098765").get().email == "trust@example.org"
    assert Organisation.records.get(name="Hebble Trust").email == "hebble@example.org"
    # Line 5's name is not the same as the group's, once normalised; line 6's is.
    assert any(
        note.startswith("Line 6 is Park Road Residents, already held (same name and postcode")
        for note in report.notes
    )
    assert report.created == 3
    group.refresh_from_db()
    assert group.status == "verified"


def test_importing_the_same_file_twice_changes_nothing(tmp_path, calderdale):
    path = write(tmp_path, GOOD)
    run_import(importer(), path, commit=True)
    counts = (held(calderdale), AuditEvent.objects.count())
    again = run_import(importer(), path, commit=True)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    assert "Nothing changed: this file has been imported before." in again.notes
    assert (held(calderdale), AuditEvent.objects.count()) == counts


def test_a_later_file_fills_blanks_but_keeps_what_the_group_wrote(tmp_path, calderdale, group):
    services.update_organisation(
        actor=None, organisation=group, postcode="HX1 1AA", description="Our own words."
    )
    text = (
        "name,kind,postcode,description,website\n"
        "Park Road Residents,residents association,HX1 1AA,The council's words,park.example.org\n"
    )
    report = run_import(importer(), write(tmp_path, text), commit=True)
    group.refresh_from_db()
    assert group.description == "Our own words."
    assert group.website == "https://park.example.org"
    assert report.updated == 1


def test_the_import_command_needs_a_borough_and_reports_problems(tmp_path, calderdale, capsys):
    path = write(tmp_path, "name,kind\nOdd,spaceship club\n")
    with pytest.raises(CommandError, match="authority=E08000033"):
        call_command("import", "directory-organisations", str(path), "--quiet")
    with pytest.raises(CommandError, match="directory-organisations: we do not hold the borough"):
        call_command(
            "import", "directory-organisations", str(path), "--option", "authority=E08000999"
        )
    with pytest.raises(CommandError, match=r"groups\.csv: 1 problem found; nothing was saved\."):
        call_command(
            "import",
            "directory-organisations",
            str(path),
            "--option",
            "authority=E08000033",
            "--quiet",
        )
    assert (
        capsys.readouterr()
        .err.splitlines()[0]
        .startswith(
            "  line 2, column 'kind': “spaceship club” is not a kind of organisation we know"
        )
    )
