"""Neighbourhood area applications and designated areas (rulebook 4.1)."""

from functools import cached_property

from django.conf import settings
from django.db import models
from django.db.models import Q

from commonweal.rights.planning.models._common import shape_of, visible


class AreaStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    PUBLICISED = "publicised", "Open for comments"
    DESIGNATED = "designated", "Designated"
    REFUSED = "refused", "Refused"
    # reg 5(2): the applicant already has an undecided application.
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_AREA_STATUSES = (AreaStatus.RECEIVED, AreaStatus.PUBLICISED)
# Applications are published once the council publicises them (reg 6), and decisions are.
PUBLIC_AREA_STATUSES = (AreaStatus.PUBLICISED, AreaStatus.DESIGNATED, AreaStatus.REFUSED)


class AreaQuerySet(models.QuerySet):
    def designated(self) -> "AreaQuerySet":
        return self.filter(status=AreaStatus.DESIGNATED)

    def undecided(self) -> "AreaQuerySet":
        return self.filter(status__in=OPEN_AREA_STATUSES)

    def in_authority(self, authority) -> "AreaQuerySet":
        return self.filter(authority=authority)

    def public(self) -> "AreaQuerySet":
        return self.filter(status__in=PUBLIC_AREA_STATUSES)

    def visible_to(self, user) -> "AreaQuerySet":
        return visible(self, user, Q(status__in=PUBLIC_AREA_STATUSES), "applicant")


class NeighbourhoodArea(models.Model):
    """An application for a neighbourhood area, which becomes the area once designated."""

    authority = models.ForeignKey(
        "places.Area", on_delete=models.PROTECT, related_name="neighbourhood_plan_areas"
    )
    applicant = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="neighbourhood_areas"
    )
    name = models.CharField(max_length=200)
    # reg 5(1): the map, why the area is appropriate, and that the applicant is a relevant body.
    statement = models.TextField(help_text="Why the area is appropriate.")
    relevant_body_statement = models.TextField()
    places = models.ManyToManyField("places.Area", blank=True, related_name="+")
    geometry = models.BinaryField()
    more_than_one_authority = models.BooleanField(default=False)
    whole_parish = models.BooleanField(default=False)
    # s.61H: an area the council designates as wholly or predominantly business in nature.
    business_area = models.BooleanField(default=False)

    received_on = models.DateField()
    first_publicised_on = models.DateField(null=True, blank=True)
    representations_close_on = models.DateField(null=True, blank=True)
    decision_due_on = models.DateField(null=True, blank=True)
    # The inputs of the decision date, kept with it (rulebook section 6).
    decision_weeks = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=AreaStatus.choices, default="received")
    decided_on = models.DateField(null=True, blank=True)
    decision_reasons = models.TextField(blank=True)
    must_designate_reason = models.CharField(max_length=300, blank=True)

    is_sample = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["authority", "status"])]

    def __str__(self) -> str:
        return self.name

    @cached_property
    def shape(self):
        return shape_of(self.geometry)

    @property
    def is_designated(self) -> bool:
        return self.status == AreaStatus.DESIGNATED

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_AREA_STATUSES

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_AREA_STATUSES


class AreaStatusChange(models.Model):
    """One change of an area application's status: append-only, attributed."""

    area = models.ForeignKey(
        NeighbourhoodArea, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(max_length=12, choices=AreaStatus.choices)
    # The date the act took effect (a decision's date), which may precede the recording.
    effective_on = models.DateField()
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.area_id}: {self.status} on {self.effective_on}"
