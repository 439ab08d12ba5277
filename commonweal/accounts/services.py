"""Writes to accounts: each is atomic, takes a keyword-only actor and is audited."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from commonweal.accounts import tokens
from commonweal.accounts.models import ApiToken
from commonweal.core import audit
from commonweal.core.permissions import require


@transaction.atomic
def create_api_token(*, actor, name: str) -> tuple[ApiToken, str]:
    """Make a token for the actor. Returns the row and the token itself (shown once)."""
    require(actor, "accounts.use_api_tokens")
    name = name.strip()
    if not name:
        raise ValueError("A token needs a name.")
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


__all__ = ["PermissionDenied", "create_api_token", "revoke_api_token"]
