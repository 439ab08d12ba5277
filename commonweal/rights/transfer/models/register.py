"""The council's own land and buildings register (Local Government Transparency Code 2015,
TC-03), as imported from its published CSV."""

from django.db import models


class LandAssetQuerySet(models.QuerySet):
    def in_authority(self, authority) -> "LandAssetQuerySet":
        return self.filter(authority=authority)

    def located(self) -> "LandAssetQuerySet":
        return self.filter(longitude__isnull=False, latitude__isnull=False)


class LandAsset(models.Model):
    """One entry of a council's land and building assets register."""

    authority = models.ForeignKey(
        "places.Area", on_delete=models.PROTECT, related_name="land_assets"
    )
    asset_code = models.CharField(max_length=60)
    uprn = models.CharField(max_length=12, blank=True)
    name = models.CharField(max_length=300)
    street_number = models.CharField(max_length=40, blank=True)
    street_name = models.CharField(max_length=200, blank=True)
    post_town = models.CharField(max_length=100, blank=True)
    postcode = models.CharField(max_length=8, blank=True)
    # The file's CoordinateReferenceSystem as given, and the point as WGS84 longitude and
    # latitude (converted from British National Grid where the file used it).
    coordinate_system = models.CharField(max_length=40, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    tenure_type = models.CharField(max_length=40, blank=True)
    tenure_detail = models.CharField(max_length=100, blank=True)
    other_detail = models.CharField(max_length=300, blank=True)
    holding_type = models.CharField(max_length=40, blank=True)
    building_size_m2 = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    land_area_ha = models.DecimalField(max_digits=12, decimal_places=4, null=True, blank=True)
    energy_rating = models.CharField(max_length=4, blank=True)
    effective_date = models.DateField(null=True, blank=True)
    organisation_label = models.CharField(max_length=200, blank=True)
    organisation_uri = models.URLField(max_length=300, blank=True)
    is_sample = models.BooleanField(default=False)
    source_dataset = models.ForeignKey(
        "datasets.DataSet", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = LandAssetQuerySet.as_manager()

    class Meta:
        ordering = ["name", "asset_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "asset_code"], name="assettransfer_one_code_per_council"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        street = " ".join(p for p in (self.street_number, self.street_name) if p)
        return ", ".join(p for p in (street, self.post_town, self.postcode) if p)
