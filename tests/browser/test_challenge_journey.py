"""The right to challenge in a real browser: a group's leader expresses an interest in
running a council service, an officer accepts it, and the public page shows the procurement
exercise it started. Every page on the way has no accessibility violations axe can find,
with and without JavaScript.

The journey writes through the live server's own connection, so it holds no transaction of
its own; the people, group and service it uses are made (committed) before the module and
removed after it, with what the journeys wrote and the audit events.
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
    from commonweal.directory import services as directory
    from commonweal.directory.models import Organisation
    from commonweal.places.models import Area, AreaType
    from commonweal.rights.challenge import services
    from commonweal.rights.challenge.models import (
        ExpressionOfInterest,
        ProcurementExercise,
        RelevantService,
    )

    with django_db_blocker.unblock():
        last_event = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        calderdale = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033")
        people = {
            key: User.objects.create_user(
                email=f"browser.challenge.{key}@example.org", password=PASSWORD, display_name=name
            )
            for key, name in [("leader", "Lee Leader"), ("officer", "Olu Officer")]
        }
        RoleAssignment.objects.create(
            user=people["officer"], role=Role.OFFICER, authority=calderdale
        )
        group = directory.register_organisation(
            actor=people["leader"],
            authority=calderdale,
            name="Browser Test Park Friends",
            kind="charity",
        )
        directory.set_benefit(actor=people["leader"], organisation=group, borough_wide=True)
        directory.verify_organisation(actor=people["officer"], organisation=group)
        service = services.create_service(
            actor=people["officer"],
            authority=calderdale,
            name="Browser Test Park Rangers",
            area_covered="Calderdale's parks",
        )
        try:
            yield {"people": people, "group": group, "service": service}
        finally:
            expressions = ExpressionOfInterest.objects.filter(service=service)
            ProcurementExercise.objects.filter(service=service).delete()
            expressions.delete()
            RelevantService.objects.filter(pk=service.pk).delete()
            Organisation.records.filter(pk=group.pk).delete()
            AuditEvent.objects.filter(id__gt=last_event).delete()
            RoleAssignment.objects.filter(user__in=people.values()).delete()
            User.objects.filter(pk__in=[p.pk for p in people.values()]).delete()


@pytest.mark.django_db
def test_the_cast_is_in_the_database(cast):
    from commonweal.rights.challenge.models import RelevantService

    assert RelevantService.objects.filter(pk=cast["service"].pk).exists()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


@pytest.fixture(params=[True, False], ids=["with JavaScript", "without JavaScript"])
def tab(request, browser):
    context, page = open_page(browser, javascript=request.param)
    try:
        yield page
    finally:
        if context.no_js_checker is not None:
            context.no_js_checker.context.close()
        context.close()


def as_person(page, site: str, who) -> None:
    """Sign in, and sign the page axe checks without JavaScript in as the same person."""
    sign_in(page, site, who)
    checker = page.context.no_js_checker
    if checker is not None:
        checker.context.clear_cookies()
        sign_in(checker, site, who)


def test_a_group_expresses_an_interest_an_officer_accepts_and_the_public_sees_it(tab, site, cast):
    page, service = tab, cast["service"]
    page.goto(site + "/rights/challenge/")
    assert page.get_by_role("heading", level=1).inner_text() == "Community right to challenge"
    check_accessibility(page)
    page.get_by_role("link", name=service.name).click()
    page.wait_for_url(re.compile(rf"/services/{service.slug}/$"))
    check_accessibility(page)

    as_person(page, site, cast["people"]["leader"])
    page.goto(site + f"/rights/challenge/services/{service.slug}/")
    page.get_by_role("button", name=re.compile("Express an interest")).click()
    page.wait_for_url(re.compile(r"/express/$"))
    check_accessibility(page)

    # Incomplete first: every missing item is listed in the error summary.
    page.get_by_label(cast["group"].name).check()
    page.get_by_label("The service, and the area it covers").fill("The park ranger service.")
    page.get_by_role("button", name="Send the expression of interest").click()
    summary = page.get_by_role("alert")
    assert "financial resources" in summary.inner_text()
    check_accessibility(page)

    page.get_by_label("Your financial resources").fill("Reserves of £40,000.")
    page.get_by_label(re.compile("How you will be able to provide")).fill("Two rangers.")
    page.get_by_label(re.compile("The outcomes")).fill("Better-kept parks.")
    page.get_by_role("button", name="Send the expression of interest").click()
    page.wait_for_url(re.compile(r"/expressions/RTC-[0-9]+-[0-9]+/$"))
    reference = page.get_by_role("heading", level=1).inner_text().rsplit(" ", 1)[-1]
    assert "has been received" in page.locator("main").inner_text()
    check_accessibility(page)
    sign_out(page)

    as_person(page, site, cast["people"]["officer"])
    page.goto(site + "/rights/challenge/officer/")
    check_accessibility(page)
    page.locator("main").get_by_role("link", name=reference).first.click()
    page.wait_for_url(re.compile(rf"/officer/expressions/{reference}/$"))
    check_accessibility(page)
    page.get_by_label("Notes on the decision").fill("A strong, well-funded proposal.")
    page.get_by_role("button", name="Accept the expression of interest").click()
    page.wait_for_url(re.compile(rf"/officer/expressions/{reference}/$"))
    assert "procurement exercise is recorded" in page.locator("main").inner_text()
    check_accessibility(page)
    sign_out(page)

    page.goto(site + "/rights/challenge/")
    procurements = page.get_by_role("table").filter(has_text="Procurement exercises")
    assert reference in procurements.inner_text()
    assert service.name in procurements.inner_text()
    check_accessibility(page)
