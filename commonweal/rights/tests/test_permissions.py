"""Every right to bid page, for every persona: deny by default, and each sees what the
rules say (nominators their own cases, owners the notices about their land, officers the
casework, the public the registers)."""

import pytest
from django.urls import reverse

from commonweal.rights.models import NoticeKind, Recipient
from commonweal.rights.tests.conftest import PERSONAS, nominate

pytestmark = pytest.mark.django_db

ALL = dict.fromkeys(PERSONAS, 200)
SIGNED_IN = {**ALL, "anonymous": 302}
OFFICERS = {
    "anonymous": 302,
    "resident": 403,
    "nominator": 403,
    "owner": 403,
    "parish": 403,
    "organiser": 403,
    "officer": 200,
    "other_officer": 200,
    "administrator": 200,
}
CASEWORK = {**OFFICERS, "other_officer": 403}
OWNER = {**CASEWORK, "owner": 200}
UNDECIDED = {
    **dict.fromkeys(PERSONAS, 404),
    "nominator": 200,
    "owner": 200,
    "officer": 200,
    "administrator": 200,
}
NOMINATOR_NOTICE = {**CASEWORK, "nominator": 200}


def _client(client, people, persona):
    if persona != "anonymous":
        client.force_login(people[persona])
    return client


def _check(client, people, url, expected):
    for persona in PERSONAS:
        client.logout()
        response = _client(client, people, persona).get(url)
        assert response.status_code == expected[persona], (persona, url, response.status_code)


@pytest.fixture
def undecided(people, calderdale, group, parish, pub_boundary):
    return nominate(
        people, calderdale, group, pub_boundary, parish=parish, owner_user=people["owner"]
    )


def test_public_register_and_exports(client, people, listed):
    for name in ("rights:register", "rights:register_csv", "rights:register_geojson"):
        _check(client, people, reverse(name), ALL)


def test_a_listed_entry_is_public(client, people, listed):
    _check(client, people, reverse("rights:entry", args=[listed.reference]), ALL)


def test_an_undecided_case_only_for_its_nominator_owner_and_officers(client, people, undecided):
    _check(client, people, reverse("rights:entry", args=[undecided.reference]), UNDECIDED)


def test_nominating_and_your_cases_need_an_account(client, people, listed):
    _check(client, people, reverse("rights:nominate"), SIGNED_IN)
    _check(client, people, reverse("rights:yours"), SIGNED_IN)
    _check(client, people, reverse("rights:ask_to_bid", args=[listed.reference]), SIGNED_IN)


def test_dashboard_for_officers(client, people, listed):
    _check(client, people, reverse("rights:dashboard"), OFFICERS)


def test_casework_for_officers_of_the_authority(client, people, listed):
    _check(client, people, reverse("rights:case", args=[listed.reference]), CASEWORK)
    for action in ("decide", "disposal-notice", "bidder-request", "disposal", "compensation"):
        url = reverse("rights:case_action", args=[listed.reference, action])
        _check(client, people, url, CASEWORK)


def test_owners_give_notice_and_ask_for_review(client, people, listed):
    _check(client, people, reverse("rights:owner_notice", args=[listed.reference]), OWNER)
    _check(client, people, reverse("rights:owner_review", args=[listed.reference]), OWNER)


def test_owners_see_the_notices_about_their_land(client, people, listed):
    to_owner = listed.notices.get(kind=NoticeKind.LISTED, recipient=Recipient.OWNER)
    for name in ("rights:notice", "rights:notice_pdf"):
        _check(client, people, reverse(name, args=[to_owner.pk]), OWNER)


def test_nominators_see_their_notices(client, people, listed):
    to_nominator = listed.notices.get(kind=NoticeKind.LISTED, recipient=Recipient.NOMINATOR)
    _check(client, people, reverse("rights:notice", args=[to_nominator.pk]), NOMINATOR_NOTICE)
    to_parish = listed.notices.get(kind=NoticeKind.LISTED, recipient=Recipient.PARISH)
    _check(
        client,
        people,
        reverse("rights:notice", args=[to_parish.pk]),
        {**CASEWORK, "parish": 200},
    )
