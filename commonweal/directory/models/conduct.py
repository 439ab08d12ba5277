from django.conf import settings
from django.db import models


class CodeOfConductQuerySet(models.QuerySet):
    def current(self) -> "CodeOfConduct | None":
        return self.order_by("-version").first()


class CodeOfConduct(models.Model):
    """One version of the code of conduct groups accept. Versions are never edited."""

    version = models.PositiveIntegerField(unique=True)
    title = models.CharField(max_length=200)
    text = models.TextField()
    summary_of_changes = models.CharField(max_length=500, blank=True)
    published_at = models.DateTimeField()
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CodeOfConductQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]

    def __str__(self) -> str:
        return f"{self.title} (version {self.version})"


class ConductAcceptance(models.Model):
    """A group accepting one version of the code: who accepted it for the group, and when."""

    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="conduct_acceptances"
    )
    code = models.ForeignKey(CodeOfConduct, on_delete=models.PROTECT, related_name="acceptances")
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField()

    class Meta:
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="conduct_accepted_once_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} accepted version {self.code_id}"
