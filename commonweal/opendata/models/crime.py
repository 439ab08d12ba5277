"""Street-level crime as data.police.uk publishes it, and per-area monthly counts."""

from django.db import models


class StreetCrime(models.Model):
    """One crime or anti-social behaviour incident from a data.police.uk file.

    The point is the published, anonymised one (snapped to a street); the LSOA code
    is the police's own. `lsoa` is ours: the LSOA whose boundary covers the point.
    """

    dataset = models.ForeignKey(
        "datasets.DataSet", on_delete=models.PROTECT, related_name="street_crimes"
    )
    month = models.DateField(help_text="The first day of the month the crime was recorded in.")
    key = models.CharField(
        max_length=64,
        unique=True,
        help_text="The Crime ID, or (when it is blank) a stable hash of the row and its position.",
    )
    crime_id = models.CharField(max_length=64, blank=True)
    reported_by = models.CharField(max_length=100, blank=True)
    falls_within = models.CharField(max_length=100, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    location = models.CharField(max_length=200, blank=True)
    lsoa_code = models.CharField(max_length=9, blank=True, help_text="As given in the file.")
    lsoa_name = models.CharField(max_length=100, blank=True)
    lsoa = models.ForeignKey(
        "places.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="street_crimes",
        help_text="The LSOA our boundaries put the point in.",
        # The (lsoa, month) index below serves lookups by LSOA alone: a second index would
        # only slow every import down.
        db_index=False,
    )
    category = models.CharField(max_length=80)
    outcome = models.CharField(max_length=200, blank=True)
    context = models.TextField(blank=True)

    class Meta:
        ordering = ["month", "id"]
        indexes = [
            models.Index(fields=["lsoa", "month"], name="streetcrime_lsoa_month"),
            models.Index(fields=["month", "category"], name="streetcrime_month_category"),
        ]

    def __str__(self) -> str:
        return f"{self.category} {self.month:%Y-%m} {self.location}"


class CrimeCount(models.Model):
    """How many street crimes of one category our boundaries put in one area in one month.

    Rebuilt from StreetCrime for the months an import touches, for every area type
    (LSOAs directly; wards and boroughs through their LSOAs).
    """

    area = models.ForeignKey("places.Area", on_delete=models.CASCADE, related_name="crime_counts")
    month = models.DateField()
    category = models.CharField(max_length=80)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["month", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "month", "category"], name="crimecount_unique_cell"
            )
        ]
        indexes = [models.Index(fields=["month", "category"], name="crimecount_month_category")]

    def __str__(self) -> str:
        return f"{self.area_id} {self.month:%Y-%m} {self.category}: {self.count}"
