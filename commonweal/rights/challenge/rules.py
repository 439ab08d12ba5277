"""Who may do what in the right to challenge (django-rules; anything not listed is refused).

The public sees the services, windows and decisions. A group's leaders express an interest
for their group, and anyone signed in may do so as one of two or more employees; those who
submitted one (and their group's leaders) follow it. The council's officers run the
casework for their authority's services.
"""

import rules

from commonweal.accounts.models import Role
from commonweal.accounts.roles import has_role, is_administrator, is_officer, is_signed_in


def _authority_of(obj):
    """The authority an object belongs to: an authority, a service or an expression."""
    if obj is None:
        return None
    if hasattr(obj, "service"):
        obj = obj.service
    if hasattr(obj, "authority_id") and getattr(obj, "area_type", None) is None:
        return obj.authority_id
    return obj.pk


@rules.predicate
def officer_here(user, obj) -> bool:
    if obj is None:
        return is_officer(user)
    return has_role(user, Role.OFFICER, authority=_authority_of(obj))


def _editor_of(user, organisation) -> bool:
    from commonweal.directory.models import Membership

    if organisation is None or not getattr(user, "is_authenticated", False):
        return False
    return Membership.objects.editors().filter(user=user, organisation_id=organisation.pk).exists()


@rules.predicate
def may_act_for(user, organisation) -> bool:
    """For an organisation: one of its leaders or admins. None: as one of the employees."""
    return organisation is None or _editor_of(user, organisation)


@rules.predicate
def is_submitter(user, expression) -> bool:
    if expression is None or not getattr(user, "is_authenticated", False):
        return False
    return expression.submitted_by_id == user.pk or _editor_of(user, expression.organisation)


@rules.predicate
def is_decided(user, expression) -> bool:
    return expression is not None and expression.is_decided


staff = officer_here | is_administrator

rules.add_perm("challenge.view_services", rules.always_allow)
rules.add_perm("challenge.manage_services", is_signed_in & staff)
rules.add_perm("challenge.submit_expression", is_signed_in & (may_act_for | staff))
rules.add_perm("challenge.view_expression", is_decided | (is_signed_in & (is_submitter | staff)))
rules.add_perm("challenge.decide_expression", is_signed_in & staff)
rules.add_perm("challenge.answer_modification", is_signed_in & (is_submitter | staff))
rules.add_perm("challenge.view_dashboard", is_officer | is_administrator)
