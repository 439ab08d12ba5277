"""The pure spending rules: amounts, dates, names and sectors."""

from datetime import date
from decimal import Decimal

import pytest

from commonweal.opendata.spending import columns, engine


@pytest.mark.parametrize(
    "text, value",
    [
        ("1,234.50", "1234.50"),
        ("£1,234.5", "1234.50"),
        ("-12.00", "-12.00"),
        ("(12.00)", "-12.00"),
        ("12.00-", "-12.00"),
        ("12.00 CR", "-12.00"),
        (" 500 ", "500.00"),
    ],
)
def test_amounts_and_credits(text, value):
    assert engine.parse_amount(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "one hundred", "12.3.4", "1e5", "--5", "£"])
def test_bad_amounts(text):
    with pytest.raises(engine.BadValue):
        engine.parse_amount(text)


def test_vat_not_given():
    assert engine.parse_optional_amount("N/A") is None
    assert engine.parse_optional_amount("") is None
    assert engine.parse_optional_amount("0.00") == Decimal("0.00")


@pytest.mark.parametrize(
    "text", ["2018-07-31", "31/07/2018", "31-07-2018", "31.07.2018", "31-Jul-2018", "31-Jul-18"]
)
def test_dates(text):
    assert engine.parse_date(text) == date(2018, 7, 31)


@pytest.mark.parametrize("text", ["", "31/13/2018", "07/31/2018x", "1899-01-01", "yesterday"])
def test_bad_dates(text):
    with pytest.raises(engine.BadValue):
        engine.parse_date(text)


def test_names_are_normalised_for_matching():
    assert engine.normalise_name("The Park Road Residents' Association Ltd.") == (
        "park road residents association"
    )
    assert engine.normalise_name("A & B Limited") == engine.normalise_name("a and b")


@pytest.mark.parametrize(
    "name, extra, sector",
    [
        ("Redacted", {}, engine.INDIVIDUAL),
        ("2018:04D  Dementia", {"supplier_ref": "Personal Budgets"}, engine.INDIVIDUAL),
        ("Halifax Opportunities Trust", {"charity_number": "1123456"}, engine.VCS),
        ("Kirklees Council", {}, engine.PUBLIC),
        ("Calder High School", {}, engine.PUBLIC),
        ("Locala Community Partnerships CIC", {}, engine.VCS),
        ("Acme Widgets Ltd", {}, engine.PRIVATE),
        ("J Smith", {"company_number": "01234567"}, engine.PRIVATE),
        ("J Smith", {}, engine.UNKNOWN),
    ],
)
def test_sectors_from_the_file(name, extra, sector):
    call = engine.sector_from_file(name, **extra)
    assert call.sector == sector
    assert call.reason


def test_both_column_styles_map_to_the_same_fields():
    lga = (
        "OrganisationLabel,PaymentDate,TransactionNumber,Amount,BeneficiaryName,OrganisationalUnit"
    )
    old = "Body,Date,Internal Ref Number,Net Amount,Supplier(Beneficiary) Name,Expense Area"
    for header, style in ((lga, columns.LGA), (old, columns.GUIDANCE_2011)):
        fields, missing = columns.map_header(header.split(","))
        assert missing == []
        assert columns.style_of(header.split(",")) == style
    fields, missing = columns.map_header(["date", "AMOUNT", "supplier name"])
    assert set(fields) == {"date", "amount", "supplier"}
    assert missing == ["service_area", "transaction"]
