from decimal import Decimal
from functools import cached_property

import shapely
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from commonweal.directory.engine.classification import Classification, Workforce


class OrganisationKind(models.TextChoices):
    NEIGHBOURHOOD_GROUP = "neighbourhood_group", "Neighbourhood group"
    RESIDENTS_ASSOCIATION = "residents_association", "Residents' association"
    TENANTS_ASSOCIATION = "tenants_association", "Tenants' association"
    COMMUNITY_GROUP = "community_group", "Community group"
    FAITH_GROUP = "faith_group", "Faith group"
    CHARITY = "charity", "Charity"
    CIO = "cio", "Charitable incorporated organisation"
    CIC = "cic", "Community interest company"
    COOPERATIVE = "cooperative", "Co-operative or community benefit society"
    SOCIAL_ENTERPRISE = "social_enterprise", "Social enterprise"
    PARISH_COUNCIL = "parish_council", "Parish or town council"
    NEIGHBOURHOOD_FORUM = "neighbourhood_forum", "Neighbourhood forum"
    INFRASTRUCTURE = "infrastructure", "Council for voluntary service or infrastructure body"
    PUBLIC_PROVIDER = "public_provider", "Public service provider"
    BUSINESS = "business", "Business"


# Groups defined by a place: they must say which area they serve.
NEIGHBOURHOOD_KINDS = frozenset(
    {
        OrganisationKind.NEIGHBOURHOOD_GROUP,
        OrganisationKind.RESIDENTS_ASSOCIATION,
        OrganisationKind.TENANTS_ASSOCIATION,
        OrganisationKind.PARISH_COUNCIL,
        OrganisationKind.NEIGHBOURHOOD_FORUM,
    }
)


class LegalForm(models.TextChoices):
    UNINCORPORATED = "unincorporated", "Unincorporated association"
    TRUST = "trust", "Charitable trust"
    CIO = "cio", "Charitable incorporated organisation"
    COMPANY_GUARANTEE = "company_guarantee", "Company limited by guarantee"
    COMPANY_SHARES = "company_shares", "Company limited by shares"
    CIC = "cic", "Community interest company"
    SOCIETY = "society", "Co-operative or community benefit society"
    STATUTORY = "statutory", "Statutory body"
    OTHER = "other", "Other or not known"


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", "Waiting for an officer to check"
    VERIFIED = "verified", "Verified"
    WITHDRAWN = "withdrawn", "Withdrawn"


class ClassificationChoice(models.TextChoices):
    COMMUNITY_LED = Classification.COMMUNITY_LED.value, "Community-led"
    PROVIDER = Classification.PROVIDER.value, "Service provider"
    UNDETERMINED = Classification.UNDETERMINED.value, "Not yet classified"


class OrganisationQuerySet(models.QuerySet):
    def listed(self) -> "OrganisationQuerySet":
        """What the public sees: verified and not withdrawn."""
        return self.filter(status=VerificationStatus.VERIFIED)

    def awaiting_verification(self) -> "OrganisationQuerySet":
        return self.filter(status=VerificationStatus.UNVERIFIED)

    def in_authority(self, authority) -> "OrganisationQuerySet":
        return self.filter(authority=authority)

    def of_kind(self, *kinds: str) -> "OrganisationQuerySet":
        return self.filter(kind__in=kinds)

    def with_tag(self, slug: str) -> "OrganisationQuerySet":
        return self.filter(interest_tags__slug=slug).distinct()

    def community_led(self) -> "OrganisationQuerySet":
        return self.filter(
            Q(classification_override=ClassificationChoice.COMMUNITY_LED)
            | Q(
                classification_override="",
                computed_classification=ClassificationChoice.COMMUNITY_LED,
            )
        )

    def serving(self, lsoa) -> "OrganisationQuerySet":
        """Groups whose area of benefit covers a small area (LSOA 2021)."""
        return self.filter(served_lsoas=lsoa)

    def visible_to(self, user) -> "OrganisationQuerySet":
        """Listed ones for everyone; unverified and withdrawn ones too for the people who
        run them, the authority's officers and administrators."""
        from commonweal.accounts.models import Role
        from commonweal.accounts.roles import authorities_for

        if not getattr(user, "is_authenticated", False):
            return self.listed()
        visible = Q(status=VerificationStatus.VERIFIED) | Q(
            memberships__user=user,
            memberships__left_at__isnull=True,
            memberships__role__in=("leader", "admin"),
        )
        authorities = authorities_for(user, Role.OFFICER)
        if authorities is None:
            return self.all()
        if authorities:
            visible |= Q(authority_id__in=authorities)
        return self.filter(visible).distinct()


class PublicManager(models.Manager.from_queryset(OrganisationQuerySet)):
    """The default: only what the public may see. Use Organisation.records for the rest."""

    def get_queryset(self):
        return super().get_queryset().listed()


class Organisation(models.Model):
    """A group people form, or a body that serves them: one entry in the directory."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=30, choices=OrganisationKind.choices)
    legal_form = models.CharField(max_length=30, choices=LegalForm.choices, default=LegalForm.OTHER)
    charity_number = models.CharField(max_length=12, blank=True)
    company_number = models.CharField(max_length=10, blank=True)
    society_number = models.CharField(max_length=10, blank=True)
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    # The group's own contact, not a person's: published with the entry.
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=30, blank=True)
    postcode = models.CharField(max_length=8, blank=True, help_text="Where the group meets.")
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    authority = models.ForeignKey(
        "places.Area", on_delete=models.PROTECT, related_name="organisations"
    )

    # Areas of benefit: places it serves, a drawn boundary, or the whole borough.
    benefit_areas = models.ManyToManyField(
        "places.Area", blank=True, related_name="organisations_benefiting"
    )
    benefit_geometry = models.BinaryField(null=True, blank=True)
    borough_wide = models.BooleanField(default=False)
    # Derived from the areas of benefit by the service: the small areas (LSOA 2021) served.
    served_lsoas = models.ManyToManyField(
        "places.Area", blank=True, related_name="organisations_serving"
    )
    interest_tags = models.ManyToManyField(
        "directory.InterestTag", blank=True, related_name="organisations"
    )

    # Workforce and money, as the organisation tells us.
    members_count = models.PositiveIntegerField(null=True, blank=True)
    active_volunteers = models.PositiveIntegerField(null=True, blank=True)
    paid_staff_fte = models.DecimalField(
        max_digits=8, decimal_places=1, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    annual_income = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    contract_income_share = models.DecimalField(
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="From 0 to 1: the share of income earned from contracts to deliver services.",
    )
    figures_year = models.PositiveSmallIntegerField(null=True, blank=True)

    computed_classification = models.CharField(
        max_length=20,
        choices=ClassificationChoice.choices,
        default=ClassificationChoice.UNDETERMINED,
    )
    computed_reason = models.CharField(max_length=400, blank=True)
    computed_rule = models.CharField(max_length=40, blank=True)
    classification_override = models.CharField(
        max_length=20, choices=ClassificationChoice.choices, blank=True
    )
    override_justification = models.TextField(blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    override_at = models.DateTimeField(null=True, blank=True)

    status = models.CharField(
        max_length=12, choices=VerificationStatus.choices, default=VerificationStatus.UNVERIFIED
    )
    # Sample organisations made by the demo: never real groups, and labelled as such.
    is_sample = models.BooleanField(default=False)
    source_dataset = models.ForeignKey(
        "datasets.DataSet", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # No unfiltered default manager: `public` hides unverified and withdrawn entries, and
    # code that needs them says so by using `records`.
    public = PublicManager()
    records = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        base_manager_name = "records"
        indexes = [models.Index(fields=["authority", "status"])]

    def __str__(self) -> str:
        return self.name

    # Classification ------------------------------------------------------------------

    def workforce(self) -> Workforce:
        return Workforce(
            kind=self.kind,
            members=self.members_count,
            active_volunteers=self.active_volunteers,
            paid_staff_fte=self.paid_staff_fte,
            annual_income=self.annual_income,
            contract_income_share=(
                Decimal(self.contract_income_share)
                if self.contract_income_share is not None
                else None
            ),
        )

    @property
    def classification(self) -> str:
        return self.classification_override or self.computed_classification

    @property
    def classification_label(self) -> str:
        return ClassificationChoice(self.classification).label

    @property
    def is_overridden(self) -> bool:
        return bool(self.classification_override)

    @property
    def is_community_led(self) -> bool:
        return self.classification == ClassificationChoice.COMMUNITY_LED

    @property
    def is_listed(self) -> bool:
        return self.status == VerificationStatus.VERIFIED

    @property
    def is_neighbourhood_kind(self) -> bool:
        return self.kind in NEIGHBOURHOOD_KINDS

    # Identifiers ---------------------------------------------------------------------

    def org_ids(self) -> list[str]:
        from commonweal.directory.engine.identifiers import PARSERS

        found = []
        for field, kind in (
            ("charity_number", "charity"),
            ("company_number", "company"),
            ("society_number", "society"),
        ):
            value = getattr(self, field)
            if value:
                found.append(str(PARSERS[kind](value)))
        return found

    # Geometry ------------------------------------------------------------------------

    @cached_property
    def benefit_shape(self) -> shapely.Geometry | None:
        if self.benefit_geometry is None:
            return None
        return shapely.from_wkb(bytes(self.benefit_geometry))


class Activity(models.Model):
    """Something a group does or offers: published as an Open Referral UK service."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="activities"
    )
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    schedule = models.CharField(max_length=200, blank=True, help_text="For example “Tuesdays 7pm”.")
    postcode = models.CharField(max_length=8, blank=True)
    url = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation", "name"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return self.name


class StatusChange(models.Model):
    """One change of an organisation's verification status: append-only, attributed."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(max_length=12, choices=VerificationStatus.choices)
    reason = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    changed_at = models.DateTimeField()

    class Meta:
        ordering = ["changed_at", "id"]
        get_latest_by = "changed_at"

    def __str__(self) -> str:
        return f"{self.organisation_id}: {self.status} at {self.changed_at:%Y-%m-%d}"
