"""The communities-of-interest taxonomy, maintained by officers."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from commonweal.core import audit
from commonweal.directory.models import InterestTag
from commonweal.directory.services._common import check
from commonweal.directory.services.errors import DirectoryError


def add_tag(
    *, actor, name: str, description: str = "", parent: InterestTag | None = None
) -> InterestTag:
    check(actor, "directory.manage_tags")
    name = " ".join((name or "").split())
    if not name:
        raise DirectoryError("Give the community of interest a name.", "name")
    slug = slugify(name)[:60]
    if (
        InterestTag.objects.filter(name__iexact=name).exists()
        or InterestTag.objects.filter(slug=slug).exists()
    ):
        raise DirectoryError(f"“{name}” is already in the list.", "name")
    with transaction.atomic():
        tag = InterestTag.objects.create(
            slug=slug, name=name, description=(description or "").strip()[:300], parent=parent
        )
        audit.record(
            "directory.tag_added", actor=actor, obj=tag, after={"slug": slug, "name": name}
        )
    return tag


def retire_tag(*, actor, tag: InterestTag) -> InterestTag:
    check(actor, "directory.manage_tags")
    if tag.retired_at is not None:
        raise DirectoryError(f"“{tag.name}” is already retired.")
    with transaction.atomic():
        tag.retired_at = timezone.now()
        tag.save(update_fields=["retired_at"])
        audit.record("directory.tag_retired", actor=actor, obj=tag, before={"slug": tag.slug})
    return tag
