from django.conf import settings
from django.db import models
from django.db.models import Q


class GroupRole(models.TextChoices):
    LEADER = "leader", "Leader"
    ADMIN = "admin", "Administrator"
    MEMBER = "member", "Member"


# Roles that may edit their own group.
EDITING_ROLES = (GroupRole.LEADER, GroupRole.ADMIN)


class MembershipQuerySet(models.QuerySet):
    def current(self) -> "MembershipQuerySet":
        return self.filter(left_at__isnull=True)

    def editors(self) -> "MembershipQuerySet":
        return self.current().filter(role__in=EDITING_ROLES)


class Membership(models.Model):
    """A person belonging to a group. Leaving sets left_at; the row stays as history."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(max_length=10, choices=GroupRole.choices, default=GroupRole.MEMBER)
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        ordering = ["organisation", "role", "joined_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"],
                condition=Q(left_at__isnull=True),
                name="membership_one_current_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.organisation_id} ({self.role})"


class LeaderContactQuerySet(models.QuerySet):
    def consented(self) -> "LeaderContactQuerySet":
        return self.filter(withdrawn_at__isnull=True)


class LeaderContact(models.Model):
    """A leader's consent to publish their contact details for a group.

    Published only while consent stands and the person is still the group's leader.
    Withdrawing consent erases the details themselves (there is no reason to keep
    them) and keeps the record that consent was given and withdrawn.
    """

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="leader_contacts"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    public_name = models.CharField(max_length=150, blank=True)
    public_email = models.EmailField(blank=True)
    public_phone = models.CharField(max_length=30, blank=True)
    consent_text = models.TextField()
    consented_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = LeaderContactQuerySet.as_manager()

    class Meta:
        ordering = ["-consented_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(withdrawn_at__isnull=True),
                name="leader_contact_one_consent_per_group",
            )
        ]

    def __str__(self) -> str:
        state = "withdrawn" if self.withdrawn_at else "consented"
        return f"Leader contact for {self.organisation_id} ({state})"
