"""Neighbourhood planning in a real browser: a forum applies for a designated Calderdale
area, an officer publicises and designates it, the forum records its plan's pre-submission
consultation, and the public register and the plan's page show it. Every page on the way has
no accessibility violations that axe can find, with and without JavaScript.

As in the directory's journeys, the tests write through the live server's own connection and
hold no transaction; what they use is made before the module and removed after it.
"""

import datetime as dt
import re

import pytest

from tests.browser.test_directory_journeys import sign_in
from tests.browser.test_places_journey import check_accessibility, open_page

pytestmark = [pytest.mark.browser]

PASSWORD = "correct horse battery staple"
# One area (and forum group) per run, so that the two runs do not meet.
RUNS = {
    "with JavaScript": (True, "js", ("Rastrick", "Ryburn")),
    "without JavaScript": (False, "nojs", ("Skircoat", "Sowerby Bridge")),
}


@pytest.fixture(scope="module")
def cast(django_db_setup, django_db_blocker):
    from commonweal.accounts.models import Role, RoleAssignment, User
    from commonweal.core.models import AuditEvent
    from commonweal.directory import services as directory
    from commonweal.directory.models import Organisation
    from commonweal.places.models import Area, AreaType
    from commonweal.rights.planning import services
    from commonweal.rights.planning.models import NeighbourhoodArea

    with django_db_blocker.unblock():
        last_event = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        calderdale = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033")
        officer = User.objects.create_user(
            email="browser.planner@example.org", password=PASSWORD, display_name="Pat Planner"
        )
        RoleAssignment.objects.create(user=officer, role=Role.OFFICER, authority=calderdale)
        runs, people, groups = {}, [officer], []
        for key, (_, slug, ward_names) in RUNS.items():
            leader = User.objects.create_user(
                email=f"browser.forum.{slug}@example.org",
                password=PASSWORD,
                display_name=f"Fran Forum {slug}",
            )
            people.append(leader)
            wards = (
                Area.objects.of_type(AreaType.WARD)
                .in_authority(calderdale)
                .filter(name__in=ward_names)
            )
            group = directory.register_organisation(
                actor=leader,
                authority=calderdale,
                name=f"Browser {ward_names[0]} Forum",
                kind="neighbourhood_forum",
            )
            directory.set_benefit(
                actor=leader, organisation=group, area_codes=[w.gss_code for w in wards]
            )
            directory.verify_organisation(actor=officer, organisation=group)
            groups.append(group)
            area = services.apply_for_area(
                actor=leader,
                applicant=group,
                name=f"Browser {' and '.join(ward_names)}",
                statement="Where our members live and work.",
                relevant_body_statement="We can be designated as a forum.",
                place_codes=[w.gss_code for w in wards],
                received_on=dt.date(2024, 1, 2),
            )
            services.publicise_area(
                actor=officer, area=area, first_publicised_on=dt.date(2024, 1, 8)
            )
            services.designate_area(actor=officer, area=area, decided_on=dt.date(2024, 3, 1))
            runs[key] = {"leader": leader, "group": group, "area": area}
        try:
            yield {"officer": officer, "runs": runs}
        finally:
            areas = NeighbourhoodArea.objects.filter(applicant__in=groups)
            for area in areas:
                area.plans.all().delete()
                area.forums.all().delete()
            areas.delete()
            Organisation.records.filter(pk__in=[g.pk for g in groups]).delete()
            AuditEvent.objects.filter(id__gt=last_event).delete()
            RoleAssignment.objects.filter(user__in=people).delete()
            User.objects.filter(pk__in=[p.pk for p in people]).delete()


@pytest.mark.django_db
def test_the_cast_is_in_the_database(cast):
    from commonweal.rights.planning.models import NeighbourhoodArea

    assert (
        NeighbourhoodArea.objects.designated()
        .filter(pk__in=[r["area"].pk for r in cast["runs"].values()])
        .count()
        == 2
    )


def _date(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def _tab(browser, javascript):
    context, page = open_page(browser, javascript=javascript)
    return context, page


def _close(context):
    if context.no_js_checker is not None:
        context.no_js_checker.context.close()
    context.close()


@pytest.mark.parametrize("run", RUNS)
def test_a_forum_applies_an_officer_designates_and_the_consultation_shows(
    browser, site, cast, run, django_db_blocker
):
    javascript = RUNS[run][0]
    leader, group, area = (cast["runs"][run][k] for k in ("leader", "group", "area"))
    today = dt.date.today()
    base = site + "/rights/neighbourhood-planning"

    # The forum applies.
    context, page = _tab(browser, javascript)
    try:
        sign_in(page, site, leader)
        page.goto(f"{base}/areas/{area.pk}/")
        assert page.get_by_role("heading", level=1).inner_text() == area.name
        check_accessibility(page)
        page.get_by_role("link", name="Apply to be the forum for this area").click()
        page.wait_for_url(re.compile(r"/forum/apply/$"))
        check_accessibility(page)
        page.get_by_label("Applying organisation").select_option(label=group.name)
        page.get_by_label("The forum's purpose").fill("To improve the area's well-being.")
        page.get_by_label(re.compile("established for the express purpose")).check()
        page.get_by_label("Members who live in the area").fill("19")
        page.get_by_label(re.compile("Members who work in the area")).fill("2")
        page.get_by_label(re.compile("elected councillors for the area \\(and")).fill("1")
        page.get_by_label("Other members").fill("4")
        page.get_by_label("Evidence of membership").fill("A register the council may inspect.")
        page.get_by_label("People who live in the area").check()
        page.get_by_label("People who work in the area").check()
        page.get_by_label("Elected councillors for the area", exact=True).check()
        page.get_by_label("The forum has a written constitution").check()
        page.get_by_label("Where the constitution can be read").fill("By email")
        page.get_by_label("Contact details of at least one member").fill("forum@example.org")
        page.get_by_role("button", name="Send the application").click()
        page.wait_for_url(re.compile(rf"/areas/{area.pk}/$"))
        assert page.get_by_text("application has been sent to the council").is_visible()
        check_accessibility(page)
    finally:
        _close(context)

    # Ten weeks pass: the application was received then (publicity cannot precede receipt,
    # and the decision must wait for six weeks of comments).
    with django_db_blocker.unblock():
        from commonweal.rights.planning.models import NeighbourhoodForum

        NeighbourhoodForum.objects.filter(area=area, organisation=group).update(
            received_on=today - dt.timedelta(weeks=10)
        )

    # The officer publicises it and, once comments have closed, designates it.
    context, page = _tab(browser, javascript)
    try:
        sign_in(page, site, cast["officer"])
        page.goto(f"{base}/officer/")
        check_accessibility(page)
        page.get_by_role("link", name=group.name).first.click()
        page.wait_for_url(re.compile(r"/officer/forums/\d+/$"))
        check_accessibility(page)
        page.get_by_label("Date first publicised").fill(_date(today - dt.timedelta(days=60)))
        page.get_by_role("button", name="Record the publicity").click()
        page.wait_for_load_state()
        # Too early first: the decision date must follow the close of comments.
        page.get_by_label("Date of the decision").first.fill(_date(today - dt.timedelta(days=30)))
        page.get_by_role("button", name="Designate", exact=True).click()
        assert page.get_by_role("alert").is_visible()
        assert "the earliest date the law allows" in page.get_by_role("alert").inner_text()
        check_accessibility(page)
        page.get_by_label("Date of the decision").first.fill(_date(today))
        page.get_by_role("button", name="Designate", exact=True).click()
        page.wait_for_load_state()
        assert page.locator("main").get_by_text("Designated", exact=True).first.is_visible()
        check_accessibility(page)
    finally:
        _close(context)

    # The forum starts its plan and records the consultation.
    context, page = _tab(browser, javascript)
    try:
        sign_in(page, site, leader)
        page.goto(f"{base}/areas/{area.pk}/")
        page.get_by_role("link", name="Start a neighbourhood plan").click()
        check_accessibility(page)
        page.get_by_role("button", name="Start the plan").click()
        page.wait_for_url(re.compile(r"/plans/\d+/$"))
        check_accessibility(page)
        started = today - dt.timedelta(days=7)
        page.get_by_label("Date the draft plan was first publicised").fill(_date(started))
        page.get_by_label("Closing date for comments").fill(_date(today + dt.timedelta(days=1)))
        page.get_by_label("Consultation bodies consulted").fill("Historic England\nNatural England")
        page.get_by_role("button", name="Record the consultation").click()
        assert page.get_by_role("alert").is_visible()  # under six weeks
        check_accessibility(page)
        page.get_by_label("Closing date for comments").fill("")
        page.get_by_role("button", name="Record the consultation").click()
        page.wait_for_load_state()
        assert "Pre-submission consultation" in page.locator("main").inner_text()
        plan_url = page.url
    finally:
        _close(context)

    # The public sees it on the register and on the plan's page.
    closes = started + dt.timedelta(weeks=6)
    context, page = _tab(browser, javascript)
    try:
        page.goto(f"{base}/")
        row = page.locator("main table").first.locator("tr", has_text=area.name)
        assert "Pre-submission consultation" in row.inner_text()
        assert page.locator("main svg").count() >= 1
        check_accessibility(page)
        page.goto(plan_url)
        text = page.locator("main").inner_text()
        assert f"{closes.day} {closes:%B %Y}" in text and "Natural England" in text
        check_accessibility(page)
    finally:
        _close(context)
