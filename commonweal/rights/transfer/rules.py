"""Who may do what in community asset transfer (django-rules; anything not listed is refused).

The public sees the register, the assets offered and the decisions. A group's leaders ask
for an asset, alone or in a joint request they were invited to; the council's officers
offer assets, invite joint bids, assess requests and decide them for their authority.
"""

import rules

from commonweal.accounts.models import Role
from commonweal.accounts.roles import has_role, is_administrator, is_officer, is_signed_in


def _authority_id(obj):
    """The authority of an authority, asset, offer or request."""
    if obj is None:
        return None
    for step in ("offer", "asset"):
        obj = getattr(obj, step, obj)
    if getattr(obj, "area_type", None) is not None:
        return obj.pk
    return getattr(obj, "authority_id", None)


@rules.predicate
def officer_here(user, obj) -> bool:
    if obj is None:
        return is_officer(user)
    return has_role(user, Role.OFFICER, authority=_authority_id(obj))


def _editor_ids(user) -> set[int]:
    from commonweal.directory.models import Membership

    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Membership.objects.editors().filter(user=user).values_list("organisation_id", flat=True)
    )


@rules.predicate
def leads_organisation(user, organisation) -> bool:
    return organisation is not None and organisation.pk in _editor_ids(user)


@rules.predicate
def is_party(user, request) -> bool:
    if request is None:
        return False
    parties = set(request.parties.values_list("organisation_id", flat=True))
    return bool(parties & _editor_ids(user))


@rules.predicate
def is_decided(user, request) -> bool:
    return request is not None and request.is_decided


staff = officer_here | is_administrator

rules.add_perm("assettransfer.view_register", rules.always_allow)
rules.add_perm("assettransfer.manage_offers", is_signed_in & staff)
rules.add_perm(
    "assettransfer.submit_request", is_signed_in & (leads_organisation | is_administrator)
)
rules.add_perm("assettransfer.view_request", is_decided | (is_signed_in & (is_party | staff)))
rules.add_perm("assettransfer.complete_request", is_signed_in & is_party)
rules.add_perm("assettransfer.assess_request", is_signed_in & staff)
rules.add_perm("assettransfer.decide_request", is_signed_in & staff)
rules.add_perm("assettransfer.view_dashboard", is_officer | is_administrator)
