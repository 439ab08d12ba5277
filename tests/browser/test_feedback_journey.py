"""Feedback to providers in a real browser: a residents' group raises a report about street
lighting in Halifax and collects a neighbour's support, the council's street services
acknowledge and answer it, the group reopens it and escalates it, and a council officer
takes the escalation from their queue; the public list maps the reports. Every page on the
way has no accessibility violations that axe can find, with and without JavaScript.

As in the directory's journeys, the tests write through the live server's own connection
and hold no transaction of their own; the people, groups and catalogue they use are made
(committed) before the module and removed after it, with everything written meanwhile.
"""

import re

import pytest

from tests.browser.signing_in import sign_in as _sign_in
from tests.browser.test_places_journey import check_accessibility, open_page

pytestmark = [pytest.mark.browser]

POSTCODE = "HX1 1AA"  # Halifax town centre, Calderdale
PASSWORD = "correct horse battery staple"
SERVICE = "Browser test street lighting"


@pytest.fixture(scope="module")
def cast(django_db_setup, django_db_blocker):
    from commonweal.accounts.models import Role, RoleAssignment, User
    from commonweal.core.models import AuditEvent
    from commonweal.directory import services as directory
    from commonweal.directory.models import Organisation
    from commonweal.opendata.feedback import services
    from commonweal.opendata.feedback.models import Provider, Report, Responsibility, Service
    from commonweal.places.models import Area, AreaType, Postcode

    with django_db_blocker.unblock():
        last_event = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        calderdale = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033")
        ward = Area.objects.get(
            area_type=AreaType.WARD, gss_code=Postcode.objects.get(postcode=POSTCODE).ward_code
        )
        people = {
            key: User.objects.create_user(
                email=f"browser.feedback.{key}@example.org", password=PASSWORD, display_name=name
            )
            for key, name in [
                ("leader", "Lee Leader"),
                ("staff", "Stevie Staff"),
                ("resident", "Rhiannon Resident"),
                ("officer", "Olwen Officer"),
            ]
        }
        RoleAssignment.objects.create(
            user=people["officer"], role=Role.OFFICER, authority=calderdale
        )
        group = directory.register_organisation(
            actor=people["leader"],
            authority=calderdale,
            name="Browser Feedback Town Centre Residents",
            kind="residents_association",
            postcode=POSTCODE,
        )
        directory.set_benefit(
            actor=people["leader"], organisation=group, area_codes=[ward.gss_code]
        )
        directory.verify_organisation(actor=None, organisation=group)
        council = directory.register_organisation(
            actor=people["staff"],
            authority=calderdale,
            name="Browser Feedback Street Services",
            kind="public_provider",
        )
        directory.verify_organisation(actor=None, organisation=council)
        service = services.add_service(actor=None, name=SERVICE)
        provider = services.register_provider(
            actor=None, organisation=council, sector="council", acknowledge_days=2, respond_days=10
        )
        services.assign_responsibility(
            actor=None, service=service, area=calderdale, provider=provider
        )
        try:
            yield {"people": people, "group": group, "provider": provider, "service": service}
        finally:
            Report.objects.filter(service=service).delete()
            Responsibility.objects.filter(service=service).delete()
            Provider.objects.filter(pk=provider.pk).delete()
            Service.objects.filter(pk=service.pk).delete()
            Organisation.records.filter(pk__in=[group.pk, council.pk]).delete()
            AuditEvent.objects.filter(id__gt=last_event).delete()
            RoleAssignment.objects.filter(user__in=people.values()).delete()
            User.objects.filter(pk__in=[p.pk for p in people.values()]).delete()


# pytest-django creates the test database only for a session with a test marked django_db;
# the journey cannot be (see above), so this check of the cast, which is, makes sure of it.
@pytest.mark.django_db
def test_the_cast_is_in_the_database(cast):
    from commonweal.opendata.feedback.models import Responsibility

    assert Responsibility.objects.filter(service=cast["service"]).count() == 1


class Person:
    """One person's browser: with JavaScript or without (the axe checker signs in too, so it
    sees the same pages)."""

    def __init__(self, browser, site, who, javascript):
        self.context, self.page = open_page(browser, javascript=javascript)
        _sign_in(self.page, site, who)
        if self.context.no_js_checker is not None:
            _sign_in(self.context.no_js_checker, site, who)

    def close(self):
        if self.context.no_js_checker is not None:
            self.context.no_js_checker.context.close()
        self.context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with JavaScript", "without JavaScript"])
def test_a_group_raises_a_report_the_provider_answers_and_the_group_reopens_it(
    browser, site, cast, javascript
):
    title = f"Street light out by the library ({'js' if javascript else 'no js'})"
    leader = Person(browser, site, cast["people"]["leader"], javascript)
    staff = Person(browser, site, cast["people"]["staff"], javascript)
    resident = Person(browser, site, cast["people"]["resident"], javascript)
    officer = Person(browser, site, cast["people"]["officer"], javascript)
    try:
        # The group's leader raises the report for the group.
        page = leader.page
        page.goto(site + "/feedback/")
        assert page.get_by_role("heading", level=1).inner_text() == "Feedback to providers"
        check_accessibility(page)
        page.get_by_role("link", name="Raise a report").click()
        page.wait_for_url(re.compile(r"/feedback/new/$"))
        check_accessibility(page)
        page.get_by_role("button", name="Send the report").click()  # nothing filled in
        assert page.get_by_role("alert").is_visible()
        check_accessibility(page)
        page.get_by_label("Which service is it about?").select_option(label=SERVICE)
        page.get_by_label("A complaint").check()
        page.get_by_label(re.compile("Browser Feedback Town Centre Residents")).check()
        page.get_by_label("Postcode").fill(POSTCODE.lower())
        page.get_by_label("Title").fill(title)
        page.get_by_label("What is the problem").fill("Out for a week; the path is dark.")
        page.get_by_role("button", name="Send the report").click()
        page.wait_for_url(re.compile(r"/feedback/reports/\d+/$"))
        report_url = page.url
        assert page.get_by_text(
            "Your report is sent to Browser Feedback Street Services"
        ).is_visible()
        assert page.get_by_role("heading", level=1).inner_text() == title
        check_accessibility(page)

        # The group collects support, and a neighbour adds their name.
        page.get_by_role("link", name="Collect support").click()
        check_accessibility(page)
        page.get_by_label("Browser Feedback Town Centre Residents").check()
        page.get_by_role("button", name="Collect support").click()
        page.wait_for_url(report_url)
        page = resident.page
        page.goto(report_url)
        page.get_by_role("link", name="Add your support").click()
        check_accessibility(page)
        page.get_by_role("button", name="Add my name").click()  # consent not given
        assert page.get_by_role("alert").is_visible()
        check_accessibility(page)
        page.get_by_label("I agree to add my name").check()
        page.get_by_role("button", name="Add my name").click()
        page.wait_for_url(report_url)
        assert page.get_by_text("1 resident supports this report").is_visible()
        assert page.get_by_text("Rhiannon Resident").count() == 0  # names are not public
        check_accessibility(page)

        # The provider's staff find it in their queue, acknowledge it and respond.
        page = staff.page
        page.goto(site + "/feedback/yours/")
        page.get_by_role("link", name="Reports for Browser Feedback Street Services").click()
        check_accessibility(page)
        page.get_by_role("link", name=title).click()
        page.wait_for_url(report_url)
        assert page.get_by_text("Lee Leader").is_visible()  # staff see who reported it
        assert page.get_by_text("Rhiannon Resident").is_visible()  # and who supports it
        page.get_by_role("link", name="Acknowledge it").click()
        check_accessibility(page)
        page.get_by_role("button", name="Acknowledge").click()
        page.wait_for_url(report_url)
        page.get_by_role("link", name="Respond").click()
        page.get_by_role("button", name="Send response").click()  # no response written
        assert page.get_by_role("alert").is_visible()
        check_accessibility(page)
        page.get_by_label("Your response").fill("A new lamp is fitted.")
        page.get_by_role("button", name="Send response").click()
        page.wait_for_url(report_url)
        assert page.get_by_text("A new lamp is fitted.").is_visible()
        check_accessibility(page)

        # The group reopens it: the response did not settle it.
        page = leader.page
        page.goto(report_url)
        page.get_by_role("link", name="Reopen it").click()
        check_accessibility(page)
        page.get_by_label("Why does the response not settle it?").fill("It is out again.")
        page.get_by_role("button", name="Reopen the report").click()
        page.wait_for_url(report_url)
        assert page.locator("main .govuk-tag").first.inner_text() == "Reopened"
        assert page.get_by_text("after it was reopened").is_visible()
        check_accessibility(page)

        # Still not settled: the group escalates it to the council.
        page.get_by_role("link", name="Escalate it").click()
        check_accessibility(page)
        page.get_by_label("Why are you asking for it to be escalated?").fill("Third time out.")
        page.get_by_role("button", name="Escalate the report").click()
        page.wait_for_url(report_url)
        assert page.get_by_role("heading", name="Escalation to the council").is_visible()
        assert page.get_by_text("No council officer has taken it yet").is_visible()
        check_accessibility(page)

        # A council officer takes it from the escalations queue; its clock is theirs.
        report_id = re.search(r"/reports/(\d+)/$", report_url).group(1)
        page = officer.page
        page.goto(site + "/feedback/escalations/")
        assert page.get_by_role("heading", level=1).inner_text() == "Escalations"
        check_accessibility(page)
        row = page.get_by_role("row").filter(has_text=title)
        take = row.get_by_role("button", name=re.compile(rf"Take it\s*\(report {report_id}\)"))
        if not take.count():  # say what the row held, rather than only time out
            raise AssertionError(row.inner_html())
        take.click()
        page.wait_for_url(re.compile(r"/feedback/escalations/$"))
        row = page.get_by_role("row").filter(has_text=title)
        assert row.get_by_role("cell", name="You", exact=True).is_visible()
        assert "Due" in row.inner_text()
        check_accessibility(page)
        page.get_by_role("link", name=title).click()
        page.wait_for_url(report_url)
        assert page.get_by_text("Olwen Officer, on").is_visible()

        # The public see it without the reporter's name or postcode, nor the officer's, and
        # the list maps it in its small area.
        anonymous, public = open_page(browser, javascript=javascript)
        try:
            public.goto(report_url)
            text = public.locator("main").inner_text()
            assert "Lee Leader" not in text and POSTCODE not in text
            assert "Olwen Officer" not in text and "A council officer, on" in text
            assert "Escalated" in text and "Council settles the escalation" in text
            check_accessibility(public)
            public.goto(site + f"/feedback/?service={cast['service'].slug}")
            assert public.get_by_role("heading", name="Where the reports are").is_visible()
            assert public.locator("main svg.cw-map").count() == 1
            table = public.get_by_role("table").filter(has_text="Matching reports in each")
            assert table.get_by_role("row").count() == 2  # the header and the one small area
            check_accessibility(public)
        finally:
            if anonymous.no_js_checker is not None:
                anonymous.no_js_checker.context.close()
            anonymous.close()
    finally:
        leader.close()
        staff.close()
        resident.close()
        officer.close()
