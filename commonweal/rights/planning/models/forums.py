"""Neighbourhood forum applications and designations (rulebook 4.2)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from commonweal.rights.planning.models._common import visible


class ForumStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    PUBLICISED = "publicised", "Open for comments"
    DESIGNATED = "designated", "Designated"
    REFUSED = "refused", "Refused"
    EXPIRED = "expired", "Designation expired"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_FORUM_STATUSES = (ForumStatus.RECEIVED, ForumStatus.PUBLICISED)
PUBLIC_FORUM_STATUSES = (
    ForumStatus.PUBLICISED,
    ForumStatus.DESIGNATED,
    ForumStatus.REFUSED,
    ForumStatus.EXPIRED,
)


class ForumQuerySet(models.QuerySet):
    def designated(self) -> "ForumQuerySet":
        return self.filter(status=ForumStatus.DESIGNATED)

    def current(self, today: dt.date) -> "ForumQuerySet":
        """Designated and not past the last day of the designation (under the binding rule)."""
        return self.designated().filter(expires_on__gte=today)

    def undecided(self) -> "ForumQuerySet":
        return self.filter(status__in=OPEN_FORUM_STATUSES)

    def visible_to(self, user) -> "ForumQuerySet":
        return visible(self, user, Q(status__in=PUBLIC_FORUM_STATUSES), "organisation")


class NeighbourhoodForum(models.Model):
    """An application to be designated as the forum for a neighbourhood area."""

    authority = models.ForeignKey("places.Area", on_delete=models.PROTECT, related_name="+")
    area = models.ForeignKey(
        "neighbourhoodplanning.NeighbourhoodArea", on_delete=models.PROTECT, related_name="forums"
    )
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="neighbourhood_forums"
    )
    name = models.CharField(max_length=200)
    # s.61F(5)(b): membership as counts of individuals by category, never their details.
    members_live = models.PositiveIntegerField(default=0)
    members_work = models.PositiveIntegerField(default=0)
    members_elected = models.PositiveIntegerField(default=0)
    members_other = models.PositiveIntegerField(default=0)
    membership_evidence = models.TextField(blank=True)
    open_to_residents = models.BooleanField(default=True)
    open_to_workers = models.BooleanField(default=True)
    open_to_elected_members = models.BooleanField(default=True)
    written_constitution = models.BooleanField(default=False)
    constitution_reference = models.CharField(max_length=500, blank=True)
    purpose = models.TextField()
    express_purpose = models.BooleanField(default=False)
    # reg 8: contact details of at least one member, which are published.
    contact = models.CharField(max_length=300)
    more_than_one_authority = models.BooleanField(default=False)

    received_on = models.DateField()
    first_publicised_on = models.DateField(null=True, blank=True)
    representations_close_on = models.DateField(null=True, blank=True)
    decision_due_on = models.DateField(null=True, blank=True)
    decision_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=ForumStatus.choices, default="received")
    decided_on = models.DateField(null=True, blank=True)
    decision_reasons = models.TextField(blank=True)
    # The "regard to" factors of s.61F(7): the officer's findings, never computed.
    regard_findings = models.TextField(blank=True)
    designated_on = models.DateField(null=True, blank=True)
    # The last day of the designation under each month rule, and the one that binds.
    expires_rule_c = models.DateField(null=True, blank=True)
    expires_rule_b = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)

    is_sample = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ForumQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            # NP-06: only one forum may be designated for an area at a time.
            models.UniqueConstraint(
                fields=["area"],
                condition=Q(status="designated"),
                name="neighbourhoodforum_one_designated_per_area",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def qualifying_members(self) -> int:
        return self.members_live + self.members_work + self.members_elected

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_FORUM_STATUSES

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_FORUM_STATUSES


class ForumStatusChange(models.Model):
    """One change of a forum application's status: append-only, attributed."""

    forum = models.ForeignKey(
        NeighbourhoodForum, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(max_length=12, choices=ForumStatus.choices)
    effective_on = models.DateField()
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.forum_id}: {self.status} on {self.effective_on}"
