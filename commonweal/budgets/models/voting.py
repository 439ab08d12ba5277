from django.conf import settings
from django.db import models
from django.utils import timezone

from commonweal.budgets.models.ideas import Idea
from commonweal.budgets.models.process import Pot, Process


class Channel(models.TextChoices):
    ONLINE = "online", "Online"
    PAPER = "paper", "Paper, in person"
    IMPORTED = "imported", "Imported from a .pb file"


class VotingLocation(models.Model):
    """Where people vote in person; paper ballots and tallies are traced to it."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["process", "name"]

    def __str__(self) -> str:
        return self.name


class Ballot(models.Model):
    """One voter's ballot in one pot. Online ballots are keyed to the account (one per
    voter, changeable until the close); paper ballots to their location and serial number.

    Personal data is minimal: no postcode, no date of birth; only that they were checked.
    """

    pot = models.ForeignKey(Pot, on_delete=models.CASCADE, related_name="ballots")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    voter_key = models.CharField(max_length=80)
    channel = models.CharField(max_length=10, choices=Channel.choices)
    location = models.ForeignKey(
        VotingLocation, null=True, blank=True, on_delete=models.PROTECT, related_name="ballots"
    )
    cast_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pot", "id"]
        constraints = [
            models.UniqueConstraint(fields=["pot", "voter_key"], name="budgets_one_ballot")
        ]

    def __str__(self) -> str:
        return f"Ballot {self.pk} in {self.pot_id}"


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="+")
    #: 1 for approval; points for cumulative; the rank (1 = first) for ranking
    value = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["ballot", "id"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "idea"], name="budgets_choice_once")
        ]

    def __str__(self) -> str:
        return f"{self.idea_id}={self.value}"


class PaperEntryStatus(models.TextChoices):
    AWAITING = "awaiting", "Waiting for a second person"
    CONFIRMED = "confirmed", "Confirmed by a second person"
    MISMATCH = "mismatch", "Refused: the two entries differ"


class PaperEntry(models.Model):
    """A paper ballot typed in by one person, confirmed only when a second person types
    the same choices for the same serial number (double entry)."""

    pot = models.ForeignKey(Pot, on_delete=models.CASCADE, related_name="paper_entries")
    location = models.ForeignKey(VotingLocation, on_delete=models.PROTECT, related_name="+")
    serial = models.CharField(max_length=40)
    choices = models.JSONField()
    status = models.CharField(
        max_length=10, choices=PaperEntryStatus.choices, default=PaperEntryStatus.AWAITING
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    entered_at = models.DateTimeField(default=timezone.now)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)
    ballot = models.OneToOneField(
        Ballot, null=True, blank=True, on_delete=models.SET_NULL, related_name="paper_entry"
    )

    class Meta:
        ordering = ["pot", "location", "serial", "id"]

    def __str__(self) -> str:
        return f"Paper ballot {self.serial} ({self.status})"
