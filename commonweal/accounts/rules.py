"""Permissions for accounts (django-rules; anything not listed here is refused)."""

import rules

from commonweal.accounts.roles import is_administrator, is_signed_in


@rules.predicate
def owns_token(user, token) -> bool:
    return token is not None and token.user_id == user.pk


@rules.predicate
def is_self(user, person) -> bool:
    return person is not None and person.pk == user.pk


rules.add_perm("accounts.use_api_tokens", is_signed_in)
rules.add_perm("accounts.revoke_api_token", is_signed_in & (owns_token | is_administrator))
rules.add_perm("accounts.manage_roles", is_administrator)
rules.add_perm("accounts.view_own_data", is_signed_in)
rules.add_perm("accounts.erase_account", is_signed_in & (is_self | is_administrator))
