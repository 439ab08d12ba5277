"""Role checks and django-rules predicates shared by every app.

Permissions are deny by default: a permission that no app has registered is
refused, and every registered permission names the roles that hold it.
"""

import rules

from commonweal.accounts.models import Role, RoleAssignment


def _assignments(user):
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return RoleAssignment.objects.none()
    cache = getattr(user, "_role_cache", None)
    if cache is None:
        cache = list(RoleAssignment.objects.current().filter(user=user))
        user._role_cache = cache
    return cache


def has_role(user, role: str, authority=None) -> bool:
    """Whether the user holds `role` (for `authority`, if given).

    An assignment with no authority holds everywhere. Administrators hold
    every role.
    """
    for assignment in _assignments(user):
        if assignment.role == Role.ADMINISTRATOR:
            return True
        if assignment.role != role:
            continue
        if authority is None or assignment.authority_id in (None, _pk(authority)):
            return True
    return False


def authorities_for(user, role: str) -> list[int] | None:
    """Primary keys of the authorities the user holds `role` for; None means all."""
    ids: list[int] = []
    for assignment in _assignments(user):
        if assignment.role == Role.ADMINISTRATOR:
            return None
        if assignment.role == role:
            if assignment.authority_id is None:
                return None
            ids.append(assignment.authority_id)
    return ids


def _pk(obj) -> int | None:
    return getattr(obj, "pk", obj)


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active)


@rules.predicate
def is_administrator(user) -> bool:
    return has_role(user, Role.ADMINISTRATOR)


@rules.predicate
def is_officer(user) -> bool:
    return has_role(user, Role.OFFICER)


@rules.predicate
def is_officer_for_area(user, area) -> bool:
    """An officer of the authority that the area (or authority) belongs to."""
    if area is None:
        return has_role(user, Role.OFFICER)
    authority_id = getattr(area, "authority_id", None) or getattr(area, "pk", None)
    return has_role(user, Role.OFFICER, authority=authority_id)


@rules.predicate
def is_organiser(user) -> bool:
    return has_role(user, Role.ORGANISER)


@rules.predicate
def is_assessor(user) -> bool:
    return has_role(user, Role.ASSESSOR)
