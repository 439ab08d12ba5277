from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone

from commonweal.budgets.models.process import Pot, Process


def photo_storage():
    # Under the var dir, served only through the idea's own page (so a hidden idea's
    # photo is hidden too), never from a public media URL.
    return FileSystemStorage(location=settings.VAR_DIR / "media" / "budgets")


class IdeaStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    FEASIBLE = "feasible", "Costed and on the ballot"
    REJECTED = "rejected", "Not taken forward"
    MERGED = "merged", "Merged with another idea"


class IdeaQuerySet(models.QuerySet):
    def on_ballot(self) -> "IdeaQuerySet":
        return self.filter(status=IdeaStatus.FEASIBLE, cost__isnull=False)

    def listed(self) -> "IdeaQuerySet":
        return self.exclude(status=IdeaStatus.MERGED)


class Idea(models.Model):
    """A project someone proposes; once costed and feasible it goes on the ballot."""

    process = models.ForeignKey(Process, on_delete=models.CASCADE, related_name="ideas")
    pot = models.ForeignKey(Pot, on_delete=models.CASCADE, related_name="ideas")
    title = models.CharField(max_length=200)
    description = models.TextField()
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="budget_ideas",
    )
    postcode = models.CharField(max_length=8, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    place_area = models.ForeignKey(
        "places.Area", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo = models.ImageField(upload_to="ideas/", storage=photo_storage, blank=True)
    photo_description = models.CharField(max_length=300, blank=True)
    status = models.CharField(
        max_length=10, choices=IdeaStatus.choices, default=IdeaStatus.PROPOSED
    )
    cost = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    feasibility_note = models.TextField(blank=True)
    rejection_reason = models.TextField(blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_ideas"
    )
    #: the project id in an imported .pb file (past processes)
    external_id = models.CharField(max_length=60, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = IdeaQuerySet.as_manager()

    class Meta:
        ordering = ["process", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def project_id(self) -> str:
        """The id this idea has in the counting engine and the .pb export."""
        return self.external_id or str(self.pk)


class IdeaStatusChange(models.Model):
    """One change of an idea's status, with the published reason: append-only."""

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(max_length=10, choices=IdeaStatus.choices)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.idea_id}: {self.status}"


class Support(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="supports")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["idea", "user"], name="budgets_support_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} supports {self.idea_id}"


class Comment(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"Comment on {self.idea_id}"
