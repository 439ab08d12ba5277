"""Council spending as the Local Government Transparency Code publishes it.

One Payment per line of a council's spending file (over £500, or procurement card), each
with its Supplier (classified by sector) and its ServiceArea (which officers can place in
the neighbourhoods it serves).
"""

from decimal import Decimal

from django.conf import settings
from django.db import models


class PaymentKind(models.TextChoices):
    OVER_500 = "over_500", "Spending over £500"
    CARD = "card", "Procurement card transactions"


class Sector(models.TextChoices):
    VCS = "vcs", "Voluntary and community sector"
    PRIVATE = "private", "Private sector"
    PUBLIC = "public", "Public sector"
    INDIVIDUAL = "individual", "Individuals (names withheld)"
    UNKNOWN = "unknown", "Not known"


class ServiceAreaQuerySet(models.QuerySet):
    def in_authority(self, authority) -> "ServiceAreaQuerySet":
        return self.filter(authority=authority)

    def placed(self) -> "ServiceAreaQuerySet":
        return self.filter(areas__isnull=False).distinct()

    def serving(self, area) -> "ServiceAreaQuerySet":
        return self.filter(areas=area)


class ServiceArea(models.Model):
    """A council department or cost centre, as the spending file names it ("Expense Area",
    "OrganisationalUnit"). Officers record which places it serves, if any."""

    authority = models.ForeignKey(
        "places.Area", on_delete=models.PROTECT, related_name="spending_service_areas"
    )
    name = models.CharField(max_length=300)
    areas = models.ManyToManyField(
        "places.Area",
        blank=True,
        related_name="spending_services_placed",
        help_text="The wards or neighbourhoods this service area spends in.",
    )
    borough_wide = models.BooleanField(
        default=False, help_text="An officer has said it serves the whole borough."
    )
    mapping_note = models.TextField(blank=True)
    mapped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    mapped_at = models.DateTimeField(null=True, blank=True)

    objects = ServiceAreaQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "name"], name="servicearea_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Supplier(models.Model):
    """Who a council paid, as its files name them, matched to the directory where we can."""

    authority = models.ForeignKey(
        "places.Area", on_delete=models.PROTECT, related_name="spending_suppliers"
    )
    key = models.CharField(max_length=200, help_text="The name, normalised.")
    name = models.CharField(max_length=300)
    supplier_ref = models.CharField(max_length=60, blank=True, help_text="The council's own ID.")
    company_number = models.CharField(max_length=20, blank=True)
    charity_number = models.CharField(max_length=20, blank=True)
    vat_number = models.CharField(max_length=20, blank=True)
    org_id = models.CharField(max_length=40, blank=True)
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spending_suppliers",
    )
    match_reason = models.CharField(max_length=300, blank=True)
    sector = models.CharField(max_length=12, choices=Sector.choices, default=Sector.UNKNOWN)
    sector_reason = models.CharField(max_length=300, blank=True)
    community_led = models.BooleanField(default=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "key"], name="supplier_unique_key")
        ]

    def __str__(self) -> str:
        return self.name


class Payment(models.Model):
    """One line of a spending file, in pence so that sums are exact on every database.

    `amount_pence` is net of recoverable VAT, negative for a credit; `vat_pence` is the VAT
    the council could not recover (None when the file does not say)."""

    dataset = models.ForeignKey("datasets.DataSet", on_delete=models.PROTECT, related_name="+")
    authority = models.ForeignKey("places.Area", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=10, choices=PaymentKind.choices)
    key = models.CharField(
        max_length=64,
        help_text="The transaction number, or a stable hash of a repeated one.",
    )
    transaction_number = models.CharField(max_length=64, blank=True)
    date = models.DateField()
    amount_pence = models.BigIntegerField()
    vat_pence = models.BigIntegerField(
        null=True, blank=True, help_text="Irrecoverable VAT, in pence."
    )
    supplier = models.ForeignKey(Supplier, on_delete=models.PROTECT, related_name="payments")
    service_area = models.ForeignKey(ServiceArea, on_delete=models.PROTECT, related_name="payments")
    expense_category = models.CharField(max_length=300, blank=True)
    expense_code = models.CharField(max_length=60, blank=True)
    purpose = models.CharField(max_length=300, blank=True)
    invoice_number = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["date", "id"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "kind", "key"], name="payment_unique_key")
        ]
        indexes = [
            models.Index(fields=["authority", "date"], name="payment_authority_date"),
            models.Index(fields=["service_area", "date"], name="payment_service_date"),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.supplier_id} £{self.amount}"

    @property
    def amount(self) -> Decimal:
        return pounds(self.amount_pence)

    @property
    def irrecoverable_vat(self) -> Decimal | None:
        return None if self.vat_pence is None else pounds(self.vat_pence)


def pounds(pence: int | None) -> Decimal:
    return (Decimal(pence or 0) / 100).quantize(Decimal("0.01"))


def pence(amount: Decimal) -> int:
    return int((amount * 100).to_integral_value())
