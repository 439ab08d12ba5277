"""Council spending files import with exact counts; bad files import nothing."""

from decimal import Decimal

import pytest
from django.db.models import Sum

from commonweal.datasets.importing import ImportFailed, get_importer, run_import
from commonweal.opendata.models import Payment, Sector, ServiceArea, Supplier


def pence(text):
    return int(Decimal(text) * 100)


pytestmark = pytest.mark.django_db


@pytest.fixture
def spending_dir(shared_data):
    return shared_data / "spending"


def import_spend(path, source="council-spending", commit=True, **options):
    return run_import(get_importer(source)(**options), path, commit=commit)


def test_calderdale_july_2018_over_500(calderdale, spending_dir):
    report = import_spend(spending_dir / "calderdale_spend_2018-07.csv")
    assert report.rows_read == 1837 and report.created == 1837
    payments = Payment.objects.filter(authority=calderdale, kind="over_500")
    assert payments.count() == 1837
    assert payments.aggregate(total=Sum("amount_pence"))["total"] == pence("13397195.30")
    assert payments.filter(amount_pence__gte=50000).count() == 1125
    assert payments.filter(vat_pence__isnull=False).count() == 0  # "N/A" throughout
    assert ServiceArea.objects.filter(authority=calderdale).count() == 36  # one is blank
    assert Supplier.objects.filter(authority=calderdale).count() == 452
    assert any("2011 Local Spending Data guidance" in note for note in report.notes)
    print(report.summary_lines())


def test_calderdale_procurement_cards(calderdale, spending_dir):
    report = import_spend(
        spending_dir / "calderdale_procurement_card_2018-07.csv", "council-card-spending"
    )
    payments = Payment.objects.filter(authority=calderdale, kind="card")
    assert report.created == payments.count() == 971
    assert payments.aggregate(total=Sum("amount_pence"))["total"] == pence("71986.72")


def test_trafford_april_2026_with_credits(trafford, spending_dir):
    report = import_spend(spending_dir / "trafford_supplier_spend_2026-04_over500.csv")
    payments = Payment.objects.filter(authority=trafford)
    assert report.created == payments.count() == 7977
    assert payments.filter(amount_pence__lt=0).count() == 955
    assert payments.aggregate(total=Sum("amount_pence"))["total"] == pence("41374404.81")
    assert payments.filter(vat_pence=0).count() == 7977
    assert any("LGA Spend schema" in note for note in report.notes)
    assert any(note.startswith("Credits (negative amounts): 955") for note in report.notes)
    redacted = Supplier.objects.get(authority=trafford, name="Redacted")
    assert redacted.sector == Sector.INDIVIDUAL
    print(report.summary_lines())


def test_the_same_file_twice_changes_nothing(calderdale, spending_dir):
    path = spending_dir / "calderdale_spend_2018-07.csv"
    first = import_spend(path)
    suppliers = list(Supplier.objects.values_list("pk", "sector", "sector_reason").order_by("pk"))
    again = import_spend(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1837)
    assert again.dataset_id == first.dataset_id
    assert "Nothing changed: this file has been imported before." in again.notes
    assert Payment.objects.count() == 1837
    assert list(Supplier.objects.values_list("pk", "sector", "sector_reason").order_by("pk")) == (
        suppliers
    )


def test_trafford_twice_changes_nothing_despite_repeated_transaction_numbers(
    trafford, spending_dir
):
    path = spending_dir / "trafford_supplier_spend_2026-04_over500.csv"
    import_spend(path)
    again = import_spend(path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 7977)
    # 3,384 transaction numbers cover the 7,977 lines.
    assert Payment.objects.values("transaction_number").distinct().count() == 3384


def test_a_dry_run_writes_nothing(calderdale, spending_dir):
    report = import_spend(spending_dir / "calderdale_spend_2018-07.csv", commit=False)
    assert report.created == 1837 and not report.committed
    assert Payment.objects.count() == Supplier.objects.count() == ServiceArea.objects.count() == 0


def test_the_council_can_be_given_when_the_file_does_not_name_it(calderdale, tmp_path):
    path = tmp_path / "spend.csv"
    path.write_text(
        "Date,Transaction Number,Net Amount,Supplier Name,Expense Area\n"
        '31/07/2018,T1,"1,250.00",Halifax Scouts,Youth Services\n'
        "31/07/2018,T2,(200.00),Acme Ltd,Youth Services\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportFailed) as failed:
        import_spend(path)
    assert "does not name the council" in str(failed.value.report.problems[0])
    report = import_spend(path, authority="E08000033")
    assert report.created == 2
    amounts = dict(Payment.objects.values_list("transaction_number", "amount_pence"))
    assert amounts == {"T1": 125000, "T2": -20000}
    assert Supplier.objects.get(name="Halifax Scouts").sector == Sector.VCS
    assert Supplier.objects.get(name="Acme Ltd").sector == Sector.PRIVATE


def test_suppliers_are_classified_with_a_reason(calderdale, spending_dir):
    import_spend(spending_dir / "calderdale_spend_2018-07.csv")
    sectors = {s.name: (s.sector, s.sector_reason) for s in Supplier.objects.all()}
    assert sectors["Locala Community Partnerships CIC"][0] == Sector.VCS
    assert sectors["Calder High School"][0] == Sector.PUBLIC
    assert sectors["Calderdale Schools Ltd"] == (Sector.PRIVATE, "the name is a company's (“Ltd”)")
    # Personal budgets: the council names a care category, not the person.
    assert sectors["2018:04D  Dementia"][0] == Sector.INDIVIDUAL
    company = Supplier.objects.get(name="Enviroflow Management Ltd")
    assert (company.company_number, company.org_id) == ("05078788", "GB-COH-05078788")


def test_a_supplier_in_the_directory_takes_its_sector_and_classification(
    calderdale, spending_dir, officer
):
    from commonweal.directory.models import Organisation
    from commonweal.directory.tests.conftest import make_group

    # A community-led group registered with a company number the council's file gives.
    group = make_group(officer, calderdale, name="Enviroflow Residents", company_number="5078788")
    assert group.is_community_led
    import_spend(spending_dir / "calderdale_spend_2018-07.csv")
    supplier = Supplier.objects.get(name="Enviroflow Management Ltd")
    assert supplier.organisation == Organisation.records.get(pk=group.pk)
    assert supplier.match_reason == "same registration number (GB-COH-05078788)"
    assert supplier.sector == Sector.VCS and supplier.community_led
    from commonweal.opendata.spending.figures import figures_for

    figures = figures_for(calderdale)
    paid = sum(p.amount_pence for p in supplier.payments.all())
    assert figures.community_led == paid and figures.vcs >= paid
