from django.conf import settings
from django.db import models
from django.utils import timezone

from commonweal.budgets.models.ideas import Idea
from commonweal.budgets.models.process import Pot


class Count(models.Model):
    """One count of a pot's ballots with a rule; the latest official one is the result.

    Everything needed to check it is kept: the .pb text counted, the rule's configuration,
    the engine's explanation, and greedy's outcome for comparison.
    """

    pot = models.ForeignKey(Pot, on_delete=models.CASCADE, related_name="counts")
    rule = models.CharField(max_length=60)
    selected = models.JSONField()
    total_cost = models.DecimalField(max_digits=16, decimal_places=2)
    config = models.JSONField()
    explanation = models.JSONField()
    greedy_selected = models.JSONField(default=list)
    pb_text = models.TextField()
    ballots_counted = models.PositiveIntegerField()
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    run_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pot", "-run_at", "-id"]
        get_latest_by = ["run_at", "id"]

    def __str__(self) -> str:
        return f"{self.pot} counted with {self.rule}"


class DeliveryStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    IN_PROGRESS = "in_progress", "In progress"
    DELAYED = "delayed", "Delayed"
    COMPLETE = "complete", "Complete"


class DeliveryUpdate(models.Model):
    """Progress on a funded project: append-only; the latest row is its current status."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="delivery_updates")
    status = models.CharField(max_length=12, choices=DeliveryStatus.choices)
    spent = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    milestone = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["idea", "recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.status}"
