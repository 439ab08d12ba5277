"""Community asset transfer in a real browser: an officer offers an asset from the council's
register, a group's leader asks for it with a business case, the officer scores the request
and approves it on terms, and the public list shows the decision. Every page on the way has
no accessibility violations axe can find, with and without JavaScript.

The journey writes through the live server's own connection, so it holds no transaction of
its own; the people, group and assets it uses are made (committed) before the module and
removed after it, with what the journeys wrote and the audit events.
"""

import re

import pytest

from tests.browser.test_challenge_journey import PASSWORD, as_person, sign_out, tab  # noqa: F401
from tests.browser.test_places_journey import check_accessibility

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def cast(django_db_setup, django_db_blocker):
    from commonweal.accounts.models import Role, RoleAssignment, User
    from commonweal.core.models import AuditEvent
    from commonweal.directory import services as directory
    from commonweal.directory.models import Organisation
    from commonweal.places.models import Area, AreaType
    from commonweal.rights.transfer import services
    from commonweal.rights.transfer.models import LandAsset, TransferOffer, TransferRequest

    with django_db_blocker.unblock():
        last_event = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
        calderdale = Area.objects.get(area_type=AreaType.LOCAL_AUTHORITY, gss_code="E08000033")
        people = {
            key: User.objects.create_user(
                email=f"browser.transfer.{key}@example.org", password=PASSWORD, display_name=name
            )
            for key, name in [("leader", "Tia Leader"), ("officer", "Ola Officer")]
        }
        RoleAssignment.objects.create(
            user=people["officer"], role=Role.OFFICER, authority=calderdale
        )
        group = directory.register_organisation(
            actor=people["leader"],
            authority=calderdale,
            name="Browser Test Hall Friends",
            kind="charity",
        )
        directory.set_benefit(actor=people["leader"], organisation=group, borough_wide=True)
        directory.verify_organisation(actor=people["officer"], organisation=group)
        # One asset for each run, since an asset is offered only once at a time.
        assets = {
            javascript: services.add_asset(
                actor=people["officer"],
                authority=calderdale,
                asset_code=f"BROWSER-TEST-{suffix}",
                name=f"Browser Test Hall {suffix}",
            )
            for javascript, suffix in [(True, "JS"), (False, "NOJS")]
        }
        try:
            yield {"people": people, "group": group, "assets": assets}
        finally:
            offers = TransferOffer.objects.filter(asset__in=assets.values())
            TransferRequest.objects.filter(offer__in=offers).delete()
            offers.delete()
            LandAsset.objects.filter(pk__in=[a.pk for a in assets.values()]).delete()
            Organisation.records.filter(pk=group.pk).delete()
            AuditEvent.objects.filter(id__gt=last_event).delete()
            RoleAssignment.objects.filter(user__in=people.values()).delete()
            User.objects.filter(pk__in=[p.pk for p in people.values()]).delete()


@pytest.mark.django_db
def test_the_cast_is_in_the_database(cast):
    from commonweal.rights.transfer.models import LandAsset

    assert LandAsset.objects.filter(pk=cast["assets"][True].pk).exists()


def test_an_officer_offers_a_group_asks_the_officer_approves_and_the_public_sees_it(
    tab,  # noqa: F811
    site,
    cast,
    request,
):
    page = tab
    asset = cast["assets"][request.node.callspec.params["tab"]]
    title = f"{asset.name} for community use"

    as_person(page, site, cast["people"]["officer"])
    page.goto(site + f"/rights/asset-transfer/officer/assets/{asset.pk}/offer/")
    assert page.get_by_role("heading", level=1).inner_text() == f"Offer {asset.name} for transfer"
    check_accessibility(page)
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Criterion 1", exact=True).fill("Benefit to the community")
    page.get_by_role("button", name="Offer the asset").click()
    page.wait_for_url(re.compile(r"/offers/[-a-z0-9]+/$"))
    assert page.get_by_role("heading", level=1).inner_text() == title
    check_accessibility(page)
    sign_out(page)

    as_person(page, site, cast["people"]["leader"])
    page.goto(site + "/rights/asset-transfer/")
    check_accessibility(page)
    page.get_by_role("link", name=title).click()
    page.get_by_role("button", name="Ask to take it over").click()
    page.wait_for_url(re.compile(r"/ask/$"))
    check_accessibility(page)

    # Without a business case first: the error summary says what is missing.
    page.get_by_label(cast["group"].name).check()
    page.get_by_label("What would you use it for?").fill("A community hall and café.")
    page.get_by_label("Freehold").check()
    page.get_by_role("button", name="Send the request").click()
    assert "business case" in page.get_by_role("alert").inner_text()
    check_accessibility(page)
    page.get_by_label("Your business case").fill("Hire income of £12,000 a year pays the upkeep.")
    page.get_by_role("button", name="Send the request").click()
    page.wait_for_url(re.compile(r"/requests/[-A-Z0-9]+/$"))
    reference = page.get_by_role("heading", level=1).inner_text().rsplit(" ", 1)[-1]
    assert "has been sent" in page.locator("main").inner_text()
    check_accessibility(page)
    sign_out(page)

    as_person(page, site, cast["people"]["officer"])
    page.goto(site + "/rights/asset-transfer/officer/")
    check_accessibility(page)
    page.locator("main").get_by_role("link", name=reference).first.click()
    page.wait_for_url(re.compile(rf"/officer/requests/{reference}/$"))
    check_accessibility(page)
    page.get_by_label("Score", exact=True).fill("4")
    page.get_by_label("Notes", exact=True).fill("Clear benefit to the neighbourhood.")
    page.get_by_role("button", name=re.compile("Save the score")).click()
    page.wait_for_url(re.compile(rf"/officer/requests/{reference}/$"))
    assert page.get_by_label("Score", exact=True).input_value() == "4"
    check_accessibility(page)
    page.get_by_label("A lease", exact=True).check()
    page.get_by_label("Lease length in years").fill("25")
    page.get_by_label("Rent a year (£)").fill("1")
    page.get_by_label("Market value (£)").fill("90000")
    page.get_by_label("Price or premium the group pays (£)").fill("0")
    page.get_by_label("Reasons for the decision").fill("A sound plan with wide local support.")
    page.get_by_role("button", name="Approve the transfer").click()
    page.wait_for_url(re.compile(rf"/officer/requests/{reference}/$"))
    assert "Approved" in page.locator("main").inner_text()
    check_accessibility(page)
    sign_out(page)

    page.goto(site + "/rights/asset-transfer/")
    decisions = page.get_by_role("table").filter(has_text="Decisions on requests")
    assert title in decisions.inner_text()
    assert "wide local support" in decisions.inner_text()
    check_accessibility(page)
