"""Assets offered for community transfer, the criteria published with each offer, requests
from groups (alone or jointly), the council's assessment, the terms and the decision."""

from django.conf import settings
from django.db import models
from django.db.models import Q


class OfferStatus(models.TextChoices):
    OPEN = "open", "Open for requests"
    CLOSED = "closed", "Closed to new requests"
    TRANSFERRED = "transferred", "Transferred"
    WITHDRAWN = "withdrawn", "Withdrawn"


class TransferOffer(models.Model):
    """The council's offer of an asset for community asset transfer."""

    asset = models.ForeignKey(
        "assettransfer.LandAsset", on_delete=models.PROTECT, related_name="offers"
    )
    slug = models.SlugField(max_length=220, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    closes_on = models.DateField(null=True, blank=True, help_text="The last day for requests.")
    status = models.CharField(max_length=12, choices=OfferStatus.choices, default=OfferStatus.OPEN)
    is_sample = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    """One published criterion requests are assessed against, with its weight."""

    offer = models.ForeignKey(TransferOffer, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    weight = models.PositiveSmallIntegerField(default=1)
    max_score = models.PositiveSmallIntegerField(default=5)

    class Meta:
        ordering = ["offer", "pk"]

    def __str__(self) -> str:
        return self.name


class RequestStatus(models.TextChoices):
    INVITED = "invited", "Invited to bid jointly"
    SUBMITTED = "submitted", "Submitted, waiting for assessment"
    APPROVED = "approved", "Approved"
    REFUSED = "refused", "Refused"
    WITHDRAWN = "withdrawn", "Withdrawn"


OPEN_REQUESTS = (RequestStatus.INVITED, RequestStatus.SUBMITTED)
DECIDED_REQUESTS = (RequestStatus.APPROVED, RequestStatus.REFUSED)
TRANSITIONS = {
    RequestStatus.INVITED: {RequestStatus.SUBMITTED, RequestStatus.WITHDRAWN},
    RequestStatus.SUBMITTED: {
        RequestStatus.APPROVED,
        RequestStatus.REFUSED,
        RequestStatus.WITHDRAWN,
    },
}


class Tenure(models.TextChoices):
    FREEHOLD = "freehold", "Freehold"
    LEASE = "lease", "Lease"


class TransferRequestQuerySet(models.QuerySet):
    def decided(self):
        return self.filter(status__in=DECIDED_REQUESTS)

    def visible_to(self, user):
        """Decided ones for everyone; the rest for the groups' leaders and the council."""
        from commonweal.accounts.models import Role
        from commonweal.accounts.roles import authorities_for

        visible = Q(status__in=DECIDED_REQUESTS)
        if not getattr(user, "is_authenticated", False):
            return self.filter(visible)
        authorities = authorities_for(user, Role.OFFICER)
        if authorities is None:
            return self.all()
        visible |= Q(
            parties__organisation__memberships__user=user,
            parties__organisation__memberships__left_at__isnull=True,
            parties__organisation__memberships__role__in=("leader", "admin"),
        )
        if authorities:
            visible |= Q(offer__asset__authority_id__in=authorities)
        return self.filter(visible).distinct()


class TransferRequest(models.Model):
    """A request to take the asset over: from one group, or jointly from several."""

    offer = models.ForeignKey(TransferOffer, on_delete=models.PROTECT, related_name="requests")
    reference = models.CharField(max_length=20, unique=True)
    status = models.CharField(max_length=10, choices=RequestStatus.choices)
    invitation = models.TextField(blank=True, help_text="The officer's invitation to bid jointly.")
    proposed_use = models.TextField(blank=True)
    business_case = models.TextField(blank=True)
    proposed_tenure = models.CharField(max_length=10, choices=Tenure.choices, blank=True)
    proposed_lease_years = models.PositiveSmallIntegerField(null=True, blank=True)
    proposed_rent = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    submitted_on = models.DateField(null=True, blank=True)

    # The decision and its terms.
    decided_on = models.DateField(null=True, blank=True)
    decision_reasons = models.TextField(blank=True)
    tenure = models.CharField(max_length=10, choices=Tenure.choices, blank=True)
    lease_years = models.PositiveSmallIntegerField(null=True, blank=True)
    annual_rent = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    market_value = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    consideration = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    # Less than best consideration: the value the council gives up (market value less the
    # consideration), recorded with every approved transfer.
    undervalue = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TransferRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.reference}: {self.parties_label}"

    @property
    def parties_label(self) -> str:
        return " and ".join(p.organisation.name for p in self.parties.all())

    @property
    def is_joint(self) -> bool:
        return self.parties.count() > 1

    @property
    def is_decided(self) -> bool:
        return self.status in DECIDED_REQUESTS

    def can_move_to(self, status: str) -> bool:
        return status in TRANSITIONS.get(self.status, set())

    def weighted_score(self) -> tuple[int, int]:
        """(score, out of) over the criteria scored so far, each times its weight."""
        got = total = 0
        for score in self.scores.select_related("criterion"):
            got += score.score * score.criterion.weight
            total += score.criterion.max_score * score.criterion.weight
        return got, total


class RequestParty(models.Model):
    """One organisation making (or invited to make) the request."""

    request = models.ForeignKey(TransferRequest, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "directory.Organisation", on_delete=models.PROTECT, related_name="transfer_requests"
    )
    lead = models.BooleanField(default=False)

    class Meta:
        ordering = ["-lead", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "organisation"], name="assettransfer_party_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} in {self.request_id}"


class Score(models.Model):
    """The council's assessment of a request against one published criterion."""

    request = models.ForeignKey(TransferRequest, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    score = models.PositiveSmallIntegerField()
    notes = models.TextField()
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessed_at = models.DateTimeField()

    class Meta:
        ordering = ["criterion__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "criterion"], name="assettransfer_one_score_per_criterion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.score} for {self.criterion_id} on {self.request_id}"


class StatusChange(models.Model):
    """One change of a request's status: append-only, attributed."""

    request = models.ForeignKey(
        TransferRequest, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(max_length=10, choices=RequestStatus.choices)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "id"]

    def __str__(self) -> str:
        return f"{self.request_id}: {self.status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Status changes are append-only: record a new one instead.")
        super().save(*args, **kwargs)
