"""Reports, their append-only history, and the names of the people who support them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from commonweal.opendata.feedback.engine.machine import Status


class ReportKind(models.TextChoices):
    REPORT = "report", "A problem to fix"
    QUESTION = "question", "A question"
    COMPLAINT = "complaint", "A complaint"


class Actor(models.TextChoices):
    """In what capacity someone changed a report: what the public history says, never a name."""

    REPORTER = "reporter", "The reporter"
    PROVIDER = "provider", "The provider"
    OFFICER = "officer", "A council officer"
    SYSTEM = "system", "Commonweal"


StatusChoices = models.TextChoices("StatusChoices", [(s.name, s.value) for s in Status])
STATUS_LABELS = {
    Status.TRIAGE: "With the council to route",
    Status.RECEIVED: "Sent to the provider",
    Status.ACKNOWLEDGED: "Acknowledged",
    Status.RESPONDED: "Responded",
    Status.REOPENED: "Reopened",
    Status.ESCALATED: "Escalated",
    Status.CLOSED: "Closed",
}


class ReportQuerySet(models.QuerySet):
    def public(self) -> "ReportQuerySet":
        return self.all()

    def in_triage(self, authorities=None) -> "ReportQuerySet":
        rows = self.filter(status=Status.TRIAGE)
        return rows if authorities is None else rows.filter(authority_id__in=authorities)

    def escalated(self, authorities=None) -> "ReportQuerySet":
        rows = self.filter(escalated=True).exclude(status=Status.CLOSED)
        return rows if authorities is None else rows.filter(authority_id__in=authorities)

    def for_provider(self, provider) -> "ReportQuerySet":
        return self.filter(provider=provider)

    def raised_by(self, user) -> "ReportQuerySet":
        return self.filter(reporter=user)


class Report(models.Model):
    """A report, question or complaint about a service in a place, routed to its provider.

    The exact point and postcode are kept for the provider and never published: the public
    see the small area (LSOA 2021) the point lies in.
    """

    kind = models.CharField(max_length=12, choices=ReportKind.choices, default=ReportKind.REPORT)
    service = models.ForeignKey("feedback.Service", on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=150)
    description = models.TextField()
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Raised for a group: its leaders and admins may follow it up too.
    group = models.ForeignKey(
        "directory.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    authority = models.ForeignKey("places.Area", on_delete=models.PROTECT, related_name="+")
    lsoa = models.ForeignKey(
        "places.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    postcode = models.CharField(max_length=8, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    provider = models.ForeignKey(
        "feedback.Provider", null=True, blank=True, on_delete=models.PROTECT, related_name="reports"
    )
    # The area of the responsibility that routed it (None: routed by hand, or in triage).
    routed_by_area = models.ForeignKey(
        "places.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=12, choices=StatusChoices.choices)
    escalated = models.BooleanField(default=False)
    # The council officer who took the escalation and answers for settling it on time.
    escalation_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    escalation_taken_at = models.DateTimeField(null=True, blank=True)
    # The group collecting support for this report, if any.
    support_group = models.ForeignKey(
        "directory.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_sample = models.BooleanField(default=False)
    created_at = models.DateTimeField()

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["authority", "status"]), models.Index(fields=["provider"])]

    def __str__(self) -> str:
        return f"Report {self.pk}: {self.title}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[Status(self.status)]

    @property
    def is_open(self) -> bool:
        return self.status != Status.CLOSED


class StatusChange(models.Model):
    """One step in a report's life: append-only, attributed to a person and a capacity."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(max_length=12, choices=StatusChoices.choices)
    event = models.CharField(max_length=12, blank=True)
    # What the person wrote: a response, a reason for reopening. Published with the report.
    note = models.TextField(blank=True)
    acting_as = models.CharField(max_length=10, choices=Actor.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.status} at {self.changed_at:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError("A report's history is never edited; add a new step instead.")
        super().save(*args, **kwargs)


class SupporterQuerySet(models.QuerySet):
    def current(self) -> "SupporterQuerySet":
        return self.filter(withdrawn_at__isnull=True)


class Supporter(models.Model):
    """A resident adding their name to a report a group is collecting support for.

    The public see how many; the names go only to the group's leaders and the provider.
    Withdrawing erases the name and keeps the record that support was given.
    """

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="supporters")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=150, blank=True)
    consent_text = models.TextField()
    consented_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = SupporterQuerySet.as_manager()

    class Meta:
        ordering = ["consented_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "user"],
                condition=Q(withdrawn_at__isnull=True),
                name="feedback_one_current_support_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"Support for {self.report_id}"
