"""Public contracts in a real browser: an officer records a contract; a member of the public
finds it in the list, opens it and downloads its OCDS release, which validates. Every page on
the way has no accessibility violations that axe can find, with and without JavaScript.

The journey writes through the live server's own connection, so the tests hold no
transaction of their own; the people and the supplier are made before the module, and they,
the contracts recorded and the audit events written are removed after it.
"""

import re

import pytest

from tests.browser.signing_in import sign_in
from tests.browser.test_places_journey import check_accessibility, open_page

pytestmark = [pytest.mark.browser]

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def cast(django_db_setup, django_db_blocker):
    from commonweal.accounts.models import Role, RoleAssignment, User
    from commonweal.core.models import AuditEvent
    from commonweal.directory.models import Organisation
    from commonweal.opendata.contracts.models import Contract
    from commonweal.places.models import Area, AreaType

    with django_db_blocker.unblock():
        last_event = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        calderdale = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033")
        ward = Area.objects.of_type(AreaType.WARD).in_authority(calderdale).order_by("name")[0]
        officer = User.objects.create_user(
            email="browser.contracts.officer@example.org",
            password=PASSWORD,
            display_name="Cora Contracts",
        )
        RoleAssignment.objects.create(user=officer, role=Role.OFFICER, authority=calderdale)
        supplier = Organisation.records.create(
            name="Browser Test Youth Trust",
            slug="browser-test-youth-trust",
            kind="charity",
            charity_number="1177001",
            authority=calderdale,
            status="verified",
        )
        try:
            yield {"officer": officer, "supplier": supplier, "ward": ward}
        finally:
            Contract.objects.filter(created_by=officer).delete()
            Organisation.records.filter(pk=supplier.pk).delete()
            AuditEvent.objects.filter(id__gt=last_event).delete()
            RoleAssignment.objects.filter(user=officer).delete()
            User.objects.filter(pk=officer.pk).delete()


@pytest.mark.django_db
def test_the_cast_is_in_the_database(cast):
    from commonweal.directory.models import Organisation

    assert Organisation.public.filter(pk=cast["supplier"].pk).exists()


@pytest.fixture(params=[True, False], ids=["with JavaScript", "without JavaScript"])
def javascript(request):
    return request.param


def test_an_officer_records_a_contract_and_the_public_downloads_its_release(
    browser, site, cast, javascript
):
    from django.conf import settings

    from commonweal.opendata.contracts.ocds import schemas

    title = f"Browser test detached youth work ({'js' if javascript else 'no js'})"
    context, page = open_page(browser, javascript=javascript)
    try:
        sign_in(page, site, cast["officer"])
        if context.no_js_checker is not None:
            sign_in(context.no_js_checker, site, cast["officer"])
        page.goto(site + "/data/contracts/new/")
        assert page.get_by_role("heading", level=1).inner_text() == "Record a contract"
        check_accessibility(page)

        # A mistake first: awarded with no supplier gives the error summary.
        page.get_by_label("Title", exact=True).fill(title)
        page.get_by_label("Public service").fill("Youth services")
        page.get_by_label("Status", exact=True).select_option("awarded")
        page.get_by_role("button", name="Record and publish").click()
        assert page.get_by_role("alert").is_visible()
        assert "needs at least one supplier" in page.get_by_role("alert").inner_text()
        check_accessibility(page)

        page.get_by_label("Supplier 1", exact=True).select_option(label=cast["supplier"].name)
        page.get_by_label("Value", exact=True).fill("180000")
        page.get_by_label("Award date", exact=True).fill("2025-05-01")
        page.get_by_label("Start date").fill("2025-06-01")
        page.get_by_label("End date").fill("2027-05-31")
        page.get_by_label(re.compile(rf"^{re.escape(cast['ward'].name)} \(ward\)")).check()
        page.get_by_label("Social value weighting").fill("15")
        page.get_by_label("Social value commitments").fill(
            "Six local apprenticeships | apprentices"
        )
        page.get_by_role("button", name="Record and publish").click()
        page.wait_for_url(re.compile(r"/data/contracts/\d+/$"))
        assert page.get_by_role("heading", level=1).inner_text() == title
        check_accessibility(page)
    finally:
        if context.no_js_checker is not None:
            context.no_js_checker.context.close()
        context.close()

    context, page = open_page(browser, javascript=javascript)
    try:
        page.goto(site + "/data/contracts/")
        check_accessibility(page)
        page.get_by_label("Supplier", exact=True).select_option(label=cast["supplier"].name)
        page.get_by_role("button", name="Filter contracts").click()
        table = page.locator("main table").first
        assert title in table.inner_text()
        check_accessibility(page)
        table.get_by_role("link", name=title).click()
        page.wait_for_url(re.compile(r"/data/contracts/\d+/$"))
        assert "Six local apprenticeships" in page.locator("main").inner_text()
        check_accessibility(page)
        link = page.get_by_role("link", name=re.compile(r"Download release 1"))
        response = page.request.get(site + link.get_attribute("href"))
        assert response.status == 200
        package = response.json()
        assert package["releases"][0]["tender"]["title"] == title
        assert package["releases"][0]["tag"] == ["award", "contract"]
        found = schemas.problems(package, schemas.RELEASE_PACKAGE, str(settings.OCDS_SCHEMA_DIR))
        assert found == []
    finally:
        if context.no_js_checker is not None:
            context.no_js_checker.context.close()
        context.close()
