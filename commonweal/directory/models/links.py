from django.conf import settings
from django.db import models
from django.db.models import F, Q


class LinkKind(models.TextChoices):
    PARTNERSHIP = "partnership", "Partnership"
    UMBRELLA = "umbrella", "Umbrella or infrastructure support"


class OrganisationLinkQuerySet(models.QuerySet):
    def current(self) -> "OrganisationLinkQuerySet":
        return self.filter(ended_at__isnull=True)

    def involving(self, organisation) -> "OrganisationLinkQuerySet":
        return self.filter(Q(source=organisation) | Q(target=organisation))


class OrganisationLink(models.Model):
    """Two groups linked: partners, or one supporting the other (source supports target)."""

    source = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="links_out"
    )
    target = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="links_in"
    )
    kind = models.CharField(max_length=20, choices=LinkKind.choices)
    description = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    ended_at = models.DateTimeField(null=True, blank=True)

    objects = OrganisationLinkQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "source", "target"]
        constraints = [
            models.CheckConstraint(condition=~Q(source=F("target")), name="link_not_to_itself"),
            models.UniqueConstraint(
                fields=["source", "target", "kind"],
                condition=Q(ended_at__isnull=True),
                name="link_once_while_current",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.target_id} ({self.kind})"


class ConsortiumQuerySet(models.QuerySet):
    def current(self) -> "ConsortiumQuerySet":
        return self.filter(dissolved_at__isnull=True)


class Consortium(models.Model):
    """A named consortium of groups that can act together, for example to bid for a contract."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    purpose = models.TextField(blank=True)
    lead = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="consortia_led"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    dissolved_at = models.DateTimeField(null=True, blank=True)

    objects = ConsortiumQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ConsortiumMember(models.Model):
    consortium = models.ForeignKey(Consortium, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.CASCADE, related_name="consortium_memberships"
    )
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["consortium", "joined_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["consortium", "organisation"],
                condition=Q(left_at__isnull=True),
                name="consortium_member_once_while_current",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} in {self.consortium_id}"
