"""Erasing an account: every feature forgets the person; the audit trail stays whole.

The account row is kept but pseudonymised, so audit events still point at one
(now anonymous) actor and nothing else has to be rewritten.
"""

from django.contrib.auth.hashers import check_password
from django.db import transaction
from django.utils import timezone

from commonweal.accounts.models import User
from commonweal.accounts.services import account_label
from commonweal.core import audit, personal_data
from commonweal.core.permissions import require

ERASED_DOMAIN = "erased.invalid"


def erased_email(user) -> str:
    return f"erased-{user.pk}@{ERASED_DOMAIN}"


@transaction.atomic
def erase_account(*, actor, user: User) -> User:
    require(actor, "accounts.erase_account", user)
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.erased_at is not None:
        return user
    features = personal_data.run_erasers(user)
    user.email = erased_email(user)
    user.display_name = ""
    user.set_unusable_password()
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.last_login = None
    user.erased_at = timezone.now()
    user.save()
    user.user_permissions.clear()
    user.groups.clear()
    audit.record(
        "account.erased",
        actor=actor,
        obj=user,
        object_repr=account_label(user),
        after={"erased_at": user.erased_at.isoformat(), "features": features},
    )
    return user


def confirms_erasure(user, *, password: str = "", typed: str = "") -> bool:
    """The person re-entered their password, or typed "erase" if they have none."""
    if user.has_usable_password():
        return bool(password) and check_password(password, user.password)
    return typed.strip().lower() == "erase"
