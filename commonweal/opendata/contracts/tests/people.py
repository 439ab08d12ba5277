"""People for these tests, made as the root conftest makes its personas."""

from commonweal.accounts.models import RoleAssignment, User


def make_person(email: str, role: str | None = None, authority=None) -> User:
    user = User.objects.create_user(email=email, password="correct horse battery staple")
    if role:
        RoleAssignment.objects.create(user=user, role=role, authority=authority)
    return user
