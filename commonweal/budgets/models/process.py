from django.conf import settings
from django.db import models
from django.utils import timezone

from commonweal.budgets import ballot_rules, phases


class AgeCheck(models.TextChoices):
    DATE_OF_BIRTH = "dob", "Date of birth (checked, not stored)"
    DECLARATION = "declaration", "A confirmed declaration of age"


class ProcessQuerySet(models.QuerySet):
    def live(self) -> "ProcessQuerySet":
        return self.filter(is_past=False)

    def past(self) -> "ProcessQuerySet":
        return self.filter(is_past=True)


class Process(models.Model):
    """A participatory budgeting process for an area: its pots, ballot and phase."""

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    authority = models.ForeignKey(
        "places.Area",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="budget_processes",
        help_text="The council running it (blank for a past process held elsewhere).",
    )
    phase = models.CharField(
        max_length=12, choices=[(p, phases.PHASE_LABELS[p]) for p in phases.PHASES]
    )
    # {phase: [actions]} replacing phases.DEFAULT_PHASE_ACTIONS for the phases it names.
    phase_actions = models.JSONField(default=dict, blank=True)
    ballot_kind = models.CharField(
        max_length=12,
        choices=[(k, k.capitalize()) for k in ballot_rules.KINDS],
        default=ballot_rules.APPROVAL,
    )
    min_projects = models.PositiveIntegerField(default=1)
    max_projects = models.PositiveIntegerField(null=True, blank=True)
    max_cost = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    points = models.PositiveIntegerField(default=10, help_text="Cumulative ballots only.")
    official_rule = models.CharField(
        max_length=60,
        default="equalshares-net",
        help_text="A preset of the counting engine (commonweal budgets count --rule).",
    )
    min_age = models.PositiveIntegerField(default=16)
    age_check = models.CharField(
        max_length=12, choices=AgeCheck.choices, default=AgeCheck.DECLARATION
    )
    # A hash (django.contrib.auth.hashers), never the code itself.
    access_code_hash = models.CharField(max_length=200, blank=True)
    voting_closes = models.DateTimeField(null=True, blank=True)
    is_past = models.BooleanField(default=False)
    source_file = models.CharField(max_length=200, blank=True)
    source_meta = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ProcessQuerySet.as_manager()

    class Meta:
        ordering = ["is_past", "-created_at", "id"]

    def __str__(self) -> str:
        return self.title

    def allows(self, action: str) -> bool:
        return phases.allows(self, action)

    @property
    def phase_label(self) -> str:
        return phases.PHASE_LABELS[self.phase]

    @property
    def voting_closed(self) -> bool:
        return self.voting_closes is not None and timezone.now() >= self.voting_closes

    def limits(self, pot: "Pot") -> ballot_rules.Limits:
        return ballot_rules.Limits(
            kind=self.ballot_kind,
            budget=pot.budget,
            min_projects=self.min_projects,
            max_projects=self.max_projects,
            max_cost=self.max_cost,
            points=self.points,
        )


class Pot(models.Model):
    """A budget for one area within a process (a neighbourhood, a ward or the borough)."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="pots")
    name = models.CharField(max_length=200)
    area = models.ForeignKey(
        "places.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    budget = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, default="GBP")

    class Meta:
        ordering = ["process", "id"]

    def __str__(self) -> str:
        return f"{self.name} (£{self.budget:,.0f})"


class PhaseChange(models.Model):
    """One move of a process to a phase: append-only, attributed."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="phase_changes")
    phase = models.CharField(max_length=12)
    note = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.process_id}: {self.phase}"
