from django.db import models

OGL_V3 = "Open Government Licence v3.0"
OGL_V3_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class DataSetQuerySet(models.QuerySet):
    def latest_for(self, source: str) -> "DataSet | None":
        return self.filter(source=source).order_by("-retrieved_at", "-id").first()


class DataSet(models.Model):
    """Where a body of imported rows came from, and on what terms.

    Every imported row links to the DataSet it came from, and every page that
    shows data shows the attribution of the datasets behind it.
    """

    source = models.CharField(max_length=80, db_index=True, help_text="The importer's key.")
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200)
    source_url = models.URLField(max_length=500, blank=True)
    licence = models.CharField(max_length=200, default=OGL_V3)
    licence_url = models.URLField(max_length=500, blank=True, default=OGL_V3_URL)
    attribution = models.TextField()
    release_date = models.DateField(null=True, blank=True)
    retrieved_at = models.DateTimeField()
    file_name = models.CharField(max_length=300)
    checksum = models.CharField(max_length=64, help_text="SHA-256 of the file as read.")
    units = models.CharField(max_length=200, blank=True)
    row_count = models.PositiveIntegerField(default=0)

    objects = DataSetQuerySet.as_manager()

    class Meta:
        ordering = ["source", "-retrieved_at"]
        constraints = [
            models.UniqueConstraint(fields=["source", "checksum"], name="dataset_unique_file")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.publisher})"
