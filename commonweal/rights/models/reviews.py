"""The owner's review of a listing (s.92, ACV-12) and appeal to the tribunal (ACV-13)."""

from django.conf import settings
from django.db import models


class ReviewOutcome(models.TextChoices):
    PENDING = "pending", "Not yet decided"
    UPHELD = "upheld", "Listing upheld"
    REMOVED = "removed", "Land removed from the list"


class AppealOutcome(models.TextChoices):
    NONE = "", "No appeal recorded"
    PENDING = "pending", "Appeal lodged, awaiting the tribunal"
    DISMISSED = "dismissed", "Appeal dismissed: listing stands"
    ALLOWED = "allowed", "Appeal allowed: land removed"


class Review(models.Model):
    nomination = models.ForeignKey(
        "rights.Nomination", on_delete=models.CASCADE, related_name="reviews"
    )
    listing_notice_given_on = models.DateField(
        help_text="The day the written notice of listing was given to the owner."
    )
    requested_on = models.DateField(help_text="The day the council received the request.")
    longer_period_allowed_until = models.DateField(null=True, blank=True)
    oral_hearing = models.BooleanField(default=False)
    outcome = models.CharField(
        max_length=10, choices=ReviewOutcome.choices, default=ReviewOutcome.PENDING
    )
    decision_sent_on = models.DateField(null=True, blank=True)
    reasons = models.TextField(blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    appeal_received_on = models.DateField(null=True, blank=True)
    appeal_outcome = models.CharField(
        max_length=10, choices=AppealOutcome.choices, default=AppealOutcome.NONE, blank=True
    )
    appeal_decided_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["requested_on", "id"]

    def __str__(self) -> str:
        return f"Review of {self.nomination_id} requested {self.requested_on}"
