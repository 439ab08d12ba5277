"""Expressions of interest: who expressed it, what it contains, its clocks, and its
casework as append-only, attributed status changes."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q

from commonweal.rights.challenge.engine import BODY_LABELS, GROUNDS, BodyKind


class BodyChoice(models.TextChoices):
    VOLUNTARY_OR_COMMUNITY = (
        BodyKind.VOLUNTARY_OR_COMMUNITY.value,
        BODY_LABELS[BodyKind.VOLUNTARY_OR_COMMUNITY],
    )
    CHARITABLE_TRUST = BodyKind.CHARITABLE_TRUST.value, BODY_LABELS[BodyKind.CHARITABLE_TRUST]
    PARISH_COUNCIL = BodyKind.PARISH_COUNCIL.value, BODY_LABELS[BodyKind.PARISH_COUNCIL]
    EMPLOYEES = BodyKind.EMPLOYEES.value, BODY_LABELS[BodyKind.EMPLOYEES]


GroundChoice = models.TextChoices(
    "GroundChoice", [(ground.name, (ground.value, label)) for ground, label in GROUNDS.items()]
)


class ExpressionStatus(models.TextChoices):
    RECEIVED = "received", "Received, waiting for a decision"
    MODIFICATION_PROPOSED = "modification_proposed", "Modification proposed to the body"
    ACCEPTED = "accepted", "Accepted"
    ACCEPTED_MODIFIED = "accepted_modified", "Accepted with modification"
    REJECTED = "rejected", "Rejected"
    WITHDRAWN = "withdrawn", "Withdrawn by the body"


OPEN = (ExpressionStatus.RECEIVED, ExpressionStatus.MODIFICATION_PROPOSED)
DECIDED = (
    ExpressionStatus.ACCEPTED,
    ExpressionStatus.ACCEPTED_MODIFIED,
    ExpressionStatus.REJECTED,
)

# The statuses a status can move to: the state machine.
TRANSITIONS = {
    ExpressionStatus.RECEIVED: {
        ExpressionStatus.MODIFICATION_PROPOSED,
        ExpressionStatus.ACCEPTED,
        ExpressionStatus.REJECTED,
        ExpressionStatus.WITHDRAWN,
    },
    ExpressionStatus.MODIFICATION_PROPOSED: {
        ExpressionStatus.ACCEPTED_MODIFIED,
        ExpressionStatus.RECEIVED,
        ExpressionStatus.REJECTED,
        ExpressionStatus.WITHDRAWN,
    },
}


class ExpressionQuerySet(models.QuerySet):
    def open(self) -> "ExpressionQuerySet":
        return self.filter(status__in=OPEN)

    def decided(self) -> "ExpressionQuerySet":
        """Decisions the council has notified, and so published (s.83)."""
        return self.filter(status__in=DECIDED)

    def due_by(self, day: dt.date) -> "ExpressionQuerySet":
        return self.open().filter(decision_due__lte=day)

    def visible_to(self, user) -> "ExpressionQuerySet":
        """Decided ones for everyone; the rest for those who submitted them, the leaders of
        the organisation they are from, the council's officers and administrators."""
        from commonweal.accounts.models import Role
        from commonweal.accounts.roles import authorities_for

        visible = Q(status__in=DECIDED)
        if not getattr(user, "is_authenticated", False):
            return self.filter(visible)
        authorities = authorities_for(user, Role.OFFICER)
        if authorities is None:
            return self.all()
        visible |= Q(submitted_by=user) | Q(
            organisation__memberships__user=user,
            organisation__memberships__left_at__isnull=True,
            organisation__memberships__role__in=("leader", "admin"),
        )
        if authorities:
            visible |= Q(service__authority_id__in=authorities)
        return self.filter(visible).distinct()


class ExpressionOfInterest(models.Model):
    """An expression of interest in providing or helping to provide a relevant service."""

    service = models.ForeignKey(
        "challenge.RelevantService", on_delete=models.PROTECT, related_name="expressions"
    )
    window = models.ForeignKey(
        "challenge.SubmissionWindow",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="expressions",
    )
    reference = models.CharField(max_length=20, unique=True)
    body_kind = models.CharField(max_length=30, choices=BodyChoice.choices)
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="challenge_expressions",
    )
    # CRC-T1: for two or more employees, the employees named (the body has no directory entry).
    employee_names = models.JSONField(default=list, blank=True)
    # CRC-03: the contents.
    service_and_area = models.TextField()
    financial_resources = models.TextField()
    capability = models.TextField()
    outcomes = models.TextField()
    consortium = models.BooleanField(default=False)
    consortium_details = models.TextField(blank=True)
    employee_engagement = models.TextField(blank=True)
    received_on = models.DateField()

    # Clocks (CRC-06), computed by the service from the calendar and stored with their inputs.
    decision_due = models.DateField()
    decision_due_explanation = models.CharField(max_length=200)
    timetable_notice_due = models.DateField()
    timetable_notified_on = models.DateField(null=True, blank=True)
    expected_decision_on = models.DateField(null=True, blank=True)

    status = models.CharField(
        max_length=24, choices=ExpressionStatus.choices, default=ExpressionStatus.RECEIVED
    )
    decided_on = models.DateField(null=True, blank=True)
    decision_reasons = models.TextField(blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ExpressionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        indexes = [models.Index(fields=["status", "decision_due"])]

    def __str__(self) -> str:
        return f"{self.reference}: {self.body_name} for {self.service}"

    @property
    def body_name(self) -> str:
        if self.organisation_id:
            return self.organisation.name
        names = self.employee_names or []
        return f"{len(names)} employees of the council ({', '.join(names)})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED

    def can_move_to(self, status: str) -> bool:
        return status in TRANSITIONS.get(self.status, set())


class StatusChange(models.Model):
    """One change of an expression of interest's status: append-only, attributed."""

    expression = models.ForeignKey(
        ExpressionOfInterest, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(max_length=24, choices=ExpressionStatus.choices)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.expression_id}: {self.status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Status changes are append-only: record a new one instead.")
        super().save(*args, **kwargs)


class RejectionGround(models.Model):
    """CRC-07: one statutory ground a rejection (or proposed modification) relies on, with
    the council's reasons for it."""

    expression = models.ForeignKey(
        ExpressionOfInterest, on_delete=models.CASCADE, related_name="grounds"
    )
    modification = models.ForeignKey(
        "challenge.Modification",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="grounds",
    )
    ground = models.CharField(max_length=20, choices=GroundChoice.choices)
    reasons = models.TextField()

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.get_ground_display()


class Modification(models.Model):
    """CRC-06: a modification the council proposes, only where it would otherwise reject,
    and which takes effect only if the body agrees."""

    expression = models.ForeignKey(
        ExpressionOfInterest, on_delete=models.CASCADE, related_name="modifications"
    )
    proposal = models.TextField()
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    proposed_on = models.DateField()
    agreed = models.BooleanField(null=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_on = models.DateField(null=True, blank=True)
    answer_note = models.TextField(blank=True)

    class Meta:
        ordering = ["proposed_on", "pk"]

    def __str__(self) -> str:
        return f"Modification to {self.expression_id}"
