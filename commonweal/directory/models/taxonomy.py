from django.db import models


class InterestTagQuerySet(models.QuerySet):
    def current(self) -> "InterestTagQuerySet":
        return self.filter(retired_at__isnull=True)


class InterestTag(models.Model):
    """A community of interest or identity (faith, disability, language, age …).

    The taxonomy is maintained by officers: tags are added and retired, never deleted,
    so groups that carried a retired tag still show it in their history.
    """

    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=100, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    description = models.CharField(max_length=300, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    objects = InterestTagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
