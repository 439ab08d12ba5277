from functools import cached_property

import shapely
from django.conf import settings
from django.db import models


class AreaType(models.TextChoices):
    COUNTRY = "country", "Country"
    REGION = "region", "Region"
    LOCAL_AUTHORITY = "lad", "Local authority"
    WARD = "ward", "Ward"
    MSOA = "msoa", "Middle layer super output area"
    LSOA11 = "lsoa11", "Lower layer super output area (2011)"
    LSOA21 = "lsoa21", "Lower layer super output area (2021)"
    NEIGHBOURHOOD = "neighbourhood", "Neighbourhood"


# Small areas from which larger figures are built, by census generation.
LSOA_TYPES = (AreaType.LSOA11, AreaType.LSOA21)


class AreaQuerySet(models.QuerySet):
    def of_type(self, *types: str) -> "AreaQuerySet":
        return self.filter(area_type__in=types)

    def in_authority(self, authority: "Area | str") -> "AreaQuerySet":
        if isinstance(authority, str):
            return self.filter(authority__gss_code=authority)
        return self.filter(authority=authority)

    def authorities(self) -> "AreaQuerySet":
        return self.filter(area_type=AreaType.LOCAL_AUTHORITY)

    def with_geometry(self) -> "AreaQuerySet":
        return self.exclude(geometry__isnull=True)


class Area(models.Model):
    """A place with a boundary: an ONS statistical or administrative area, or a
    neighbourhood an officer has defined.

    Geometry is stored as WKB (WGS84 longitude/latitude) in an ordinary column;
    point lookups use an in-process spatial index built from it.
    """

    gss_code = models.CharField(max_length=32, help_text="ONS GSS code, e.g. E01010875.")
    name = models.CharField(max_length=200)
    area_type = models.CharField(max_length=20, choices=AreaType.choices, db_index=True)
    generation = models.CharField(
        max_length=120, blank=True, help_text="The ONS boundary release this came from."
    )
    dataset = models.ForeignKey(
        "datasets.DataSet", null=True, blank=True, on_delete=models.PROTECT, related_name="areas"
    )
    authority = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="areas_within",
        help_text="The local authority the area lies in.",
    )
    parents = models.ManyToManyField("self", symmetrical=False, related_name="children", blank=True)
    # For neighbourhoods defined as a set of LSOAs.
    members = models.ManyToManyField(
        "self", symmetrical=False, related_name="member_of", blank=True
    )
    geometry = models.BinaryField(null=True, blank=True)
    generalised = models.BooleanField(
        default=False,
        help_text="Simplified for maps, so point lookups near edges are approximate.",
    )
    centroid_lon = models.FloatField(null=True, blank=True)
    centroid_lat = models.FloatField(null=True, blank=True)
    population_total = models.PositiveIntegerField(null=True, blank=True)
    population_adults = models.PositiveIntegerField(null=True, blank=True)
    population_note = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="areas_created",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["area_type", "name"]
        constraints = [
            models.UniqueConstraint(fields=["area_type", "gss_code"], name="area_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.gss_code})"

    @cached_property
    def shape(self) -> shapely.Geometry | None:
        if self.geometry is None:
            return None
        return shapely.from_wkb(bytes(self.geometry))

    def set_shape(self, geometry: shapely.Geometry) -> None:
        self.geometry = shapely.to_wkb(geometry)
        point = geometry.representative_point() if not geometry.is_empty else None
        centroid = geometry.centroid
        # The centroid of an odd shape can fall outside it; use a point inside instead.
        if point is not None and not geometry.covers(centroid):
            centroid = point
        self.centroid_lon = round(centroid.x, 6) if point is not None else None
        self.centroid_lat = round(centroid.y, 6) if point is not None else None
        self.__dict__.pop("shape", None)

    @property
    def is_custom(self) -> bool:
        return self.area_type == AreaType.NEIGHBOURHOOD


class LsoaLink(models.Model):
    """One pairing in the ONS LSOA 2011 ↔ 2021 lookup."""

    class Change(models.TextChoices):
        UNCHANGED = "U", "Unchanged"
        SPLIT = "S", "Split"
        MERGED = "M", "Merged"
        REDRAWN = "X", "Redrawn"

    lsoa11 = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="links_to_2021")
    lsoa21 = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="links_to_2011")
    change = models.CharField(max_length=1, choices=Change.choices)
    dataset = models.ForeignKey("datasets.DataSet", on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lsoa11", "lsoa21"], name="lsoalink_unique_pair")
        ]

    def __str__(self) -> str:
        return f"{self.lsoa11_id} → {self.lsoa21_id} ({self.change})"


class PopulationEstimate(models.Model):
    """ONS small-area population estimate for one area and year, by single year of age."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="population_estimates")
    year = models.PositiveSmallIntegerField()
    total = models.PositiveIntegerField()
    adults = models.PositiveIntegerField(help_text="Aged 18 and over.")
    by_age = models.JSONField(help_text='{"0": n, ..., "90+": n}')
    dataset = models.ForeignKey("datasets.DataSet", on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="population_unique_year")
        ]

    def __str__(self) -> str:
        return f"{self.area_id} mid-{self.year}: {self.total}"


class Edition(models.TextChoices):
    IOD2019 = "iod2019", "English Indices of Deprivation 2019"
    IOD2025 = "iod2025", "English Indices of Deprivation 2025"


# How many LSOAs each edition ranks (1 = most deprived).
EDITION_AREA_COUNT = {Edition.IOD2019: 32844, Edition.IOD2025: 33755}


class Domain(models.TextChoices):
    IMD = "imd", "Index of Multiple Deprivation"
    INCOME = "income", "Income"
    EMPLOYMENT = "employment", "Employment"
    EDUCATION = "education", "Education, skills and training"
    HEALTH = "health", "Health deprivation and disability"
    CRIME = "crime", "Crime"
    HOUSING = "housing", "Barriers to housing and services"
    ENVIRONMENT = "environment", "Living environment"


class DeprivationScore(models.Model):
    """One LSOA's rank, decile and (2025 only) score on one domain of one edition."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="deprivation")
    edition = models.CharField(max_length=10, choices=Edition.choices)
    domain = models.CharField(max_length=15, choices=Domain.choices)
    score = models.DecimalField(max_digits=9, decimal_places=3, null=True, blank=True)
    rank = models.PositiveIntegerField()
    decile = models.PositiveSmallIntegerField()
    dataset = models.ForeignKey("datasets.DataSet", on_delete=models.PROTECT)

    class Meta:
        ordering = ["edition", "domain"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "edition", "domain"], name="deprivation_unique_measure"
            ),
            models.CheckConstraint(
                condition=models.Q(decile__gte=1, decile__lte=10), name="deprivation_decile_1_10"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.area_id} {self.edition} {self.domain}: decile {self.decile}"


class Postcode(models.Model):
    """A postcode and the areas the ONS postcode lookup places it in (authoritative)."""

    postcode = models.CharField(max_length=8, unique=True, help_text='Normalised, e.g. "HX1 1AA".')
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    lsoa11_code = models.CharField(max_length=9, blank=True, db_index=True)
    lsoa21_code = models.CharField(max_length=9, blank=True, db_index=True)
    ward_code = models.CharField(max_length=9, blank=True)
    authority_code = models.CharField(max_length=9, blank=True, db_index=True)
    dataset = models.ForeignKey("datasets.DataSet", on_delete=models.PROTECT)

    class Meta:
        ordering = ["postcode"]

    def __str__(self) -> str:
        return self.postcode
