"""What the accounts feature holds about a person, and how it forgets it."""

from django.utils import timezone

from commonweal.accounts.models import ApiToken, RoleAssignment
from commonweal.core import audit
from commonweal.core.models import AuditEvent


def account_data(user) -> dict:
    roles = RoleAssignment.objects.filter(user=user).select_related("authority")
    tokens = ApiToken.objects.filter(user=user)
    return {
        "account": {
            "id": user.pk,
            "email": user.email,
            "display_name": user.display_name,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_active": user.is_active,
            "erased_at": user.erased_at,
        },
        "roles": [
            {
                "role": assignment.role,
                "role_name": assignment.get_role_display(),
                "authority": (
                    {"gss_code": assignment.authority.gss_code, "name": assignment.authority.name}
                    if assignment.authority_id
                    else None
                ),
                "scope_type": assignment.scope_type,
                "scope_id": assignment.scope_id,
                "granted_at": assignment.granted_at,
                "revoked_at": assignment.revoked_at,
            }
            for assignment in roles
        ],
        "api_tokens": [
            {
                "name": token.name,
                "starts_with": token.prefix,
                "created_at": token.created_at,
                "last_used_at": token.last_used_at,
                "revoked_at": token.revoked_at,
            }
            for token in tokens
        ],
    }


def erase_account_data(user) -> None:
    """Revoke the person's roles and API tokens (the account row is pseudonymised last).

    A token's name is whatever the person typed, so it goes from the token and from the
    audit events about it (their `name` and their description of the token), which stay.
    """
    from commonweal.accounts.services import _revoke

    for assignment in RoleAssignment.objects.current().filter(user=user):
        _revoke(assignment, reason="account erased", actor=user)
    ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
    ApiToken.objects.filter(user=user).update(name=audit.ERASED)
    for token in ApiToken.objects.filter(user=user):
        audit.pseudonymise(
            AuditEvent.objects.for_object(token), keys=("name",), object_repr=str(token)
        )
