"""Notices the council gives about a case (s.91, s.97, s.98): each one kept as given."""

from django.conf import settings
from django.db import models


class NoticeKind(models.TextChoices):
    CONSIDERING = "considering", "Nomination being considered"
    LISTED = "listed", "Land listed"
    NOT_LISTED = "not_listed", "Nomination unsuccessful"
    REMOVED = "removed", "Land removed from the list"
    REVIEW_DECISION = "review_decision", "Review decision"
    DISPOSAL_NOTICE = "disposal_notice", "Owner's notice of intended disposal received"
    BIDDER_REQUEST = "bidder_request", "Request to be treated as a potential bidder"


class Recipient(models.TextChoices):
    OWNER = "owner", "Owner"
    OCCUPIER = "occupier", "Occupier"
    NOMINATOR = "nominator", "Nominator"
    PARISH = "parish", "Parish council"
    PUBLIC = "public", "Local publicity"


class Notice(models.Model):
    """One written notice, with the text as it was given; never edited afterwards."""

    nomination = models.ForeignKey(
        "rights.Nomination", on_delete=models.CASCADE, related_name="notices"
    )
    kind = models.CharField(max_length=20, choices=NoticeKind.choices)
    recipient = models.CharField(max_length=10, choices=Recipient.choices)
    recipient_name = models.CharField(max_length=300)
    title = models.CharField(max_length=200)
    # Paragraphs of plain text: rendered as HTML and as PDF from the same words.
    paragraphs = models.JSONField()
    issued_on = models.DateField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["issued_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.get_recipient_display().lower()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A notice is kept as it was given; issue a new one.")
        super().save(*args, **kwargs)
