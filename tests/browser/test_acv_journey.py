"""The right to bid in a real browser, with and without JavaScript: a group nominates a pub,
an officer lists it, the owner's notice arrives, a parish council asks to bid, and the public
register shows the full moratorium's dates. Every page on the way passes axe.

The journeys write through the live server's own connection, so they hold no transaction
of their own; the people and groups are made (committed) before the module and removed
after it, with everything the journeys made and the audit events written meanwhile.
"""

import json
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
    from commonweal.rights.models import Nomination

    with django_db_blocker.unblock():
        last_event = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        calderdale = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033")
        postcode = Postcode.objects.get(postcode=POSTCODE)
        ward = Area.objects.get(area_type=AreaType.WARD, gss_code=postcode.ward_code)
        people = {
            key: User.objects.create_user(
                email=f"browser.acv.{key}@example.org", password=PASSWORD, display_name=name
            )
            for key, name in [
                ("leader", "Lena Leader"),
                ("officer", "Oscar Officer"),
                ("owner", "Olive Owner"),
                ("clerk", "Parvati Parish"),
            ]
        }
        RoleAssignment.objects.create(
            user=people["officer"], role=Role.OFFICER, authority=calderdale
        )
        made = []
        for key, name, kind, form in [
            (
                "leader",
                "Browser Test Friends of the Pub",
                "residents_association",
                "unincorporated",
            ),
            ("clerk", "Browser Test Parish Council", "parish_council", "statutory"),
        ]:
            organisation = services.register_organisation(
                actor=people[key],
                authority=calderdale,
                name=name,
                kind=kind,
                legal_form=form,
                members_count=30,
            )
            services.set_benefit(
                actor=people[key], organisation=organisation, area_codes=[ward.gss_code]
            )
            services.verify_organisation(actor=None, organisation=organisation)
            made.append(organisation)
        point = ward.shape.representative_point()
        try:
            yield {
                "people": people,
                "group": made[0],
                "parish": made[1],
                "boundary": _square(point.x, point.y),
            }
        finally:
            Nomination.objects.filter(nominator__in=made).delete()
            Organisation.records.filter(pk__in=[o.pk for o in made]).delete()
            AuditEvent.objects.filter(id__gt=last_event).delete()
            RoleAssignment.objects.filter(user__in=people.values()).delete()
            User.objects.filter(pk__in=[p.pk for p in people.values()]).delete()


def _square(lon: float, lat: float, half: float = 0.0002) -> str:
    ring = [
        [lon - half, lat - half],
        [lon + half, lat - half],
        [lon + half, lat + half],
        [lon - half, lat + half],
        [lon - half, lat - half],
    ]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


# pytest-django creates the test database only for a session with a test marked django_db;
# the journeys cannot be (see above), so this check of the cast, which is, makes sure of it.
@pytest.mark.django_db
def test_the_cast_is_in_the_database(cast):
    from commonweal.directory.models import Organisation

    assert Organisation.public.filter(pk=cast["parish"].pk).exists()


@pytest.fixture(params=[True, False], ids=["with JavaScript", "without JavaScript"])
def javascript(request):
    return request.param


@pytest.fixture
def visit(browser, site, javascript):
    """Open a tab as someone (signed in) or as the public (None)."""
    opened = []

    def open_as(who=None):
        context, page = open_page(browser, javascript=javascript)
        opened.append(context)
        if who is not None:
            sign_in(page, site, who)
        return page

    yield open_as
    for context in opened:
        if context.no_js_checker is not None:
            context.no_js_checker.context.close()
        context.close()


def test_a_pub_is_nominated_listed_and_protected(visit, site, cast, javascript):
    from django.utils import timezone

    from commonweal.rights.calendar import months_beginning_with

    people = cast["people"]
    pub = f"The Browser Arms ({'with' if javascript else 'without'} JavaScript)"

    # A group nominates the pub; a first try with nothing filled in shows what is missing.
    page = visit(people["leader"])
    page.goto(site + "/rights/assets/")
    check_accessibility(page)
    page.get_by_role("link", name="Nominate land").click()
    page.wait_for_url(re.compile(r"/rights/assets/nominate/$"))
    check_accessibility(page)
    page.get_by_role("button", name="Send the nomination").click()
    page.wait_for_load_state()
    assert page.get_by_role("alert").is_visible()
    check_accessibility(page)
    page.get_by_label("Which group is making the nomination?").select_option(
        label=cast["group"].name
    )
    page.get_by_label(re.compile("How many members are on the electoral register")).fill("25")
    page.get_by_label("Evidence that your group may nominate").fill("Constitution; 30 members.")
    page.get_by_label("What is the land called?").fill(pub)
    page.get_by_label("Describe the land").fill("A pub with a function room.")
    page.get_by_label("The land's boundary, as GeoJSON").fill(cast["boundary"])
    page.get_by_label("Who occupies the land now?").fill("The landlord")
    page.get_by_label(re.compile("Who owns the land")).fill("Olive Owner, 1 High Street")
    page.get_by_label("Why is the land of community value?").fill("The village's only pub.")
    page.get_by_label("Parish or town council (optional)").select_option(label=cast["parish"].name)
    page.get_by_role("button", name="Send the nomination").click()
    page.wait_for_url(re.compile(r"/rights/assets/ACV-[0-9]{4}-[0-9]{4}/$"))
    assert page.get_by_role("heading", level=1).inner_text() == pub
    reference = page.url.rstrip("/").rsplit("/", 1)[1]
    check_accessibility(page)

    # An officer finds it on the dashboard, links the owner and lists it.
    page = visit(people["officer"])
    page.goto(site + "/rights/assets/casework/")
    check_accessibility(page)
    page.get_by_role("link", name=f"{reference} {pub}").first.click()
    page.wait_for_url(re.compile(rf"/casework/{reference}/$"))
    check_accessibility(page)
    page.get_by_role("link", name="Link the owner's account").click()
    page.get_by_label("The owner's email address").fill(people["owner"].email)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/casework/{reference}/$"))
    page.get_by_role("link", name="Decide the nomination").click()
    check_accessibility(page)
    page.get_by_label("List the land", exact=True).check()
    page.get_by_label(re.compile("Finding on the current use")).fill("Open and used as a pub.")
    page.get_by_label("Reasons", exact=True).fill(
        "It furthers the social interests of the village."
    )
    today = timezone.localdate()
    page.get_by_label("The date of the decision").fill(f"{today.day}/{today.month}/{today.year}")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url(re.compile(rf"/casework/{reference}/$"))
    assert "Listed" in page.locator("main").inner_text()
    check_accessibility(page)

    # The owner reads the notice of listing, then gives notice of wishing to sell.
    page = visit(people["owner"])
    page.goto(site + "/rights/assets/yours/")
    check_accessibility(page)
    page.get_by_role("link", name=re.compile("Notice that land has been listed")).first.click()
    page.wait_for_url(re.compile(r"/rights/assets/notices/[0-9]+/$"))
    assert "review" in page.locator("main").inner_text()
    check_accessibility(page)
    page.goto(site + f"/rights/assets/{reference}/")
    page.get_by_role("link", name="Tell the council you wish to sell or lease it").click()
    check_accessibility(page)
    page.get_by_label("What do you intend to do?").fill("Sell the freehold")
    page.get_by_role("button", name="Give notice").click()
    page.wait_for_url(re.compile(rf"/rights/assets/{reference}/$"))
    assert "Interim moratorium" in page.locator("main").inner_text()

    # The parish council asks to be treated as a potential bidder.
    page = visit(people["clerk"])
    page.goto(site + f"/rights/assets/{reference}/")
    page.get_by_role("link", name="Ask to be treated as a potential bidder").click()
    check_accessibility(page)
    page.get_by_label("Which group is asking?").select_option(label=cast["parish"].name)
    page.get_by_role("button", name="Send the request to the council").click()
    page.wait_for_url(re.compile(rf"/rights/assets/{reference}/$"))
    check_accessibility(page)

    # The public register shows the full moratorium's dates.
    full = months_beginning_with(today, 6).rule_c
    protected = months_beginning_with(today, 18).rule_c
    page = visit(None)
    page.goto(site + "/rights/assets/")
    row = page.locator("main table[data-testid=listed] tr", has_text=pub)
    text = row.inner_text()
    assert "Full moratorium" in text
    assert f"Full moratorium to {full.day} {full:%b %Y}" in text
    assert f"Protected to {protected.day} {protected:%b %Y}" in text
    check_accessibility(page)
    row.get_by_role("link", name=pub).click()
    assert f"{full.day} {full:%B %Y}" in page.get_by_test_id("full-moratorium").inner_text()
    assert cast["parish"].name in page.locator("main").inner_text()
    check_accessibility(page)
