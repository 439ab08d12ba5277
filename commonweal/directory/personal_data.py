"""What the directory holds about a person, for their download and their erasure."""

from django.utils import timezone


def personal_data(user) -> dict:
    from commonweal.directory.models import LeaderContact, Membership

    memberships = Membership.objects.filter(user=user).select_related("organisation")
    contacts = LeaderContact.objects.filter(user=user).select_related("organisation")
    return {
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "joined_at": m.joined_at.isoformat(),
                "left_at": m.left_at.isoformat() if m.left_at else None,
            }
            for m in memberships
        ],
        "published_leader_contacts": [
            {
                "organisation": c.organisation.name,
                "public_name": c.public_name,
                "public_email": c.public_email,
                "public_phone": c.public_phone,
                "consented_at": c.consented_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in contacts
        ],
    }


def erase_person(user) -> None:
    """Withdraw any published contact (erasing the details) and end every membership."""
    from commonweal.directory.models import LeaderContact, Membership

    now = timezone.now()
    LeaderContact.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
    LeaderContact.objects.filter(user=user).update(public_name="", public_email="", public_phone="")
    Membership.objects.filter(user=user, left_at__isnull=True).update(left_at=now)
