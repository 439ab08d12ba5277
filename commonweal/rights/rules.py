"""Who may do what in community rights (django-rules; anything not listed here is refused).

The right to bid: the public sees the registers; nominators (leaders and admins of the
nominating group) see their own cases; an owner linked to a case sees it and the notices
about their land, and may give notice or ask for a review; officers of the authority (and
administrators) run the casework. The object is a Nomination unless said otherwise.
"""

import rules

from commonweal.accounts.roles import (
    is_administrator,
    is_officer,
    is_officer_for_area,
    is_signed_in,
)

# The officer's timeline calculator computes public law from the dates given: anyone may use it.
rules.add_perm("rights.view_timeline", rules.always_allow)


def _editor_of(user, organisation) -> bool:
    if organisation is None or not getattr(user, "is_authenticated", False):
        return False
    from commonweal.directory.models import Membership

    return Membership.objects.editors().filter(user=user, organisation_id=organisation.pk).exists()


@rules.predicate
def is_nominator(user, nomination) -> bool:
    return nomination is not None and _editor_of(user, nomination.nominator)


@rules.predicate
def is_owner(user, nomination) -> bool:
    return (
        nomination is not None
        and nomination.owner_user_id is not None
        and nomination.owner_user_id == user.pk
    )


@rules.predicate
def officer_here(user, nomination) -> bool:
    return nomination is not None and is_officer_for_area(user, nomination.authority)


@rules.predicate
def on_register(user, nomination) -> bool:
    return nomination is not None and nomination.status != "received"


@rules.predicate
def edits_organisation(user, organisation) -> bool:
    return _editor_of(user, organisation)


@rules.predicate
def may_see_notice(user, notice) -> bool:
    """An officer of the authority; the owner for owner's and occupier's notices (and
    notices for the public); the nominator's and parish's editors for theirs."""
    if notice is None:
        return False
    nomination = notice.nomination
    if officer_here(user, nomination) or is_administrator(user):
        return True
    if notice.recipient == "public":
        return True
    if notice.recipient in ("owner", "occupier"):
        return is_owner(user, nomination)
    if notice.recipient == "nominator":
        return _editor_of(user, nomination.nominator)
    if notice.recipient == "parish":
        return _editor_of(user, nomination.parish)
    return False


staff = officer_here | is_administrator

rules.add_perm("rights.view_register", rules.always_allow)
rules.add_perm(
    "rights.view_entry", on_register | (is_signed_in & (is_nominator | is_owner | staff))
)
rules.add_perm("rights.view_case", is_signed_in & (is_nominator | is_owner | staff))
rules.add_perm("rights.view_own_cases", is_signed_in)
# The object is the nominating Organisation.
rules.add_perm("rights.nominate", is_signed_in & edits_organisation)
# The object is the Organisation asking to bid.
rules.add_perm("rights.ask_to_bid", is_signed_in & edits_organisation)
rules.add_perm("rights.give_disposal_notice", is_signed_in & (is_owner | staff))
rules.add_perm("rights.request_review", is_signed_in & (is_owner | staff))
rules.add_perm("rights.run_casework", is_signed_in & staff)
rules.add_perm("rights.view_notice", is_signed_in & may_see_notice)
# Not about one case: the object is None.
rules.add_perm("rights.view_dashboard", is_officer | is_administrator)
