"""Joining and leaving groups, and the roles people hold in them."""

from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.directory.models import GroupRole, LeaderContact, Membership, Organisation
from commonweal.directory.services._common import check, forget_roles, person
from commonweal.directory.services.errors import DirectoryError


def current_membership(user, organisation) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Membership.objects.current().filter(user=user, organisation=organisation).first()


def join(*, actor, organisation: Organisation) -> Membership:
    if current_membership(actor, organisation) is not None:
        raise DirectoryError(f"You are already a member of {organisation.name}.")
    check(actor, "directory.join_organisation", organisation)
    with transaction.atomic():
        membership = Membership.objects.create(
            organisation=organisation, user=actor, role=GroupRole.MEMBER, joined_at=timezone.now()
        )
        audit.record(
            "directory.member_joined",
            actor=actor,
            obj=organisation,
            after={"membership": membership.pk, "role": membership.role},
        )
    forget_roles(actor)
    return membership


def leave(*, actor, organisation: Organisation) -> None:
    membership = current_membership(actor, organisation)
    if membership is None:
        raise DirectoryError(f"You are not a member of {organisation.name}.")
    check(actor, "directory.leave_organisation", organisation)
    with transaction.atomic():
        _end(membership)
        audit.record(
            "directory.member_left",
            actor=actor,
            obj=organisation,
            before={"membership": membership.pk, "role": membership.role},
        )
    forget_roles(actor)


def _end(membership: Membership) -> None:
    membership.left_at = timezone.now()
    membership.save(update_fields=["left_at"])
    if membership.role == GroupRole.LEADER:
        _withdraw_contact(membership.organisation_id, membership.user_id)


def _withdraw_contact(organisation_id: int, user_id: int) -> None:
    # A person who is no longer the leader is no longer published as the leader.
    LeaderContact.objects.consented().filter(
        organisation_id=organisation_id, user_id=user_id
    ).update(withdrawn_at=timezone.now(), public_name="", public_email="", public_phone="")


def set_role(*, actor, membership: Membership, role: str) -> Membership:
    """Change a member's role. A group has one leader: naming a new one makes the old
    leader an administrator of the group (and stops publishing their contact details)."""
    organisation = membership.organisation
    check(actor, "directory.manage_members", organisation)
    if role not in GroupRole.values:
        raise DirectoryError("Choose leader, administrator or member.", "role")
    if membership.left_at is not None:
        raise DirectoryError("That person has left the group.")
    if membership.role == role:
        return membership
    with transaction.atomic():
        before = membership.role
        if role == GroupRole.LEADER:
            for old in Membership.objects.current().filter(
                organisation=organisation, role=GroupRole.LEADER
            ):
                old.role = GroupRole.ADMIN
                old.save(update_fields=["role"])
                _withdraw_contact(organisation.pk, old.user_id)
        elif before == GroupRole.LEADER:
            _withdraw_contact(organisation.pk, membership.user_id)
        membership.role = role
        membership.save(update_fields=["role"])
        forget_roles(actor)
        forget_roles(membership.user)
        audit.record(
            "directory.member_role_changed",
            actor=actor,
            obj=organisation,
            before={"membership": membership.pk, "role": before},
            after={"membership": membership.pk, "role": role},
        )
    return membership


def remove_member(*, actor, membership: Membership) -> None:
    check(actor, "directory.manage_members", membership.organisation)
    if membership.left_at is not None:
        raise DirectoryError("That person has already left the group.")
    with transaction.atomic():
        _end(membership)
        audit.record(
            "directory.member_removed",
            actor=actor,
            obj=membership.organisation,
            before={"membership": membership.pk, "role": membership.role},
        )


def member_count(organisation: Organisation) -> int:
    return Membership.objects.current().filter(organisation=organisation).count()


def leader(organisation: Organisation) -> Membership | None:
    return (
        Membership.objects.current()
        .filter(organisation=organisation, role=GroupRole.LEADER)
        .select_related("user")
        .first()
    )


__all__ = ["current_membership", "join", "leader", "leave", "member_count", "person"]
