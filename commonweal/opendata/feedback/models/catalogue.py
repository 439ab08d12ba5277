"""The catalogue: public services, the providers that run them, who answers for which area."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from commonweal.opendata.feedback.engine.clocks import Targets


class Sector(models.TextChoices):
    COUNCIL = "council", "Council"
    NHS = "nhs", "NHS"
    POLICE = "police", "Police"
    HOUSING_ASSOCIATION = "housing_association", "Housing association"
    VOLUNTARY = "voluntary", "Voluntary or community"
    PRIVATE = "private", "Private contractor"


class Service(models.Model):
    """A public service people can give feedback about, such as street lighting."""

    name = models.CharField(max_length=150, unique=True)
    slug = models.SlugField(max_length=160, unique=True)
    description = models.TextField(blank=True)
    is_sample = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProviderQuerySet(models.QuerySet):
    def for_member(self, user) -> "ProviderQuerySet":
        """Providers whose organisation the person belongs to now (their staff)."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(
            organisation__memberships__user=user, organisation__memberships__left_at__isnull=True
        ).distinct()


class Provider(models.Model):
    """A directory organisation that provides public services, its sector and its targets."""

    organisation = models.OneToOneField(
        "directory.Organisation", on_delete=models.PROTECT, related_name="feedback_provider"
    )
    sector = models.CharField(max_length=30, choices=Sector.choices)
    acknowledge_days = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="Working days to acknowledge a report.",
    )
    respond_days = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text="Working days to respond to a report, and again after it is reopened.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProviderQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name"]

    def __str__(self) -> str:
        return self.organisation.name

    @property
    def name(self) -> str:
        return self.organisation.name

    @property
    def targets(self) -> Targets:
        return Targets(self.acknowledge_days, self.respond_days)


class Responsibility(models.Model):
    """Who answers for a service in an area. The most specific area holding a point wins."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="responsibilities")
    area = models.ForeignKey("places.Area", on_delete=models.CASCADE, related_name="+")
    provider = models.ForeignKey(
        Provider, on_delete=models.CASCADE, related_name="responsibilities"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["service__name", "area__area_type", "area__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "area"], name="feedback_one_provider_per_area"
            )
        ]
        verbose_name_plural = "responsibilities"

    def __str__(self) -> str:
        return f"{self.service} in {self.area}: {self.provider}"
