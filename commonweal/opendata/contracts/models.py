"""Contracts for public services, and the OCDS releases published about each one.

A contract's current state lives on Contract and its related rows; every change an officer
makes (or an import brings) is also kept as an append-only Release: the OCDS release as it
was published, so that what was said on a date never changes afterwards.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class Status(models.TextChoices):
    PLANNED = "planned", "Planned"
    TENDER = "tender", "Out to tender"
    AWARDED = "awarded", "Awarded"
    ACTIVE = "active", "Active"
    COMPLETE = "complete", "Complete"
    TERMINATED = "terminated", "Ended early"


# The order a contract normally moves through; a status may also be corrected backwards.
AWARDED_STATUSES = frozenset({Status.AWARDED, Status.ACTIVE, Status.COMPLETE, Status.TERMINATED})


class Route(models.TextChoices):
    OPEN = "open", "Open procedure"
    RESTRICTED = "restricted", "Restricted procedure"
    DIRECT = "direct", "Direct award"
    CHALLENGE = "challenge", "Procurement after a community right to challenge"


class Sector(models.TextChoices):
    VCS = "vcs", "Voluntary and community sector"
    PRIVATE = "private", "Private sector"
    PUBLIC = "public", "Public sector"


class ContractQuerySet(models.QuerySet):
    def in_authority(self, authority) -> "ContractQuerySet":
        return self.filter(authority=authority)

    def for_service(self, service: str) -> "ContractQuerySet":
        return self.filter(service__iexact=service)

    def with_supplier(self, organisation) -> "ContractQuerySet":
        return self.filter(supplier_links__organisation=organisation).distinct()

    def in_sector(self, sector: str) -> "ContractQuerySet":
        return self.filter(supplier_links__sector=sector).distinct()

    def serving(self, area) -> "ContractQuerySet":
        return self.filter(areas_served=area).distinct()

    def visible_to(self, user) -> "ContractQuerySet":
        # Contracts for public services are public from the moment they are recorded.
        return self.all()


class Contract(models.Model):
    ocid = models.CharField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    service = models.CharField(max_length=120, help_text="The public service, e.g. Youth work.")
    cpv_code = models.CharField(
        max_length=10, blank=True, help_text="Common Procurement Vocabulary."
    )
    # The authority whose officers keep this record (the council, or the buyer's borough).
    authority = models.ForeignKey("places.Area", on_delete=models.PROTECT, related_name="+")
    # The buyer: the council itself, or an organisation in the directory (never both).
    buyer_council = models.ForeignKey(
        "places.Area", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    buyer_organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contracts_bought",
    )
    value_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default="GBP")
    award_date = models.DateField(null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    areas_served = models.ManyToManyField("places.Area", blank=True, related_name="contracts")
    route = models.CharField(max_length=12, choices=Route.choices, default=Route.OPEN)
    # The right to challenge procurement exercise this contract follows, when we hold it. An
    # imported contract may name an exercise we do not hold: then only the reference is kept.
    procurement_exercise = models.ForeignKey(
        "challenge.ProcurementExercise",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="contracts",
    )
    # The expression of interest's reference (copied from the exercise when one is linked).
    challenge_reference = models.CharField(max_length=120, blank=True)
    social_value_weighting = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="The share of the award evaluation given to social value, in per cent.",
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PLANNED)
    is_sample = models.BooleanField(default=False)
    source_dataset = models.ForeignKey(
        "datasets.DataSet", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContractQuerySet.as_manager()

    class Meta:
        ordering = ["-award_date", "title", "id"]
        indexes = [models.Index(fields=["authority", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(buyer_council__isnull=True)
                | models.Q(buyer_organisation__isnull=True),
                name="contract_one_buyer",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def buyer(self):
        return self.buyer_organisation or self.buyer_council

    @property
    def buyer_name(self) -> str:
        if self.buyer_organisation_id:
            return self.buyer_organisation.name
        return f"{self.buyer_council.name} Council" if self.buyer_council_id else ""

    @property
    def is_awarded(self) -> bool:
        return self.status in AWARDED_STATUSES


class SupplierLink(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="supplier_links")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="contracts_supplied"
    )
    sector = models.CharField(max_length=10, choices=Sector.choices)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "organisation"], name="contract_supplier_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} supplies {self.contract_id}"


class SocialValueCommitment(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="commitments")
    position = models.PositiveSmallIntegerField()
    commitment = models.CharField(max_length=300)
    measure = models.CharField(max_length=300, blank=True, help_text="How it will be measured.")

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.commitment


class Amendment(models.Model):
    """A change to the terms after award (or to the tender), with its reason."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="amendments")
    number = models.PositiveSmallIntegerField()
    # Before award an amendment changes the tender; after it, the contract (OCDS keeps them apart).
    stage = models.CharField(
        max_length=8, choices=[("tender", "Tender"), ("contract", "Contract")], default="contract"
    )
    date = models.DateTimeField()
    rationale = models.TextField()
    description = models.TextField(blank=True)
    amends_release_id = models.CharField(max_length=160, blank=True)
    release_id = models.CharField(max_length=160)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "number"], name="amendment_unique_number")
        ]

    def __str__(self) -> str:
        return f"Amendment {self.number} to {self.contract_id}"


class Release(models.Model):
    """One OCDS release, exactly as published: append-only, attributed."""

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="releases")
    release_id = models.CharField(max_length=160)
    sequence = models.PositiveIntegerField()
    date = models.DateTimeField()
    tags = models.JSONField()
    status = models.CharField(max_length=12, choices=Status.choices)
    data = models.JSONField()
    imported = models.BooleanField(default=False)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["sequence"]
        constraints = [
            models.UniqueConstraint(fields=["contract", "release_id"], name="release_unique_id"),
            models.UniqueConstraint(fields=["contract", "sequence"], name="release_unique_seq"),
        ]

    def __str__(self) -> str:
        return self.release_id

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A published release never changes; publish a new one.")
        super().save(*args, **kwargs)
