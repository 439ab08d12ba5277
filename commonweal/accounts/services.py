"""Writes to accounts: each is atomic, takes a keyword-only actor and is audited.

Audit rows about an account name it by number, never by email address, so that
the trail stays free of personal details once a person erases their account.
"""

from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from commonweal.accounts import tokens
from commonweal.accounts.models import ApiToken, Role, RoleAssignment, User
from commonweal.core import audit
from commonweal.core.permissions import require

# Roles that may be held for one local authority (blank means every authority).
AUTHORITY_ROLES = {Role.OFFICER, Role.ORGANISER, Role.ASSESSOR}
GRANTABLE_ROLES = [role for role in Role if role != Role.RESIDENT]
PRIVACY_NOTICE_VERSION = "2026-11"


@dataclass(frozen=True)
class Operator:
    """Someone running a command on the server: trusted, but has no account to act as."""

    label: str = "command line"
    is_authenticated = False


def _authorise(actor, permission: str, obj=None) -> None:
    if isinstance(actor, Operator):
        return
    require(actor, permission, obj)


def _actor_fields(actor) -> dict:
    if isinstance(actor, Operator):
        return {"actor": None, "actor_label": actor.label}
    return {"actor": actor}


def account_label(user) -> str:
    return f"Account {user.pk}"


def _forget_roles(user) -> None:
    user.__dict__.pop("_role_cache", None)


# Signing up -------------------------------------------------------------------


@transaction.atomic
def sign_up(*, actor=None, email: str, password: str, display_name: str = "") -> User:
    """Create a resident's account. The actor is whoever is signing up (anonymous)."""
    email = User.objects.normalize_email(email).strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "An account with this email address already exists."})
    candidate = User(email=email, display_name=display_name.strip())
    validate_password(password, candidate)
    user = User.objects.create_user(
        email=email, password=password, display_name=display_name.strip()
    )
    audit.record(
        "account.created",
        actor=user,
        obj=user,
        object_repr=account_label(user),
        after={"privacy_notice": PRIVACY_NOTICE_VERSION, "how": "signed up"},
    )
    return user


@transaction.atomic
def create_account(
    *, actor, email: str, password: str | None = None, display_name: str = ""
) -> User:
    """Make an account for someone else (an operator or an administrator)."""
    _authorise(actor, "accounts.manage_roles")
    email = User.objects.normalize_email(email).strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ValidationError({"email": "An account with this email address already exists."})
    user = User.objects.create_user(email=email, password=password, display_name=display_name)
    audit.record(
        "account.created",
        obj=user,
        object_repr=account_label(user),
        after={"how": "made by an operator or administrator"},
        **_actor_fields(actor),
    )
    return user


@transaction.atomic
def record_password_change(*, actor, user, how: str) -> None:
    """Audit a password change made through Django's own views."""
    audit.record(
        "account.password_changed",
        obj=user,
        object_repr=account_label(user),
        after={"how": how},
        **_actor_fields(actor),
    )


# Roles ------------------------------------------------------------------------


def _assignment_state(assignment: RoleAssignment) -> dict:
    return {
        "user": assignment.user_id,
        "role": assignment.role,
        "authority": assignment.authority.gss_code if assignment.authority_id else None,
        "scope_type": assignment.scope_type,
        "scope_id": assignment.scope_id,
    }


@transaction.atomic
def grant_role(
    *, actor, user, role: str, authority=None, scope_type: str = "", scope_id: str = ""
) -> RoleAssignment:
    """Give a person a role. Only administrators (or an operator) may."""
    _authorise(actor, "accounts.manage_roles")
    if role not in GRANTABLE_ROLES:
        raise ValidationError({"role": "Choose a role to give."})
    if not user.is_active or user.erased_at:
        raise ValidationError("Roles cannot be given to an account that is closed or erased.")
    if authority is not None:
        if role not in AUTHORITY_ROLES:
            raise ValidationError(
                {
                    "authority": "Only officers, organisers and assessors "
                    "are held for one local authority."
                }
            )
        if authority.area_type != "lad":
            raise ValidationError({"authority": "Choose a local authority."})
    if role == Role.GROUP_LEADER and not (scope_type and scope_id):
        raise ValidationError({"scope_id": "Say which group the person leads."})
    if role != Role.GROUP_LEADER and (scope_type or scope_id):
        raise ValidationError({"scope_id": "Only group leaders are held for one group."})
    existing = RoleAssignment.objects.current().filter(
        user=user, role=role, authority=authority, scope_type=scope_type, scope_id=scope_id
    )
    if existing.exists():
        raise ValidationError("The person already has this role.")
    assignment = RoleAssignment.objects.create(
        user=user,
        role=role,
        authority=authority,
        scope_type=scope_type,
        scope_id=scope_id,
        granted_by=None if isinstance(actor, Operator) else actor,
    )
    audit.record(
        "role.granted", obj=assignment, after=_assignment_state(assignment), **_actor_fields(actor)
    )
    _forget_roles(user)
    return assignment


@transaction.atomic
def revoke_role(*, actor, assignment: RoleAssignment) -> RoleAssignment:
    """Take a role away. Only administrators (or an operator) may."""
    _authorise(actor, "accounts.manage_roles")
    assignment = RoleAssignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.revoked_at is not None:
        return assignment
    if assignment.role == Role.ADMINISTRATOR:
        others = (
            RoleAssignment.objects.current()
            .filter(role=Role.ADMINISTRATOR, user__is_active=True)
            .exclude(user_id=assignment.user_id)
        )
        if not others.exists():
            raise ValidationError(
                "This is the last administrator. Make someone else an administrator first."
            )
    return _revoke(assignment, reason="revoked", **_actor_fields(actor))


def _revoke(assignment: RoleAssignment, *, reason: str, actor=None, actor_label: str = ""):
    assignment.revoked_at = timezone.now()
    assignment.save(update_fields=["revoked_at"])
    audit.record(
        "role.revoked",
        actor=actor,
        actor_label=actor_label,
        obj=assignment,
        before=_assignment_state(assignment),
        after={"revoked_at": assignment.revoked_at.isoformat(), "reason": reason},
    )
    _forget_roles(assignment.user)
    return assignment


# API tokens -------------------------------------------------------------------


@transaction.atomic
def create_api_token(*, actor, name: str) -> tuple[ApiToken, str]:
    """Make a token for the actor. Returns the row and the token itself (shown once)."""
    require(actor, "accounts.use_api_tokens")
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Enter a name for the token."})
    raw = tokens.generate()
    token = ApiToken.objects.create(
        user=actor,
        name=name[:100],
        token_hash=tokens.hash_token(raw),
        prefix=raw[: len(tokens.TOKEN_PREFIX) + 5],
    )
    audit.record("api_token.created", actor=actor, obj=token, after={"name": token.name})
    return token, raw


@transaction.atomic
def revoke_api_token(*, actor, token: ApiToken) -> ApiToken:
    require(actor, "accounts.revoke_api_token", token)
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit.record(
        "api_token.revoked",
        actor=actor,
        obj=token,
        before={"revoked_at": None},
        after={"revoked_at": token.revoked_at.isoformat()},
    )
    return token


__all__ = [
    "Operator",
    "PermissionDenied",
    "create_account",
    "create_api_token",
    "grant_role",
    "revoke_api_token",
    "revoke_role",
    "sign_up",
]
