import re

import pytest
from django.core import mail

from commonweal.accounts.models import User
from commonweal.core.models import AuditEvent

pytestmark = pytest.mark.django_db

GOOD = "a long and unusual pass phrase"


def sign_up(client, **overrides):
    data = {
        "email": "New.Person@Example.org",
        "display_name": "New Person",
        "password1": GOOD,
        "password2": GOOD,
    } | overrides
    return client.post("/accounts/sign-up/", data)


def test_sign_up_makes_a_resident_and_signs_them_in(client):
    page = client.get("/accounts/sign-up/").content.decode()
    assert "What we keep about you" in page
    response = sign_up(client)
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert user.display_name == "New Person"
    assert user.password.startswith("md5$") or user.password.startswith("argon2")
    assert not user.role_assignments.exists()
    assert not user.is_superuser
    assert not user.is_staff
    assert client.get("/accounts/").status_code == 200
    event = AuditEvent.objects.get(action="account.created")
    assert event.actor == user
    assert "example.org" not in event.object_repr


def test_argon2_is_the_configured_hasher():
    from commonweal import settings

    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": ""}, "email", "Enter your email address"),
        ({"email": "not-an-email"}, "email", "Enter an email address in the correct format"),
        ({"password2": "something else"}, "password2", "The passwords do not match"),
        ({"password1": "", "password2": ""}, "password1", "Enter a password"),
        ({"password1": "short", "password2": "short"}, "password1", "too short"),
        ({"password1": "password", "password2": "password"}, "password1", "too common"),
    ],
)
def test_sign_up_errors_are_shown_govuk_style(client, overrides, field, message):
    response = sign_up(client, **overrides)
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert f'href="#id_{field}"' in html
    assert "govuk-form-group--error" in html
    assert message in html
    assert not User.objects.exists()


def test_sign_up_refuses_an_address_already_used(client, resident):
    response = sign_up(client, email="RESIDENT@example.org")
    assert "An account with this email address already exists" in response.content.decode()
    assert User.objects.count() == 1


def test_sign_in_ignores_the_case_of_the_email(client, resident):
    response = client.post(
        "/accounts/sign-in/",
        {"username": "Resident@Example.org", "password": "correct horse battery staple"},
    )
    assert response.status_code == 302


def test_sign_out(client, resident):
    client.force_login(resident)
    assert client.post("/accounts/sign-out/").status_code == 302
    assert client.get("/accounts/").status_code == 302


def test_password_change(client, resident):
    client.force_login(resident)
    response = client.post(
        "/accounts/password/",
        {
            "old_password": "correct horse battery staple",
            "new_password1": GOOD,
            "new_password2": GOOD,
        },
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(GOOD)
    assert AuditEvent.objects.filter(action="account.password_changed", actor=resident).exists()


def test_password_change_with_the_wrong_current_password(client, resident):
    client.force_login(resident)
    response = client.post(
        "/accounts/password/",
        {"old_password": "wrong", "new_password1": GOOD, "new_password2": GOOD},
    )
    html = response.content.decode()
    assert "Your current password is not right" in html
    assert "govuk-error-summary" in html


def test_password_reset_by_email(client, resident):
    response = client.post("/accounts/password/reset/", {"email": "resident@example.org"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Reset your Commonweal password" in message.subject
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": GOOD, "new_password2": GOOD}
    )
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.check_password(GOOD)
    assert AuditEvent.objects.filter(action="account.password_changed").exists()


def test_password_reset_never_reveals_whether_an_address_has_an_account(client, resident):
    known = client.post("/accounts/password/reset/", {"email": "resident@example.org"})
    unknown = client.post("/accounts/password/reset/", {"email": "stranger@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
    sent = client.get(known["Location"]).content.decode()
    assert "If the address you entered belongs to an account" in sent


def test_erased_accounts_get_no_reset_email(client, resident):
    from commonweal.accounts.erasure import erase_account

    erase_account(actor=resident, user=resident)
    client.post("/accounts/password/reset/", {"email": "resident@example.org"})
    assert mail.outbox == []


def test_expired_reset_link(client, resident):
    page = client.get("/accounts/password/reset/MQ/not-a-token/")
    assert "This link has expired or been used" in page.content.decode()
