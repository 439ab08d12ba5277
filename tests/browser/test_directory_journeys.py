"""The directory in a real browser: a resident finds groups near a Calderdale postcode,
opens one and joins it; a leader edits their group; an officer verifies a new one. Every
page on the way has no accessibility violations that axe can find, with and without
JavaScript.

These journeys write, through the live server's own connection, so the tests hold no
transaction of their own (on SQLite it would lock the server out). The people and groups
they use are made (committed) before the module and removed after it, with the audit
events written meanwhile, so the tests that run afterwards see the database as it was.
"""

import re

import pytest

from tests.browser.signing_in import sign_in
from tests.browser.test_places_journey import check_accessibility, open_page

pytestmark = [pytest.mark.browser]

POSTCODE = "HX1 1AA"  # Halifax town centre, Calderdale
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def cast(django_db_setup, django_db_blocker):
    from commonweal.accounts.models import Role, RoleAssignment, User
    from commonweal.core.models import AuditEvent
    from commonweal.directory import services
    from commonweal.directory.models import Organisation
    from commonweal.places.models import Area, AreaType, Postcode

    with django_db_blocker.unblock():
        last_event = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        calderdale = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033")
        ward = Area.objects.get(
            area_type=AreaType.WARD, gss_code=Postcode.objects.get(postcode=POSTCODE).ward_code
        )
        people = {
            key: User.objects.create_user(
                email=f"browser.{key}@example.org", password=PASSWORD, display_name=name
            )
            for key, name in [
                ("resident", "Rhian Resident"),
                ("leader", "Lee Leader"),
                ("officer", "Olu Officer"),
            ]
        }
        RoleAssignment.objects.create(
            user=people["officer"], role=Role.OFFICER, authority=calderdale
        )
        group = services.register_organisation(
            actor=people["leader"],
            authority=calderdale,
            name="Browser Test Town Centre Residents",
            kind="residents_association",
            postcode=POSTCODE,
            members_count=30,
            active_volunteers=8,
            paid_staff_fte="0",
            contract_income_share="0",
        )
        services.set_benefit(actor=people["leader"], organisation=group, area_codes=[ward.gss_code])
        services.verify_organisation(actor=people["officer"], organisation=group)
        waiting = services.register_organisation(
            actor=people["leader"],
            authority=calderdale,
            name="Browser Test Newcomers Club",
            kind="community_group",
        )
        services.set_benefit(actor=people["leader"], organisation=waiting, borough_wide=True)
        try:
            yield {"people": people, "group": group, "waiting": waiting}
        finally:
            Organisation.records.filter(pk__in=[group.pk, waiting.pk]).delete()
            AuditEvent.objects.filter(id__gt=last_event).delete()
            RoleAssignment.objects.filter(user__in=people.values()).delete()
            User.objects.filter(pk__in=[p.pk for p in people.values()]).delete()


# pytest-django creates the test database only for a session with a test marked django_db;
# the journeys cannot be (see above), so this check of the cast, which is, makes sure of it.
@pytest.mark.django_db
def test_the_cast_is_in_the_database(cast):
    from commonweal.directory.models import Organisation

    assert Organisation.public.filter(pk=cast["group"].pk).exists()
    assert not Organisation.public.filter(pk=cast["waiting"].pk).exists()


@pytest.fixture(params=[True, False], ids=["with JavaScript", "without JavaScript"])
def tab(request, browser):
    context, page = open_page(browser, javascript=request.param)
    try:
        yield page
    finally:
        if context.no_js_checker is not None:
            context.no_js_checker.context.close()
        context.close()


def test_a_resident_finds_a_group_near_a_postcode_and_joins_it(tab, site, cast):
    page, group = tab, cast["group"]
    sign_in(page, site, cast["people"]["resident"])
    page.goto(site + "/groups/")
    assert page.get_by_role("heading", level=1).is_visible()
    check_accessibility(page)

    # A mistake first: the error summary, with the postcode kept.
    page.get_by_label("Postcode").fill("HX1")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("alert").is_visible()
    check_accessibility(page)

    page.get_by_label("Postcode").fill(POSTCODE.lower())
    page.get_by_role("button", name="Search").click()
    table = page.locator("main table").first
    assert group.name in table.inner_text()
    assert page.locator("main svg").count() >= 1
    check_accessibility(page)

    table.get_by_role("link", name=group.name).click()
    page.wait_for_url(re.compile(rf"/groups/{group.slug}/$"))
    assert page.get_by_role("heading", level=1).inner_text() == group.name
    check_accessibility(page)

    page.get_by_role("link", name=re.compile("Join")).first.click()
    page.wait_for_url(re.compile(rf"/groups/{group.slug}/join/"))
    check_accessibility(page)
    page.get_by_role("button", name="Join the group").click()
    page.wait_for_url(re.compile(rf"/groups/{group.slug}/$"))
    assert page.get_by_text(re.compile("You (have joined|are a member)")).first.is_visible()
    check_accessibility(page)

    # Leave again, so the other run of this journey can join too.
    page.goto(site + f"/groups/{group.slug}/leave/")
    page.get_by_role("button", name="Leave the group").click()
    page.wait_for_url(re.compile(rf"/groups/{group.slug}/$"))


def test_a_leader_edits_their_group(tab, site, cast):
    page, group = tab, cast["group"]
    sign_in(page, site, cast["people"]["leader"])
    page.goto(site + f"/groups/{group.slug}/")
    page.get_by_role("link", name="Edit this group").click()
    page.wait_for_url(re.compile(rf"/groups/{group.slug}/edit/"))
    check_accessibility(page)

    description = page.get_by_label(re.compile("What does it do"))
    description.fill("We look after the streets and squares of Halifax town centre.")
    page.get_by_role("button", name="Save details").click()
    page.wait_for_load_state()
    check_accessibility(page)
    page.goto(site + f"/groups/{group.slug}/")
    assert "streets and squares of Halifax" in page.locator("main").inner_text()


def test_an_officer_verifies_a_new_group(tab, site, cast, django_db_blocker):
    from commonweal.directory.models import Organisation

    def status() -> str:
        with django_db_blocker.unblock():
            return Organisation.records.get(pk=waiting.pk).status

    page, waiting = tab, cast["waiting"]
    sign_in(page, site, cast["people"]["officer"])
    page.goto(site + "/groups/")
    page.get_by_role("link", name="Verify groups").click()
    page.wait_for_url(re.compile(r"/groups/officer/verification/$"))
    check_accessibility(page)

    if status() == "verified":
        # The other run of this journey verified it: withdraw it so this one can.
        page.goto(site + "/groups/officer/verification/" + waiting.slug + "/")
        page.get_by_label(re.compile("[Rr]eason")).fill("Put back for the next journey")
        page.get_by_role("button", name="Withdraw").click()
        page.wait_for_load_state()
        page.goto(site + "/groups/officer/verification/")

    page.locator("main").get_by_role("link", name=waiting.name).first.click()
    page.wait_for_url(re.compile(rf"/groups/officer/verification/{waiting.slug}/"))
    check_accessibility(page)
    page.get_by_role("button", name=re.compile("(Verify|Reinstate) and list")).click()
    page.wait_for_load_state()
    check_accessibility(page)
    assert status() == "verified"


READ_ONLY_PAGES = [
    "/groups/coverage/",
    "/groups/coverage/?include=borough-wide",
    "/groups/network/",
    "/groups/code-of-conduct/",
    "/groups/interests/",
]


def test_the_directory_s_other_pages_pass_axe(tab, site, cast):
    page, group = tab, cast["group"]
    sign_in(page, site, cast["people"]["leader"])
    for url in [
        *READ_ONLY_PAGES,
        f"/groups/{group.slug}/links/",
        f"/groups/{group.slug}/areas/",
        f"/groups/{group.slug}/members/",
        f"/groups/{group.slug}/leader-contact/",
        f"/groups/{group.slug}/code-of-conduct/",
        f"/groups/{group.slug}/activities/",
        "/groups/new/",
    ]:
        response = page.goto(site + url)
        assert response.status == 200, url
        check_accessibility(page)


def test_the_officers_other_pages_pass_axe(tab, site, cast):
    page, group = tab, cast["group"]
    sign_in(page, site, cast["people"]["officer"])
    for url in [
        f"/groups/{group.slug}/classification/",
        "/groups/code-of-conduct/new/",
        "/groups/interests/manage/",
        f"/groups/{group.slug}/edit/",
    ]:
        response = page.goto(site + url)
        assert response.status == 200, url
        check_accessibility(page)
