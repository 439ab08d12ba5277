import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command

from commonweal.accounts import services
from commonweal.accounts.models import Role, RoleAssignment, User
from commonweal.accounts.roles import has_role
from commonweal.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_administrator_grants_a_scoped_role_and_it_is_audited(administrator, resident, calderdale):
    assignment = services.grant_role(
        actor=administrator, user=resident, role=Role.OFFICER, authority=calderdale
    )
    assert assignment.granted_by == administrator
    assert has_role(resident, Role.OFFICER, authority=calderdale)
    event = AuditEvent.objects.get(action="role.granted")
    assert event.actor == administrator
    assert event.object_type == "accounts.roleassignment"
    assert event.after == {
        "user": resident.pk,
        "role": "officer",
        "authority": "E08000033",
        "scope_type": "",
        "scope_id": "",
    }
    assert resident.email not in str(event.after)


def test_scoped_role_does_not_hold_elsewhere(administrator, resident, calderdale, trafford):
    services.grant_role(actor=administrator, user=resident, role=Role.OFFICER, authority=calderdale)
    assert not has_role(resident, Role.OFFICER, authority=trafford)


@pytest.mark.parametrize("persona", ["resident", "organiser", "officer", "assessor"])
def test_only_administrators_may_grant(request, persona, other_resident):
    actor = request.getfixturevalue(persona)
    with pytest.raises(PermissionDenied):
        services.grant_role(actor=actor, user=other_resident, role=Role.ADMINISTRATOR)
    assert not other_resident.role_assignments.exists()
    assert not AuditEvent.objects.filter(action="role.granted").exists()


def test_anonymous_may_not_grant(other_resident):
    with pytest.raises(PermissionDenied):
        services.grant_role(actor=AnonymousUser(), user=other_resident, role=Role.OFFICER)


@pytest.mark.parametrize("persona", ["resident", "organiser", "officer", "assessor"])
def test_only_administrators_may_revoke(request, persona, organiser):
    actor = request.getfixturevalue(persona)
    assignment = organiser.role_assignments.get()
    with pytest.raises(PermissionDenied):
        services.revoke_role(actor=actor, assignment=assignment)
    assignment.refresh_from_db()
    assert assignment.revoked_at is None


def test_revoke_is_audited_and_keeps_the_row(administrator, organiser):
    assignment = organiser.role_assignments.get()
    services.revoke_role(actor=administrator, assignment=assignment)
    assignment.refresh_from_db()
    assert assignment.revoked_at is not None
    assert not has_role(User.objects.get(pk=organiser.pk), Role.ORGANISER)
    event = AuditEvent.objects.get(action="role.revoked")
    assert event.actor == administrator
    assert event.before["role"] == "organiser"


def test_last_administrator_cannot_be_removed(administrator):
    with pytest.raises(ValidationError, match="last administrator"):
        services.revoke_role(actor=administrator, assignment=administrator.role_assignments.get())


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": Role.RESIDENT}, "Choose a role"),
        ({"role": "wizard"}, "Choose a role"),
        ({"role": Role.GROUP_LEADER}, "which group"),
        ({"role": Role.OFFICER, "scope_type": "x", "scope_id": "1"}, "Only group leaders"),
        ({"role": Role.ADMINISTRATOR, "authority": "calderdale"}, "Only officers"),
    ],
)
def test_invalid_grants_are_refused(administrator, resident, calderdale, kwargs, message):
    if kwargs.get("authority") == "calderdale":
        kwargs["authority"] = calderdale
    with pytest.raises(ValidationError, match=message):
        services.grant_role(actor=administrator, user=resident, **kwargs)


def test_authority_must_be_a_local_authority(administrator, resident, calderdale):
    from commonweal.places.models import Area

    ward = Area.objects.create(gss_code="E05001234", name="A ward", area_type="ward")
    with pytest.raises(ValidationError, match="local authority"):
        services.grant_role(actor=administrator, user=resident, role=Role.OFFICER, authority=ward)


def test_group_leader_is_scoped_to_a_group(administrator, resident):
    assignment = services.grant_role(
        actor=administrator,
        user=resident,
        role=Role.GROUP_LEADER,
        scope_type="directory.group",
        scope_id="42",
    )
    assert (assignment.scope_type, assignment.scope_id) == ("directory.group", "42")


def test_the_same_role_twice_is_refused(administrator, organiser):
    with pytest.raises(ValidationError, match="already has"):
        services.grant_role(actor=administrator, user=organiser, role=Role.ORGANISER)


def test_grant_rolls_back_if_the_audit_fails(administrator, resident, monkeypatch):
    from commonweal.core import audit

    def broken(*args, **kwargs):
        raise RuntimeError("audit down")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(RuntimeError):
        services.grant_role(actor=administrator, user=resident, role=Role.ASSESSOR)
    assert not RoleAssignment.objects.filter(user=resident).exists()


# The administrators' page ---------------------------------------------------------


def test_find_a_person_and_give_them_a_role(client, administrator, resident, calderdale):
    client.force_login(administrator)
    page = client.get("/accounts/people/", {"email": "resident@"})
    assert resident.email in page.content.decode()
    response = client.post(
        f"/accounts/people/{resident.pk}/", {"role": "officer", "authority": calderdale.pk}
    )
    assert response.status_code == 302
    assert has_role(User.objects.get(pk=resident.pk), Role.OFFICER, authority=calderdale)
    page = client.get(f"/accounts/people/{resident.pk}/").content.decode()
    assert "Council officer" in page
    assert "Calderdale" in page


def test_grant_form_shows_errors(client, administrator, resident):
    client.force_login(administrator)
    response = client.post(f"/accounts/people/{resident.pk}/", {"role": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "govuk-error-summary" in html
    assert "Choose a role to give" in html
    response = client.post(f"/accounts/people/{resident.pk}/", {"role": "group_leader"})
    assert "Say which group" in response.content.decode()


def test_people_nav_item_only_for_administrators(client, administrator, officer):
    client.force_login(officer)
    assert 'href="/accounts/people/"' not in client.get("/accounts/").content.decode()
    client.force_login(administrator)
    assert 'href="/accounts/people/"' in client.get("/accounts/").content.decode()


# Operators' commands ----------------------------------------------------------------


def test_create_command_makes_an_officer(calderdale, capsys):
    call_command(
        "accounts_create",
        "Demo.Officer@Example.org",
        "--password",
        "a long demo pass phrase",
        "--role",
        "officer",
        "--authority",
        "E08000033",
    )
    out = capsys.readouterr().out
    assert "Created account demo.officer@example.org as Council officer for Calderdale" in out
    user = User.objects.get(email="demo.officer@example.org")
    assert user.check_password("a long demo pass phrase")
    assert not user.is_superuser
    assert has_role(user, Role.OFFICER, authority=calderdale)
    event = AuditEvent.objects.get(action="role.granted")
    assert event.actor is None
    assert event.actor_label == "command line"


def test_create_command_without_password(capsys):
    call_command("accounts_create", "new@example.org")
    assert "no password yet" in capsys.readouterr().out
    assert not User.objects.get(email="new@example.org").has_usable_password()


def test_create_command_refuses_a_duplicate(resident):
    with pytest.raises(CommandError, match="already exists"):
        call_command("accounts_create", "RESIDENT@example.org")


def test_create_command_is_all_or_nothing():
    with pytest.raises(CommandError, match="No local authority"):
        call_command("accounts_create", "x@example.org", "--role", "officer", "--authority", "E0")
    assert not User.objects.filter(email="x@example.org").exists()


def test_grant_command(resident, calderdale, capsys):
    call_command("accounts_grant", "resident@example.org", "assessor", "--authority", "e08000033")
    assert "is now: Assessor for Calderdale" in capsys.readouterr().out
    assert has_role(resident, Role.ASSESSOR, authority=calderdale)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nobody@example.org", "officer"], "No account"),
        (["resident@example.org", "wizard"], "no role called"),
        (["resident@example.org", "administrator", "--authority", "E08000033"], "Only officers"),
    ],
)
def test_grant_command_explains_mistakes(resident, calderdale, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("accounts_grant", *args)


def test_the_cli_runs_the_two_word_command():
    from commonweal.cli import _resolve

    assert _resolve(["accounts", "grant", "a@b", "officer"])[0] == "accounts_grant"
    assert _resolve(["accounts", "create", "a@b"])[0] == "accounts_create"
