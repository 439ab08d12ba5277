"""The right to data requests log: what was asked of which public body, and what came of it."""

import datetime as dt

from django.conf import settings
from django.db import models

from commonweal.rights.calendar.bank_holidays import england_and_wales
from commonweal.rights.calendar.periods import (
    is_working_day,
    working_days_beginning_with_day_after,
)


class Status(models.TextChoices):
    RECEIVED = "received", "Received"
    ANSWERED = "answered", "Answered"
    REFUSED = "refused", "Refused"
    PUBLISHED = "published", "Dataset published"


CLOSED = frozenset({Status.ANSWERED, Status.REFUSED, Status.PUBLISHED})


class DataRequestQuerySet(models.QuerySet):
    def in_authority(self, authority) -> "DataRequestQuerySet":
        return self.filter(authority=authority)

    def open(self) -> "DataRequestQuerySet":
        return self.filter(status=Status.RECEIVED)

    def visible_to(self, user) -> "DataRequestQuerySet":
        # The log is public; what it shows of the requester is decided by their consent.
        return self.all()


class DataRequest(models.Model):
    authority = models.ForeignKey("places.Area", on_delete=models.PROTECT, related_name="+")
    # The public body asked: the council itself or an organisation in the directory.
    body_council = models.ForeignKey(
        "places.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    body_organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="data_requests",
    )
    subject = models.CharField(max_length=300, help_text="What data was asked for.")
    details = models.TextField(blank=True)
    received_on = models.DateField()
    # Who asked: never published unless they agreed to it.
    requester_name = models.CharField(max_length=200, blank=True)
    requester_email = models.EmailField(blank=True)
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="data_requests",
    )
    show_name = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED)
    answered_on = models.DateField(null=True, blank=True)
    answer = models.TextField(blank=True)
    refusal_reason = models.TextField(blank=True)
    dataset_url = models.URLField(blank=True)
    dataset = models.ForeignKey(
        "datasets.DataSet", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_working_days = models.PositiveSmallIntegerField()
    is_sample = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = DataRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(body_council__isnull=True)
                | models.Q(body_organisation__isnull=True),
                name="datarequest_one_body",
            )
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def body_name(self) -> str:
        if self.body_organisation_id:
            return self.body_organisation.name
        return f"{self.body_council.name} Council" if self.body_council_id else ""

    @property
    def public_requester(self) -> str:
        return self.requester_name if self.show_name and self.requester_name else "Withheld"

    @property
    def due_on(self) -> dt.date:
        """The last day to answer: N working days beginning with the day after receipt."""
        return working_days_beginning_with_day_after(
            self.received_on, self.target_working_days, england_and_wales()
        )

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED

    def working_days_taken(self, today: dt.date | None = None) -> int:
        """Working days from the day after receipt to the answer (or to today, if open)."""
        end = self.answered_on or today or dt.date.today()
        holidays = england_and_wales()
        count, day = 0, self.received_on + dt.timedelta(days=1)
        while day <= end:
            count += is_working_day(day, holidays)
            day += dt.timedelta(days=1)
        return count

    def on_time(self, today: dt.date | None = None) -> bool | None:
        """True or False once answered; for an open request, False only once it is late."""
        if self.answered_on:
            return self.answered_on <= self.due_on
        return None if (today or dt.date.today()) <= self.due_on else False


class StatusChange(models.Model):
    """One step in a request's life: append-only, attributed."""

    request = models.ForeignKey(DataRequest, on_delete=models.CASCADE, related_name="changes")
    status = models.CharField(max_length=10, choices=Status.choices)
    note = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A status change is never edited; record a new one.")
        super().save(*args, **kwargs)
