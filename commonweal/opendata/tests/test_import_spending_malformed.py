"""Malformed spending files give row-level problems and import nothing."""

import pytest

from commonweal.datasets.importing import ImportFailed, get_importer, run_import
from commonweal.opendata.models import Payment, ServiceArea, Supplier

pytestmark = pytest.mark.django_db

HEADER = (
    "OrganisationLabel,PaymentDate,TransactionNumber,Amount,IrrecoverableVATAmount,"
    "BeneficiaryName,OrganisationalUnit,ProclassLabel\n"
)
GOOD = "Trafford Council,2026-04-30,1,100.00,0.00,Age UK Trafford,Adult Care,Care\n"


def _fail(path, source="council-spending"):
    with pytest.raises(ImportFailed) as failed:
        run_import(get_importer(source)(), path, commit=True)
    assert Payment.objects.count() == Supplier.objects.count() == ServiceArea.objects.count() == 0
    return [str(problem) for problem in failed.value.report.problems]


def test_missing_columns_are_named(trafford, tmp_path):
    path = tmp_path / "spend.csv"
    path.write_text("OrganisationLabel,PaymentDate,BeneficiaryName\nTrafford Council,x,y\n")
    problems = _fail(path)
    assert len(problems) == 1
    assert "required columns missing: amount" in problems[0]
    assert "transaction number" in problems[0]


def test_bad_amounts_and_dates_are_row_problems(trafford, tmp_path):
    path = tmp_path / "spend.csv"
    path.write_text(
        HEADER
        + GOOD
        + "Trafford Council,31/13/2026,2,100.00,0.00,A Ltd,Adult Care,Care\n"
        + "Trafford Council,2026-04-30,3,one hundred,0.00,A Ltd,Adult Care,Care\n"
        + "Trafford Council,2026-04-30,4,100.00,lots,A Ltd,Adult Care,Care\n"
        + "Trafford Council,2026-04-30,5,100.00,0.00,,Adult Care,Care\n"
        + "Trafford Council,2026-04-30,,100.00,0.00,A Ltd,Adult Care,Care\n"
    )
    problems = _fail(path)
    assert problems == [
        "line 3, column 'PaymentDate': “31/13/2026” is not a date (use YYYY-MM-DD or DD/MM/YYYY)",
        "line 4, column 'Amount': “one hundred” is not an amount of money",
        "line 5, column 'IrrecoverableVATAmount': “lots” is not an amount of money",
        "line 6, column 'BeneficiaryName': the supplier's name is missing",
        "line 7, column 'TransactionNumber': the transaction number is missing",
    ]


def test_a_different_encoding_is_refused(trafford, tmp_path):
    path = tmp_path / "spend.csv"
    text = HEADER + GOOD + "Trafford Council,2026-04-30,2,£100.00,0.00,Café Ltd,Adult Care,Care\n"
    path.write_bytes(text.encode("cp1252"))
    problems = _fail(path)
    assert len(problems) == 1
    assert "not UTF-8 text" in problems[0]


def test_a_cut_off_row_and_an_empty_file(trafford, tmp_path):
    path = tmp_path / "spend.csv"
    path.write_text(HEADER + GOOD + "Trafford Council,2026-04-30,2,100.00\n")
    assert _fail(path) == ["line 3: the row has 4 fields, not 8"]
    path.write_text(HEADER)
    assert _fail(path) == ["file: the file has no data rows"]


def test_an_unknown_council_is_refused(calderdale, tmp_path):
    path = tmp_path / "spend.csv"
    path.write_text(HEADER.replace("Trafford", "x") + GOOD.replace("Trafford", "Atlantis"))
    problems = _fail(path)
    assert "matches no council we hold" in problems[0]
    path.write_text(HEADER + GOOD)
    with pytest.raises(ImportFailed) as failed:
        run_import(get_importer("council-spending")(authority="E09999999"), path, commit=True)
    assert "no local authority with the code E09999999" in str(failed.value.report.problems[0])
