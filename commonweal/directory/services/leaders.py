"""A leader's published contact details: only with explicit, recorded, withdrawable consent."""

from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.directory.models import GroupRole, LeaderContact, Membership, Organisation
from commonweal.directory.services._common import check
from commonweal.directory.services.errors import DirectoryInvalid

# What the leader agrees to; stored with each consent so it can be shown later exactly.
CONSENT_TEXT = (
    "I agree that my name and the contact details I have given here are published on this "
    "group's public page, in the directory's data feeds and exports, so that people can "
    "contact me as the group's leader. I can withdraw this at any time, and they will be "
    "removed straight away."
)


def published_leader(organisation: Organisation) -> LeaderContact | None:
    """The leader's contact, only while consent stands and they are still the leader."""
    contact = organisation.leader_contacts.consented().first()
    if contact is None or contact.user_id is None:
        return None
    still_leader = Membership.objects.current().filter(
        organisation=organisation, user_id=contact.user_id, role=GroupRole.LEADER
    )
    return contact if still_leader.exists() else None


def give_consent(
    *,
    actor,
    organisation: Organisation,
    public_name: str,
    public_email: str = "",
    public_phone: str = "",
    agreed: bool,
) -> LeaderContact:
    check(actor, "directory.manage_leader_contact", organisation)
    errors = {}
    public_name = " ".join((public_name or "").split())
    public_email = (public_email or "").strip()
    public_phone = (public_phone or "").strip()
    if not agreed:
        errors["agreed"] = "Confirm that you agree to your details being published."
    if not public_name:
        errors["public_name"] = "Enter the name to publish."
    if not public_email and not public_phone:
        errors["public_email"] = "Give an email address or a phone number to publish."
    if public_email and ("@" not in public_email or " " in public_email):
        errors["public_email"] = "Enter an email address like name@example.org."
    if public_phone and not public_phone.replace(" ", "").lstrip("+").isdigit():
        errors["public_phone"] = "Enter a phone number, like 01422 123456."
    if errors:
        raise DirectoryInvalid(errors)
    with transaction.atomic():
        now = timezone.now()
        previous = organisation.leader_contacts.consented()
        previous.update(withdrawn_at=now, public_name="", public_email="", public_phone="")
        contact = LeaderContact.objects.create(
            organisation=organisation,
            user=actor,
            public_name=public_name,
            public_email=public_email,
            public_phone=public_phone,
            consent_text=CONSENT_TEXT,
            consented_at=now,
        )
        # Contact details are personal data: the audit row says consent was given, not what.
        audit.record(
            "directory.leader_consent_given",
            actor=actor,
            obj=organisation,
            after={"leader_contact": contact.pk},
        )
    return contact


def withdraw_consent(*, actor, organisation: Organisation) -> None:
    """Stop publishing: the details are erased at once, the record of consent kept."""
    contact = organisation.leader_contacts.consented().filter(user=actor).first()
    if contact is None:
        check(actor, "directory.manage_leader_contact", organisation)
        return
    with transaction.atomic():
        contact.withdrawn_at = timezone.now()
        contact.public_name = contact.public_email = contact.public_phone = ""
        contact.save()
        audit.record(
            "directory.leader_consent_withdrawn",
            actor=actor,
            obj=organisation,
            before={"leader_contact": contact.pk},
        )
