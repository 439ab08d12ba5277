"""Street-level crime as data.police.uk publishes it, and per-area monthly counts."""

from django.db import models


class CrimeMonth(models.Model):
    """One month of street crimes, as data.police.uk publishes them: which file holds its
    rows (see commonweal.opendata.crime_store), and which imports they came from.

    The rows are kept in columns, a file a month, not as database rows: a national month
    is over half a million of them (ADR 0019). Each is one crime or incident of
    anti-social behaviour at its published, anonymised point, with the police's LSOA code
    and ours (the LSOA whose boundary covers the point) beside it.
    """

    month = models.DateField(unique=True, help_text="The first day of the month.")
    file_name = models.CharField(max_length=100, help_text="The month's file in the store.")
    rows = models.PositiveIntegerField(default=0)
    located = models.PositiveIntegerField(default=0, help_text="Rows with a point.")
    datasets = models.ManyToManyField(
        "datasets.DataSet",
        related_name="crime_months",
        help_text="The imported files the month's rows came from.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["month"]

    def __str__(self) -> str:
        return f"Street crimes {self.month:%Y-%m}: {self.rows}"


class CrimeCount(models.Model):
    """How many street crimes of one category our boundaries put in one area in one month.

    Rebuilt from the stored crimes for the months an import touches, for every area type
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
