"""Disposals of listed land: the owner's notice (s.95(2)), requests to be treated as a
potential bidder, claimed exemptions (s.95(5), Schedule 3), recorded disposals, and
compensation claims (s.99). Dates are stored as received; every period is computed."""

from django.conf import settings
from django.db import models

from commonweal.rights.models.nominations import NominatorKind


class DisposalNotice(models.Model):
    """The owner's written notice of wishing to enter into a relevant disposal (s.95(2))."""

    nomination = models.ForeignKey(
        "rights.Nomination", on_delete=models.CASCADE, related_name="disposal_notices"
    )
    received_on = models.DateField(help_text="The day the council received the notice.")
    given_by = models.CharField(max_length=300, help_text="The owner who gave it.")
    intended_disposal = models.CharField(max_length=300, blank=True)
    # A further notice inside an earlier one's protected period starts no new moratorium
    # (ACV-22, advice-note policy [R]); kept for the record and flagged.
    within_earlier_protected_period = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return f"Owner's notice received {self.received_on}"


class BidderRequest(models.Model):
    """A written request (however expressed) to be treated as a potential bidder."""

    disposal_notice = models.ForeignKey(
        DisposalNotice, on_delete=models.CASCADE, related_name="bidder_requests"
    )
    organisation = models.ForeignKey(
        "directory.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="acv_bidder_requests",
    )
    group_name = models.CharField(max_length=200)
    body_kind = models.CharField(max_length=45, choices=NominatorKind.choices)
    received_on = models.DateField()
    received_by_council = models.BooleanField(default=True)
    passed_to_owner_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return f"{self.group_name} on {self.received_on}"


class ExemptionBasis(models.TextChoices):
    """The rulebook's list (ACV-24): s.95(5) (a)-(j) and Schedule 3."""

    GIFT = "gift", "A gift, including to trustees by way of settlement (s.95(5)(a))"
    WILL = "will", "By personal representatives under a will or intestacy (s.95(5)(b))"
    ESTATE_DEBTS = (
        "estate_debts",
        "By personal representatives to pay debts or legacies (s.95(5)(c))",
    )
    FAMILY = "family", "Between members of the same family (s.95(5)(d))"
    PART_LISTED = "part_listed", "A part-listed disposal of a prescribed description (s.95(5)(e))"
    GOING_CONCERN = "going_concern", "With a business as a going concern (s.95(5)(f)) [R]"
    TRUSTEE_CHANGE = (
        "trustee_change",
        "A person becoming or ceasing to be a trustee (s.95(5)(g)) [R]",
    )
    TRUSTEES = "trustees", "Certain disposals by trustees (s.95(5)(h)) [R]"
    PARTNER_CHANGE = (
        "partner_change",
        "A person becoming or ceasing to be a partner (s.95(5)(i)) [R]",
    )
    COURT_ORDER = "court_order", "Under an order of a court or tribunal (Sch 3 para 1)"
    SEPARATION = "separation", "Under a separation agreement (Sch 3 para 2)"
    INCAPACITY = "incapacity", "Under a statutory provision on incapacity (Sch 3 para 3)"
    OPTION = (
        "option",
        "Under a s.106 obligation, option or pre-emption right made before listing (Sch 3 para 4)",
    )
    CHURCH = "church", "A closed Church of England church (Sch 3) [R]"
    HEALTH = "health", "For continuing health-service use (Sch 3) [R]"
    SCHOOL = "school", "Land to be held for a school, FE college or 16-19 Academy (Sch 3) [R]"
    STATUTORY = "statutory", "Under a statutory requirement (Sch 3) [R]"
    GROUP_COMPANIES = "group_companies", "Between companies in the same group (Sch 3) [R]"
    INSOLVENCY = "insolvency", "In insolvency or bankruptcy proceedings (Sch 3) [R]"
    COMPULSORY_PURCHASE = (
        "compulsory_purchase",
        "Connected with a statutory compulsory purchase [R]",
    )


class DisposalType(models.TextChoices):
    FREEHOLD_VACANT = "freehold_vacant", "Freehold with vacant possession"
    FREEHOLD_TENANTED = "freehold_tenanted", "Freehold subject to a continuing tenancy"
    LEASE_GRANT = "lease_grant", "Grant of a lease with vacant possession"
    LEASE_ASSIGNMENT = "lease_assignment", "Assignment of a lease with vacant possession"
    OTHER = "other", "Another transaction"


class Disposal(models.Model):
    """A disposal of the land as recorded by the council (from the owner, the Land
    Registry or the conveyancer's Form QQ certificate)."""

    nomination = models.ForeignKey(
        "rights.Nomination", on_delete=models.CASCADE, related_name="disposals"
    )
    disposal_type = models.CharField(max_length=20, choices=DisposalType.choices)
    lease_years = models.PositiveIntegerField(null=True, blank=True)
    binding_on = models.DateField(
        help_text="When the agreement became binding (exchange), or the disposal took place."
    )
    buyer = models.CharField(max_length=300)
    buyer_kind = models.CharField(max_length=45, choices=NominatorKind.choices)
    buyer_requested_to_bid = models.BooleanField(
        default=False, help_text="The buyer is a group that asked to be treated as a bidder."
    )
    exemption = models.CharField(max_length=25, choices=ExemptionBasis.choices, blank=True)
    exemption_details = models.TextField(blank=True)
    option_granted_on = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["binding_on", "id"]

    def __str__(self) -> str:
        return f"{self.get_disposal_type_display()} to {self.buyer} on {self.binding_on}"


class CompensationOutcome(models.TextChoices):
    PENDING = "pending", "Not yet decided"
    PAID = "paid", "Compensation awarded"
    REFUSED = "refused", "Refused"


class CompensationClaim(models.Model):
    nomination = models.ForeignKey(
        "rights.Nomination", on_delete=models.CASCADE, related_name="compensation_claims"
    )
    claimant = models.CharField(max_length=300)
    loss_description = models.TextField()
    loss_incurred_on = models.DateField(
        help_text="When the loss was incurred, or (if continuing) finished being incurred."
    )
    received_on = models.DateField()
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    evidence = models.TextField()
    outcome = models.CharField(
        max_length=10, choices=CompensationOutcome.choices, default=CompensationOutcome.PENDING
    )
    decision_notice_on = models.DateField(null=True, blank=True)
    awarded = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    reasons = models.TextField(blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return f"Claim by {self.claimant} received {self.received_on}"
