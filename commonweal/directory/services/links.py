"""Links between groups (partnership, umbrella support) and consortia that act together."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from commonweal.core import audit
from commonweal.directory.models import Consortium, ConsortiumMember, Organisation, OrganisationLink
from commonweal.directory.models.links import LinkKind
from commonweal.directory.services._common import check, person
from commonweal.directory.services.errors import DirectoryError


def link(
    *, actor, source: Organisation, target: Organisation, kind: str, description: str = ""
) -> OrganisationLink:
    """Link one group to another. For umbrella support, source supports target."""
    check(actor, "directory.manage_links", source)
    if kind not in LinkKind.values:
        raise DirectoryError("Choose partnership or umbrella support.", "kind")
    if source.pk == target.pk:
        raise DirectoryError("A group cannot be linked to itself.", "target")
    if not target.is_listed:
        raise DirectoryError(f"{target.name} is not in the directory yet.", "target")
    existing = OrganisationLink.objects.current().filter(kind=kind)
    if kind == LinkKind.PARTNERSHIP:
        existing = existing.filter(source__in=[source, target], target__in=[source, target])
    else:
        existing = existing.filter(source=source, target=target)
    if existing.exists():
        raise DirectoryError(
            f"{source.name} and {target.name} are already linked that way.", "target"
        )
    with transaction.atomic():
        row = OrganisationLink.objects.create(
            source=source,
            target=target,
            kind=kind,
            description=(description or "").strip()[:300],
            created_by=person(actor),
            created_at=timezone.now(),
        )
        audit.record(
            "directory.link_added",
            actor=actor,
            obj=source,
            after={"link": row.pk, "kind": kind, "target": target.slug},
        )
    return row


def end_link(*, actor, link_row: OrganisationLink) -> None:
    if not (_can(actor, link_row.source) or _can(actor, link_row.target)):
        check(actor, "directory.manage_links", link_row.source)
    if link_row.ended_at is not None:
        raise DirectoryError("That link has already ended.")
    with transaction.atomic():
        link_row.ended_at = timezone.now()
        link_row.save(update_fields=["ended_at"])
        audit.record(
            "directory.link_ended",
            actor=actor,
            obj=link_row.source,
            before={"link": link_row.pk, "kind": link_row.kind, "target": link_row.target.slug},
        )


def _can(actor, organisation) -> bool:
    from commonweal.core.permissions import can

    return actor is None or can(actor, "directory.manage_links", organisation)


def create_consortium(
    *, actor, lead: Organisation, name: str, purpose: str = "", members=()
) -> Consortium:
    check(actor, "directory.manage_links", lead)
    name = " ".join((name or "").split())
    if not name:
        raise DirectoryError("Give the consortium a name.", "name")
    members = [m for m in members if m.pk != lead.pk]
    not_listed = [m.name for m in members if not m.is_listed]
    if not_listed:
        raise DirectoryError(
            f"These are not in the directory yet: {', '.join(not_listed)}.", "members"
        )
    with transaction.atomic():
        base = slugify(name)[:200] or "consortium"
        slug, number = base, 2
        while Consortium.objects.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        now = timezone.now()
        consortium = Consortium.objects.create(
            name=name,
            slug=slug,
            purpose=(purpose or "").strip(),
            lead=lead,
            created_by=person(actor),
            created_at=now,
        )
        for organisation in [lead, *members]:
            ConsortiumMember.objects.create(
                consortium=consortium, organisation=organisation, joined_at=now
            )
        audit.record(
            "directory.consortium_created",
            actor=actor,
            obj=consortium,
            after={"lead": lead.slug, "members": sorted(o.slug for o in [lead, *members])},
        )
    return consortium


def add_to_consortium(
    *, actor, consortium: Consortium, organisation: Organisation
) -> ConsortiumMember:
    check(actor, "directory.manage_links", consortium.lead)
    if not organisation.is_listed:
        raise DirectoryError(f"{organisation.name} is not in the directory yet.", "organisation")
    if consortium.members.filter(organisation=organisation, left_at__isnull=True).exists():
        raise DirectoryError(
            f"{organisation.name} is already in {consortium.name}.", "organisation"
        )
    with transaction.atomic():
        member = ConsortiumMember.objects.create(
            consortium=consortium, organisation=organisation, joined_at=timezone.now()
        )
        audit.record(
            "directory.consortium_member_added",
            actor=actor,
            obj=consortium,
            after={"organisation": organisation.slug},
        )
    return member


def remove_from_consortium(*, actor, consortium: Consortium, organisation: Organisation) -> None:
    if not (_can(actor, consortium.lead) or _can(actor, organisation)):
        check(actor, "directory.manage_links", consortium.lead)
    if organisation.pk == consortium.lead_id:
        raise DirectoryError("The lead organisation cannot leave; dissolve the consortium instead.")
    member = consortium.members.filter(organisation=organisation, left_at__isnull=True).first()
    if member is None:
        raise DirectoryError(f"{organisation.name} is not in {consortium.name}.", "organisation")
    with transaction.atomic():
        member.left_at = timezone.now()
        member.save(update_fields=["left_at"])
        audit.record(
            "directory.consortium_member_removed",
            actor=actor,
            obj=consortium,
            before={"organisation": organisation.slug},
        )


def current_members(consortium: Consortium) -> list[Organisation]:
    return [
        m.organisation
        for m in consortium.members.filter(left_at__isnull=True).select_related("organisation")
    ]
