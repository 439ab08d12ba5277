"""Local open data in a real browser: a resident opens their Calderdale neighbourhood page,
follows it to the street crime there (the chart and the table) and to the council spending
placed there (the summary, and the borough's chart and table). Every page has no
accessibility violations that axe can find, with and without JavaScript.

The real July 2018 files are imported (committed) before the module, through the same
importers a council uses, and removed after it, so later tests see the database as it was.
"""

import re
from pathlib import Path

import pytest

from tests.browser.test_places_journey import check_accessibility, open_page

pytestmark = [pytest.mark.browser]

POSTCODE = "HX1 1AA"  # Halifax town centre, Calderdale
SERVICE = "Communities & Service Support (obsolete)-Safer Cleaner Greener"
FILES = [
    ("police-street-crime", "crime/2018-07-west-yorkshire-street_calderdale.csv"),
    ("council-spending", "spending/calderdale_spend_2018-07.csv"),
    ("council-card-spending", "spending/calderdale_procurement_card_2018-07.csv"),
]


@pytest.fixture(scope="module")
def data(django_db_setup, django_db_blocker):
    from pathlib import Path

    from django.conf import settings

    from commonweal.core.models import AuditEvent
    from commonweal.datasets.importing import get_importer, run_import
    from commonweal.datasets.models import DataSet
    from commonweal.opendata.models import CrimeCount, CrimeMonth, Payment, ServiceArea, Supplier
    from commonweal.opendata.spending.services import record_service_places
    from commonweal.places.models import Area, AreaType, Postcode

    root = Path(settings.COMMONWEAL_SHARED_DATA)
    with django_db_blocker.unblock():
        last_event = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        datasets = [
            run_import(get_importer(source)(), root / name, commit=True).dataset_id
            for source, name in FILES
        ]
        ward = Area.objects.get(
            area_type=AreaType.WARD, gss_code=Postcode.objects.get(postcode=POSTCODE).ward_code
        )
        service = ServiceArea.objects.get(authority=ward.authority, name=SERVICE)
        record_service_places(service, actor=None, areas=[ward], borough_wide=False)
        try:
            yield {"ward": ward, "borough": ward.authority}
        finally:
            Payment.objects.all().delete()
            Supplier.objects.all().delete()
            ServiceArea.objects.all().delete()
            CrimeCount.objects.all().delete()
            CrimeMonth.objects.all().delete()
            DataSet.objects.filter(pk__in=datasets).delete()
            AuditEvent.objects.filter(id__gt=last_event).delete()


# pytest-django creates the test database only for a session with a test marked django_db.
@pytest.mark.django_db
def test_the_files_are_in_the_database(data):
    from commonweal.opendata.models import CrimeMonth, Payment

    assert CrimeMonth.objects.get().rows == 2559
    assert Payment.objects.count() == 1837 + 971


def journey(page, site: str, data) -> None:
    ward, borough = data["ward"], data["borough"]
    page.goto(f"{site}/places/ward/{ward.gss_code}/")
    assert page.get_by_role("heading", level=1).inner_text() == ward.name
    check_accessibility(page)

    page.get_by_role("link", name=f"Street crime in {ward.name}").click()
    page.wait_for_url(re.compile(rf"/data/crime/ward/{ward.gss_code}/"))
    assert page.get_by_role("heading", level=1).inner_text() == f"Street crime in {ward.name}"
    assert page.locator("svg.cw-chart").count() == 1
    assert page.get_by_role("table", name="Crimes by category, July 2018").is_visible()
    assert page.get_by_role("table", name="Crimes by month").is_visible()
    assert "anonymised" in page.locator("main").inner_text()
    check_accessibility(page)

    # The month's crimes in the ward, as a file in data.police.uk's own columns.
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"Download the July 2018 crimes")).click()
    assert download.value.suggested_filename == f"2018-07-{ward.gss_code}-street.csv"
    header, *rows = Path(download.value.path()).read_text().splitlines()
    assert header.startswith("Crime ID,Month,Reported by,Falls within,Longitude,Latitude")
    assert rows and all(",2018-07," in row for row in rows)

    page.get_by_role("link", name=f"More about {ward.name}").click()
    page.wait_for_url(re.compile(rf"/places/ward/{ward.gss_code}/"))
    page.get_by_role("link", name=f"Council spending in {ward.name}").click()
    page.wait_for_url(re.compile(rf"/data/spending/ward/{ward.gss_code}/"))
    summary = page.locator("#spending-summary").inner_text()
    assert f"Placed in {ward.name}: £" in summary
    assert "cannot be placed in any neighbourhood" in summary
    assert page.get_by_role("table", name=f"Service areas that spend in {ward.name}").is_visible()
    check_accessibility(page)

    page.get_by_role("link", name=f"All council spending in {borough.name}").click()
    page.wait_for_url(re.compile(rf"/data/spending/lad/{borough.gss_code}/"))
    assert page.locator("svg.cw-chart").count() == 1
    assert page.get_by_role("table", name="Spending by month").is_visible()
    assert "£13,469,182.02 in 2,808 payments" in page.locator("#spending-summary").inner_text()
    check_accessibility(page)

    # Choosing only the procurement cards is a plain form: it works without JavaScript too.
    page.get_by_label("Which payments").select_option("card")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"\?kind=card"))
    assert "£71,986.72 in 971 payments" in page.locator("#spending-summary").inner_text()
    check_accessibility(page)


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_resident_sees_crime_and_spending_for_their_neighbourhood(
    browser, site, data, javascript
):
    context, page = open_page(browser, javascript=javascript)
    try:
        journey(page, site, data)
    finally:
        if context.no_js_checker is not None:
            context.no_js_checker.context.close()
        context.close()
