"""Who may do what in the directory (django-rules; anything not listed here is refused).

The object is an Organisation unless said otherwise. Group leaders and admins edit their
own group and nobody else's; officers act for the organisations of their authority.
"""

import rules

from commonweal.accounts.roles import (
    is_administrator,
    is_officer,
    is_officer_for_area,
    is_signed_in,
)


def _membership(user, organisation):
    if organisation is None or not getattr(user, "is_authenticated", False):
        return None
    cache = getattr(user, "_directory_roles", None)
    if cache is None:
        from commonweal.directory.models import Membership

        cache = dict(
            Membership.objects.current().filter(user=user).values_list("organisation_id", "role")
        )
        user._directory_roles = cache
    return cache.get(organisation.pk)


@rules.predicate
def is_member(user, organisation) -> bool:
    return _membership(user, organisation) is not None


@rules.predicate
def is_group_editor(user, organisation) -> bool:
    return _membership(user, organisation) in ("leader", "admin")


@rules.predicate
def is_group_leader(user, organisation) -> bool:
    return _membership(user, organisation) == "leader"


@rules.predicate
def is_listed(user, organisation) -> bool:
    return organisation is not None and organisation.status == "verified"


@rules.predicate
def officer_here(user, organisation) -> bool:
    return organisation is not None and is_officer_for_area(user, organisation)


staff = officer_here | is_administrator

rules.add_perm("directory.view_organisation", is_listed | is_group_editor | staff)
rules.add_perm("directory.add_organisation", is_signed_in)
rules.add_perm("directory.change_organisation", is_signed_in & (is_group_editor | staff))
rules.add_perm("directory.join_organisation", is_signed_in & is_listed & ~is_member)
rules.add_perm("directory.leave_organisation", is_signed_in & is_member)
rules.add_perm("directory.view_members", is_signed_in & (is_group_editor | staff))
rules.add_perm("directory.manage_members", is_signed_in & (is_group_leader | staff))
rules.add_perm("directory.manage_leader_contact", is_signed_in & is_group_leader)
rules.add_perm("directory.accept_conduct", is_signed_in & is_group_editor)
rules.add_perm("directory.manage_links", is_signed_in & (is_group_editor | staff))
rules.add_perm("directory.verify_organisation", is_signed_in & staff)
rules.add_perm("directory.override_classification", is_signed_in & staff)
# Not about one organisation: the object is None (or an authority for the queue).
rules.add_perm("directory.view_verification_queue", is_officer | is_administrator)
rules.add_perm("directory.publish_conduct", is_officer | is_administrator)
rules.add_perm("directory.manage_tags", is_officer | is_administrator)
rules.add_perm("directory.view_directory", rules.always_allow)
