"""API tokens: generating them and finding the account a token belongs to.

Tokens look like ``cw_<43 url-safe characters>``. Only their SHA-256 hash is
stored, so a copy of the database cannot be used to call the API.
"""

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

from commonweal.accounts.models import ApiToken

TOKEN_PREFIX = "cw_"  # noqa: S105 (a marker, not a secret)
# Record last use at most this often, so each API call is not also a write.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def generate() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def user_for_token(raw: str):
    """The active account an unrevoked token belongs to, or None."""
    if not raw or not raw.startswith(TOKEN_PREFIX) or len(raw) > 200:
        return None
    token = (
        ApiToken.objects.active().select_related("user").filter(token_hash=hash_token(raw)).first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
