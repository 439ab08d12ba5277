"""Nominations of land as an asset of community value, and the list entries they become.

A nomination is one case: received complete, then listed or not listed, and a listed entry
may later be removed (a relevant disposal, a successful review or appeal). Its state changes
are append-only rows attributed to a person (``CaseStatusChange``). The entry's expiry after
five years is computed from the calendar, never stored, so it needs no job to happen.
"""

from functools import cached_property

import shapely
from django.conf import settings
from django.db import models


class CaseStatus(models.TextChoices):
    RECEIVED = "received", "Awaiting a decision"
    LISTED = "listed", "Listed"
    NOT_LISTED = "not_listed", "Not listed"
    REMOVED = "removed", "Removed from the list"


class NominatorKind(models.TextChoices):
    """rulesets.BodyKind, as stored choices (the values are the calendar's)."""

    PARISH_COUNCIL = "parish-council", "Parish council"
    NEIGHBOURHOOD_FORUM = "neighbourhood-forum", "Neighbourhood forum"
    UNINCORPORATED_BODY = "unincorporated-body", "Unincorporated group"
    CHARITY = "charity", "Charity"
    COMPANY_LIMITED_BY_GUARANTEE = "company-limited-by-guarantee", "Company limited by guarantee"
    COMMUNITY_BENEFIT_SOCIETY = (
        "co-operative-or-community-benefit-society",
        "Co-operative or community benefit society",
    )
    COMMUNITY_INTEREST_COMPANY = "community-interest-company", "Community interest company"
    LOCAL_AUTHORITY = "local-authority", "Local authority"
    OTHER = "other", "Another kind of body"


class NominationQuerySet(models.QuerySet):
    def on_register(self) -> "NominationQuerySet":
        """What the public register shows: listed (and removed) land, and unsuccessful
        nominations; cases awaiting a decision stay with the nominator and officers."""
        return self.exclude(status=CaseStatus.RECEIVED)

    def listed(self) -> "NominationQuerySet":
        return self.filter(status=CaseStatus.LISTED)

    def unsuccessful(self) -> "NominationQuerySet":
        return self.filter(status=CaseStatus.NOT_LISTED)

    def awaiting_decision(self) -> "NominationQuerySet":
        return self.filter(status=CaseStatus.RECEIVED)

    def in_authority(self, authority) -> "NominationQuerySet":
        return self.filter(authority=authority)

    def visible_to(self, user) -> "NominationQuerySet":
        """The register for everyone; their own cases for nominators (leaders and admins of
        the nominating group) and owners linked to the case; everything for officers of the
        authority and administrators."""
        from commonweal.accounts.models import Role
        from commonweal.accounts.roles import authorities_for

        public = models.Q(status__in=[CaseStatus.LISTED, CaseStatus.NOT_LISTED, CaseStatus.REMOVED])
        if not getattr(user, "is_authenticated", False):
            return self.filter(public)
        authorities = authorities_for(user, Role.OFFICER)
        if authorities is None:
            return self.all()
        visible = (
            public
            | models.Q(owner_user=user)
            | models.Q(
                nominator__memberships__user=user,
                nominator__memberships__left_at__isnull=True,
                nominator__memberships__role__in=("leader", "admin"),
            )
        )
        if authorities:
            visible |= models.Q(authority_id__in=authorities)
        return self.filter(visible).distinct()


class Nomination(models.Model):
    """One community nomination (s.89) and, once decided, its entry on one of the lists."""

    reference = models.CharField(max_length=20, unique=True)
    authority = models.ForeignKey(
        "places.Area", on_delete=models.PROTECT, related_name="acv_nominations"
    )
    nominator = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="acv_nominations"
    )
    nominator_kind = models.CharField(max_length=45, choices=NominatorKind.choices)
    # Eligibility facts as the nominator gave them (ACV-04, ACV-05).
    local_members = models.PositiveIntegerField(null=True, blank=True)
    distributes_surplus = models.BooleanField(default=False)
    eligibility_evidence = models.TextField()
    local_connection = models.TextField(help_text="Why the body has a local connection.")

    # The land (ACV-06).
    name = models.CharField(max_length=200, help_text="What the land is called, e.g. the pub.")
    address = models.CharField(max_length=300, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    description = models.TextField()
    boundary = models.BinaryField(help_text="WKB, WGS84 longitude and latitude.")
    occupiers = models.TextField()
    owners = models.TextField(help_text="Names and addresses of freehold and leasehold holders.")
    reasons = models.TextField()
    parish = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="acv_parish_nominations",
        help_text="The parish council for the land, told of the decision by local practice.",
    )
    # The owner, when they have an account: they then see the notices about their land.
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="acv_land",
    )

    received_on = models.DateField(help_text="The date the council received the nomination.")
    completed_on = models.DateField(help_text="The date it held every item reg 6 requires.")
    status = models.CharField(
        max_length=12, choices=CaseStatus.choices, default=CaseStatus.RECEIVED
    )
    # The decision (ACV-02, ACV-08): the officer's findings on each limb of s.88.
    decided_on = models.DateField(null=True, blank=True)
    current_use_finding = models.TextField(blank=True)
    recent_past_finding = models.TextField(blank=True)
    decision_reasons = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removed_on = models.DateField(null=True, blank=True)
    removal_reason = models.TextField(blank=True)
    is_sample = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["authority", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} {self.name}"

    @cached_property
    def shape(self) -> shapely.Geometry:
        return shapely.from_wkb(bytes(self.boundary))

    @property
    def point(self) -> tuple[float, float]:
        point = self.shape.representative_point()
        return (round(point.x, 6), round(point.y, 6))

    @property
    def entry_date(self):
        """The date of the list entry: the listing decision (s.87(3))."""
        return self.decided_on if self.status in (CaseStatus.LISTED, CaseStatus.REMOVED) else None


class CaseStatusChange(models.Model):
    """One change of a case's status: append-only, attributed, with the date it took effect."""

    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(max_length=12, choices=CaseStatus.choices)
    effective_on = models.DateField()
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.nomination_id}: {self.status} on {self.effective_on}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Status changes are never edited; record a new one.")
        super().save(*args, **kwargs)
