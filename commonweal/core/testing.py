"""Helpers for every app's tests (html5lib is a test dependency: import this from tests only)."""

import html5lib
import pytest

# A password every test persona shares.
PASSWORD = "correct horse battery staple"  # noqa: S105 (test personas only)


def make_person(email: str, role: str | None = None, authority=None, **extra):
    """A person with an account and, if given, a role (scoped to an authority)."""
    from commonweal.accounts.models import RoleAssignment, User

    user = User.objects.create_user(email=email, password=PASSWORD, **extra)
    if role:
        RoleAssignment.objects.create(user=user, role=role, authority=authority)
    return user


def assert_valid_html(response, url: str = "") -> None:
    """The page parses as HTML with no errors (html5lib in strict mode); a failure names the
    place and shows the text around it."""
    parser = html5lib.HTMLParser(strict=True)
    text = response.content.decode()
    try:
        parser.parse(text)
    except html5lib.html5parser.ParseError as error:
        line, column = parser.errors[0][0] if parser.errors else (0, 0)
        lines = text.splitlines()
        context = lines[line - 1][max(column - 120, 0) : column + 40] if line else ""
        pytest.fail(f"{url}: {error} at line {line}, column {column}: {context!r}")
