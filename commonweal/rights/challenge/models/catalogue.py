"""The council's relevant services, the windows it publishes for each, its published
timetable (s.84), and the procurement exercises that accepted expressions of interest start."""

import datetime as dt

from django.conf import settings
from django.db import models

from commonweal.rights.challenge.engine import Unit


class PeriodUnit(models.TextChoices):
    DAYS = Unit.DAYS.value, "days"
    WEEKS = Unit.WEEKS.value, "weeks"
    MONTHS = Unit.MONTHS.value, "months"


class RelevantServiceQuerySet(models.QuerySet):
    def in_authority(self, authority) -> "RelevantServiceQuerySet":
        return self.filter(authority=authority)

    def open_to_challenge(self, on: dt.date) -> "RelevantServiceQuerySet":
        """Services not excluded on that day (CRC-04)."""
        return self.filter(
            models.Q(excluded_basis="")
            | models.Q(excluded_until__isnull=False, excluded_until__lt=on)
        )


class RelevantService(models.Model):
    """A service the council provides or commissions, which a relevant body may challenge to
    run (s.81), with the council's published timetable for deciding (s.84)."""

    authority = models.ForeignKey(
        "places.Area", on_delete=models.PROTECT, related_name="challenge_services"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    description = models.TextField(blank=True)
    area_covered = models.CharField(
        max_length=300, blank=True, help_text="The geographical area the service covers."
    )
    # CRC-04: services in SI 2012/1313 Schedule 2 are not relevant services. Dated, because
    # paragraphs 2 and 3 ceased to have effect on 1 April 2014.
    excluded_basis = models.TextField(blank=True)
    excluded_until = models.DateField(null=True, blank=True)
    # CRC-06 (s.84): the council's published periods.
    decision_period = models.PositiveSmallIntegerField(default=3)
    decision_period_unit = models.CharField(
        max_length=6, choices=PeriodUnit.choices, default=PeriodUnit.MONTHS
    )
    procurement_min_period = models.PositiveSmallIntegerField(default=6)
    procurement_min_period_unit = models.CharField(
        max_length=6, choices=PeriodUnit.choices, default=PeriodUnit.MONTHS
    )
    is_sample = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RelevantServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def is_excluded_on(self, day: dt.date) -> bool:
        if not self.excluded_basis:
            return False
        return self.excluded_until is None or day <= self.excluded_until

    @property
    def decision_period_text(self) -> str:
        return f"{self.decision_period} {self.get_decision_period_unit_display()}"

    @property
    def procurement_period_text(self) -> str:
        return f"{self.procurement_min_period} {self.get_procurement_min_period_unit_display()}"

    def window_on(self, day: dt.date) -> "SubmissionWindow | None":
        return self.windows.filter(opens__lte=day, closes__gte=day).first()

    @property
    def has_windows(self) -> bool:
        return self.windows.exists()


class SubmissionWindow(models.Model):
    """CRC-05: a period the council publishes during which expressions of interest in a
    service may be submitted. With none published, they may be submitted at any time."""

    service = models.ForeignKey(RelevantService, on_delete=models.CASCADE, related_name="windows")
    opens = models.DateField()
    closes = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField()

    class Meta:
        ordering = ["service", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gte=models.F("opens")), name="challenge_window_order"
            )
        ]

    def __str__(self) -> str:
        return f"{self.service}: {self.opens:%-d %b %Y} to {self.closes:%-d %b %Y}"


class ProcurementStatus(models.TextChoices):
    PLANNED = "planned", "Waiting to start"
    STARTED = "started", "Started"
    COMPLETED = "completed", "Completed"
    ABANDONED = "abandoned", "Abandoned"


class ProcurementExercise(models.Model):
    """CRC-06 (s.83): the procurement exercise an accepted expression of interest starts,
    recorded against the service. The contract itself belongs to the open-data contracts."""

    service = models.ForeignKey(
        RelevantService, on_delete=models.PROTECT, related_name="procurements"
    )
    expression = models.OneToOneField(
        "challenge.ExpressionOfInterest", on_delete=models.PROTECT, related_name="procurement"
    )
    earliest_start = models.DateField()
    earliest_start_explanation = models.CharField(max_length=200)
    started_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=ProcurementStatus.choices, default=ProcurementStatus.PLANNED
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["earliest_start", "pk"]

    def __str__(self) -> str:
        return f"Procurement for {self.service}"
