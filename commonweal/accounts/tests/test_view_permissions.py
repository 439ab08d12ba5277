"""Every accounts page for every persona: who gets it, who must sign in, who is refused."""

import pytest

from commonweal.accounts.tests.conftest import PERSONAS

pytestmark = pytest.mark.django_db

SIGNED_IN_ONLY = {"anonymous": 302} | {p: 200 for p in PERSONAS if p != "anonymous"}
ADMIN_ONLY = {"anonymous": 302} | {p: 403 for p in PERSONAS if p != "anonymous"}
ADMIN_ONLY["administrator"] = 200
EVERYONE = dict.fromkeys(PERSONAS, 200)
SIGNED_OUT_ONLY = {"anonymous": 200} | {p: 302 for p in PERSONAS if p != "anonymous"}

PAGES = [
    ("/accounts/", SIGNED_IN_ONLY),
    ("/accounts/sign-in/", EVERYONE),
    ("/accounts/sign-up/", SIGNED_OUT_ONLY),
    ("/accounts/password/", SIGNED_IN_ONLY),
    ("/accounts/password/changed/", SIGNED_IN_ONLY),
    ("/accounts/password/reset/", EVERYONE),
    ("/accounts/password/reset/sent/", EVERYONE),
    ("/accounts/password/reset/done/", EVERYONE),
    ("/accounts/your-data/", SIGNED_IN_ONLY),
    ("/accounts/your-data/download/", SIGNED_IN_ONLY),
    ("/accounts/erase/", SIGNED_IN_ONLY),
    ("/accounts/api-tokens/", SIGNED_IN_ONLY),
    ("/accounts/people/", ADMIN_ONLY),
    ("/accounts/people/?email=example", ADMIN_ONLY),
]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize(("url", "expected"), PAGES, ids=[url for url, _ in PAGES])
def test_page_status_for_each_persona(signed_in, persona, url, expected):
    response = signed_in(persona).get(url)
    assert response.status_code == expected[persona], (url, persona)
    if expected[persona] == 302 and persona == "anonymous":
        assert response["Location"].startswith("/accounts/sign-in/")
    if expected[persona] == 403:
        assert b"You do not have permission" in response.content


@pytest.mark.parametrize("persona", PERSONAS)
def test_person_page_is_for_administrators_only(signed_in, persona, resident):
    response = signed_in(persona).get(f"/accounts/people/{resident.pk}/")
    assert response.status_code == ADMIN_ONLY[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_giving_a_role_is_for_administrators_only(signed_in, persona, other_resident):
    response = signed_in(persona).post(
        f"/accounts/people/{other_resident.pk}/", {"role": "organiser"}
    )
    expected = {"administrator": 302} | {p: ADMIN_ONLY[p] for p in PERSONAS[:-1]}
    assert response.status_code == expected[persona]
    assert other_resident.role_assignments.exists() == (persona == "administrator")


@pytest.mark.parametrize("persona", PERSONAS)
def test_taking_a_role_away_is_for_administrators_only(signed_in, persona, organiser):
    assignment = organiser.role_assignments.get()
    response = signed_in(persona).post(
        f"/accounts/people/{organiser.pk}/roles/{assignment.pk}/revoke/"
    )
    expected = {"administrator": 302} | {p: ADMIN_ONLY[p] for p in PERSONAS[:-1]}
    assert response.status_code == expected[persona]
    assignment.refresh_from_db()
    assert (assignment.revoked_at is not None) == (persona == "administrator")


@pytest.mark.parametrize("persona", PERSONAS)
def test_revoking_someone_elses_token_is_not_found(signed_in, persona, other_resident, token_for):
    token, _ = token_for(other_resident)
    response = signed_in(persona).post(f"/accounts/api-tokens/{token.pk}/revoke/")
    assert response.status_code == (302 if persona == "anonymous" else 404)
    token.refresh_from_db()
    assert token.revoked_at is None


def test_revoke_needs_post(signed_in, resident, token_for):
    token, _ = token_for(resident)
    assert signed_in("resident").get(f"/accounts/api-tokens/{token.pk}/revoke/").status_code == 405
