"""Participatory budgeting in a real browser: a resident proposes an idea, an officer costs
it, residents vote, the officer counts with the Method of Equal Shares and the results page
explains the outcome. Every page on the way has no accessibility violations axe can find,
with and without JavaScript.

As in the directory journeys, the people are made (committed) before the module and removed
after it; each run of the journey gets its own process, removed after it with the audit
events written meanwhile.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.signing_in import sign_in
from tests.browser.test_places_journey import check_accessibility, open_page

pytestmark = [pytest.mark.browser]

POSTCODE = "HX1 1AA"  # Halifax town centre, Calderdale
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def people(django_db_setup, django_db_blocker):
    from commonweal.accounts.models import Role, RoleAssignment, User
    from commonweal.places.models import Area, AreaType

    with django_db_blocker.unblock():
        calderdale = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033")
        cast = {
            key: User.objects.create_user(
                email=f"browser.pb.{key}@example.org", password=PASSWORD, display_name=name
            )
            for key, name in [
                ("proposer", "Priya Proposer"),
                ("voter1", "Vic Voter"),
                ("voter2", "Val Voter"),
                ("officer", "Owen Officer"),
            ]
        }
        RoleAssignment.objects.create(user=cast["officer"], role=Role.OFFICER, authority=calderdale)
        try:
            yield {"calderdale": calderdale, **cast}
        finally:
            RoleAssignment.objects.filter(user__in=cast.values()).delete()
            User.objects.filter(pk__in=[p.pk for p in cast.values()]).delete()


@pytest.fixture
def process(people, django_db_blocker):
    """A process open for ideas, with two ideas already proposed and costed."""
    from decimal import Decimal

    from commonweal.budgets import services
    from commonweal.budgets.models import Process
    from commonweal.core.models import AuditEvent

    with django_db_blocker.unblock():
        last_event = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        made = services.create_process(
            actor=people["officer"],
            title="Browser Test Halifax Budget",
            authority=people["calderdale"],
            pots=[("Whole of Calderdale", people["calderdale"], Decimal(20000))],
            ballot_kind="approval",
            max_projects=2,
            official_rule="equalshares-net",
        )
        pot = made.pots.get()
        for title, cost in (("Library story sessions", 9000), ("Skate park repairs", 12000)):
            idea = services.propose_idea(
                actor=people["voter1"], pot=pot, title=title, description=title, postcode=POSTCODE
            )
            services.assess_idea(actor=people["officer"], idea=idea, cost=cost)
        try:
            yield made
        finally:
            Process.objects.filter(pk=made.pk).delete()
            AuditEvent.objects.filter(id__gt=last_event).delete()


@pytest.mark.django_db
def test_the_people_are_in_the_database(people):
    from commonweal.accounts.models import User

    assert User.objects.filter(email="browser.pb.officer@example.org").exists()


@pytest.fixture(params=[True, False], ids=["with JavaScript", "without JavaScript"])
def tab(request, browser):
    context, page = open_page(browser, javascript=request.param)
    try:
        yield page
    finally:
        if context.no_js_checker is not None:
            context.no_js_checker.context.close()
        context.close()


def check(page) -> None:
    """axe on the page; without JavaScript the checking page gets the same session."""
    checker = page.context.no_js_checker
    if checker is not None:
        checker.context.clear_cookies()
        checker.context.add_cookies(page.context.cookies())
    check_accessibility(page)


def vote(page, site, process, who, titles) -> None:
    sign_in(page, site, who)
    page.goto(f"{site}/budgets/{process.slug}/")
    page.get_by_role("link", name=re.compile(r"^Vote")).click()
    check(page)
    # A mistake first: no postcode and no declaration, so the error summary.
    page.get_by_label(titles[0]).check()
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.get_by_role("alert")).to_be_visible()
    check(page)
    for title in titles:
        page.get_by_label(title).check()
    page.get_by_role("button", name="Check my choices").click()
    expect(page.get_by_text(re.compile(r"Your choices cost £"))).to_be_visible()
    page.get_by_label("Your home postcode").fill(POSTCODE)
    page.get_by_label(re.compile("I confirm that I am 16 or older")).check()
    page.get_by_role("button", name="Cast my vote").click()
    expect(page.get_by_text("Your ballot has been recorded")).to_be_visible()


def advance(page, phase: str) -> None:
    page.get_by_role("button", name=f"Move to the {phase} phase").click()
    expect(page.get_by_text(f"now in its {phase} phase")).to_be_visible()


def test_propose_cost_vote_count_and_explain(tab, site, people, process):
    page = tab
    # A resident proposes an idea, with a mistake first.
    sign_in(page, site, people["proposer"])
    page.goto(f"{site}/budgets/")
    check(page)
    page.get_by_role("link", name=process.title).click()
    check(page)
    page.get_by_role("link", name="Propose an idea").click()
    check(page)
    page.get_by_label("Title").fill("Planters on Commercial Street")
    page.get_by_role("button", name="Publish the idea").click()
    expect(page.get_by_role("alert")).to_be_visible()
    check(page)
    page.get_by_label("Describe the idea").fill("Six planters with seasonal flowers.")
    page.get_by_label("Postcode of the place").fill(POSTCODE)
    page.get_by_role("button", name="Publish the idea").click()
    expect(page.get_by_role("heading", name="Planters on Commercial Street")).to_be_visible()
    check(page)

    # The officer costs it and opens voting.
    sign_in(page, site, people["officer"])
    page.goto(f"{site}/budgets/{process.slug}/")
    page.get_by_role("link", name="Planters on Commercial Street").click()
    page.get_by_role("link", name="Assess and cost this idea").click()
    check(page)
    page.get_by_label("Feasible: cost it and put it on the ballot").check()
    page.get_by_label("Cost (£), if feasible").fill("4500")
    page.get_by_label("Assessment or reason").fill("Feasible on the highway verge.")
    page.get_by_role("button", name="Publish the assessment").click()
    expect(page.get_by_text("£4,500").first).to_be_visible()
    page.goto(f"{site}/budgets/{process.slug}/")
    advance(page, "review and costing")
    advance(page, "voting")
    check(page)

    # Residents vote.
    vote(
        page,
        site,
        process,
        people["voter1"],
        ["Planters on Commercial Street", "Skate park repairs"],
    )
    vote(
        page,
        site,
        process,
        people["voter2"],
        ["Planters on Commercial Street", "Library story sessions"],
    )

    # The officer counts with equal shares and publishes the results.
    sign_in(page, site, people["officer"])
    page.goto(f"{site}/budgets/{process.slug}/")
    advance(page, "counting")
    page.get_by_role("button", name="Count the ballots with equalshares-net").click()
    expect(page.get_by_role("heading", name="Results", level=1)).to_be_visible()
    page.goto(f"{site}/budgets/{process.slug}/")
    advance(page, "results")

    # Anyone can read the outcome and why.
    page.context.clear_cookies()
    page.goto(f"{site}/budgets/{process.slug}/results/")
    check(page)
    row = page.get_by_role("row", name=re.compile("Planters on Commercial Street"))
    expect(row.get_by_text("Funded", exact=True)).to_be_visible()
    expect(row.get_by_text(re.compile("bought in round"))).to_be_visible()
    expect(page.get_by_text(re.compile("Counted with equalshares-net"))).to_be_visible()
    expect(page.get_by_role("heading", name="Compared with greedy counting")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile(r"\(\.pb\)"))).to_be_visible()
