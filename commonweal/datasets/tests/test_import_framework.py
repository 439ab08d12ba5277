from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commonweal.core.models import AuditEvent
from commonweal.datasets.importing import ImportFailed, RowError, run_import
from commonweal.datasets.importing.base import CsvImporter
from commonweal.datasets.models import DataSet
from commonweal.places.models import Area, AreaType

# These tests count every Area, DataSet and AuditEvent, so run without the session data.
pytestmark = pytest.mark.empty_database


class WardNames(CsvImporter):
    """A tiny importer used to exercise the framework itself."""

    source = "test-ward-names"
    title = "Ward names"
    publisher = "Test publisher"
    required_columns = ("code", "name")

    def clean_row(self, raw):
        code = raw["code"].strip()
        if not code.startswith("E05"):
            raise RowError("code", f"{code!r} is not a ward code (E05…)")
        return {"code": code, "name": raw["name"].strip()}

    def check_rows(self, rows):
        from commonweal.datasets.importing import RowProblem

        seen, problems = set(), []
        for line, row in rows:
            if row["code"] in seen:
                problems.append(RowProblem(line, "code", f"duplicate code {row['code']}"))
            seen.add(row["code"])
        return problems

    def load(self, rows, dataset, report):
        for row in rows:
            area, created = Area.objects.get_or_create(
                area_type=AreaType.WARD,
                gss_code=row["code"],
                defaults={"name": row["name"], "dataset": dataset},
            )
            if created:
                report.created += 1
            elif area.name != row["name"]:
                area.name = row["name"]
                area.save(update_fields=["name"])
                report.updated += 1
            else:
                report.unchanged += 1

    def counts(self):
        return {"Wards": Area.objects.filter(area_type=AreaType.WARD).count()}


def write(tmp_path: Path, text: str, name: str = "wards.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
def test_dry_run_runs_every_line_and_saves_nothing(tmp_path):
    path = write(tmp_path, "code,name\nE05001371,Brighouse\nE05001372,Calder\n")
    report = run_import(WardNames(), path)
    assert report.changes == {"Wards": (0, 2)}
    assert report.created == 2
    assert not report.committed
    assert Area.objects.count() == 0
    assert DataSet.objects.count() == 0
    assert AuditEvent.objects.count() == 0


@pytest.mark.django_db
def test_commit_saves_with_provenance_and_audit(tmp_path):
    path = write(tmp_path, "\ufeffcode,name\nE05001371,Brighouse\n")
    report = run_import(WardNames(), path, commit=True, actor_label="test")
    assert report.committed
    area = Area.objects.get()
    assert area.dataset.publisher == "Test publisher"
    assert len(area.dataset.checksum) == 64
    assert AuditEvent.objects.get().action == "dataset.imported"
    assert "Wards: 0 → 1" in report.summary_lines()


@pytest.mark.django_db
def test_same_file_twice_changes_nothing(tmp_path):
    path = write(tmp_path, "code,name\nE05001371,Brighouse\n")
    run_import(WardNames(), path, commit=True)
    again = run_import(WardNames(), path, commit=True)
    assert again.changes == {"Wards": (1, 1)}
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert DataSet.objects.count() == 1
    assert AuditEvent.objects.count() == 1


@pytest.mark.django_db
def test_bad_rows_are_reported_and_nothing_is_written(tmp_path):
    path = write(tmp_path, "code,name\nE05001371,Brighouse\nW99,Nowhere\nE05001371,Again\n")
    with pytest.raises(ImportFailed) as failure:
        run_import(WardNames(), path, commit=True)
    problems = [str(problem) for problem in failure.value.report.problems]
    assert problems == ["line 3, column 'code': 'W99' is not a ward code (E05…)"]
    assert Area.objects.count() == 0


@pytest.mark.django_db
def test_duplicates_are_whole_file_problems(tmp_path):
    path = write(tmp_path, "code,name\nE05001371,Brighouse\nE05001371,Again\n")
    with pytest.raises(ImportFailed) as failure:
        run_import(WardNames(), path, commit=True)
    assert [p.line for p in failure.value.report.problems] == [3]
    assert Area.objects.count() == 0


@pytest.mark.django_db
def test_missing_columns_are_named(tmp_path):
    path = write(tmp_path, "gss,label\nE05001371,Brighouse\n")
    with pytest.raises(ImportFailed) as failure:
        run_import(WardNames(), path)
    message = str(failure.value.report.problems[0])
    assert "required columns missing (code, name)" in message
    assert "gss, label" in message


@pytest.mark.django_db
def test_empty_and_missing_files(tmp_path):
    with pytest.raises(ImportFailed, match="1 problem"):
        run_import(WardNames(), write(tmp_path, "code,name\n"))
    with pytest.raises(ImportFailed) as failure:
        run_import(WardNames(), tmp_path / "absent.csv")
    assert "there is no file" in str(failure.value.report.problems[0])


@pytest.mark.django_db
def test_import_command_refuses_unknown_sources():
    with pytest.raises(CommandError, match="No importer called 'nonsense'"):
        call_command("import", "nonsense", "file.csv")


# The command line: what an operator sees -------------------------------------------


@pytest.mark.django_db
def test_import_command_shows_progress_and_the_change_summary(shared_data, capsys):
    path = shared_data / "boundaries/calderdale_lsoa2011_bsc.geojson"
    call_command("import", "lsoa2011-boundaries", str(path))
    captured = capsys.readouterr()
    assert "Reading calderdale_lsoa2011_bsc.geojson" in captured.err  # the progress bar
    assert captured.out.splitlines() == [
        "Dry run (nothing saved; add --commit to save): lsoa2011-boundaries "
        "from calderdale_lsoa2011_bsc.geojson",
        "Rows read: 128",
        "LSOA 2011 areas: 0 → 128",
        "Records created: 128, updated: 0, unchanged: 0",
    ]
    assert Area.objects.count() == 0

    call_command("import", "lsoa2011-boundaries", str(path), "--commit", "--quiet")
    captured = capsys.readouterr()
    assert captured.err == ""  # --quiet: no progress bar
    assert "Committed: lsoa2011-boundaries" in captured.out
    assert Area.objects.filter(area_type=AreaType.LSOA11).count() == 128


@pytest.mark.django_db
def test_import_command_reports_each_bad_row_and_saves_nothing(tmp_path, capsys):
    lookup = write(
        tmp_path,
        "lsoa11_code,change_code,lsoa21_code,ltla22_code\n"
        "E01010875,Q,E01010875,E08000033\n"
        "E01010876,U,,E08000033\n",
        name="links.csv",
    )
    with pytest.raises(CommandError, match=r"links\.csv: 2 problems found; nothing was saved\."):
        call_command("import", "lsoa2011-2021-lookup", str(lookup), "--commit", "--quiet")
    errors = capsys.readouterr().err.splitlines()
    assert errors[0] == "  line 2, column 'change_code': “Q” is not a change code (U, S, M or X)"
    assert errors[1].startswith("  line 3, column 'lsoa21_code': ")
    assert DataSet.objects.count() == 0
    assert AuditEvent.objects.count() == 0
