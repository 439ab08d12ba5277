"""Authentication for API operations.

Use ``auth=ApiTokenAuth()`` for operations only integrations call, and
``auth=session_or_token`` for operations people call from the site (with the
session cookie and a CSRF token) as well as from integrations (with
``Authorization: Bearer <token>``). Either way ``request.auth`` and
``request.user`` are the account; what it may do is still decided by
``commonweal.core.permissions``.
"""

from ninja.security import HttpBearer, SessionAuth

from commonweal.accounts.tokens import user_for_token


class ApiTokenAuth(HttpBearer):
    """Authorization: Bearer <token>, for tokens made on the "API tokens" page."""

    def authenticate(self, request, token: str):
        user = user_for_token(token)
        if user is None:
            return None
        request.user = user
        return user


class SessionCookieAuth(SessionAuth):
    """Django's session, with the CSRF check; refuses inactive accounts."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user is None or not user.is_active:
            return None
        return user


# The token is tried first: the session check enforces CSRF on unsafe methods,
# which a token-only integration never sends.
session_or_token = [ApiTokenAuth(), SessionCookieAuth()]

__all__ = ["ApiTokenAuth", "session_or_token"]
