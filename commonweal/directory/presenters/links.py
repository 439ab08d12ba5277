"""What a group's links page and a consortium's page show."""

from dataclasses import dataclass

from django.urls import reverse

from commonweal.core.permissions import can
from commonweal.directory.models import Consortium, ConsortiumMember, Organisation, OrganisationLink
from commonweal.directory.models.links import LinkKind
from commonweal.directory.presenters.common import (
    consortium_url,
    directory_crumbs,
    organisation_url,
)


@dataclass(frozen=True)
class GroupLinkRow:
    pk: int
    other: Organisation
    other_href: str
    kind_label: str
    # How the link reads from this group's side, for example "supports".
    relation: str
    description: str
    since: object
    end_href: str | None


@dataclass(frozen=True)
class MembershipRow:
    consortium: Consortium
    href: str
    is_lead: bool
    lead: Organisation
    lead_href: str


@dataclass
class LinksPage:
    organisation: Organisation
    href: str
    links: list[GroupLinkRow]
    consortia: list[MembershipRow]
    can_manage: bool
    new_consortium_href: str


@dataclass(frozen=True)
class MemberRow:
    organisation: Organisation
    href: str
    is_lead: bool
    joined_at: object
    remove_href: str | None


@dataclass
class ConsortiumPage:
    consortium: Consortium
    lead: Organisation
    lead_href: str
    members: list[MemberRow]
    can_manage: bool
    breadcrumbs: list[dict]


def present_links(organisation: Organisation, user) -> LinksPage:
    can_manage = can(user, "directory.manage_links", organisation)
    links = (
        OrganisationLink.objects.current()
        .involving(organisation)
        .filter(source__in=_shown(organisation), target__in=_shown(organisation))
        .select_related("source", "target")
        .order_by("kind", "created_at", "pk")
    )
    rows = []
    for link in links:
        outgoing = link.source_id == organisation.pk
        other = link.target if outgoing else link.source
        if link.kind == LinkKind.PARTNERSHIP:
            relation = "In partnership with"
        else:
            relation = "Gives umbrella support to" if outgoing else "Has umbrella support from"
        rows.append(
            GroupLinkRow(
                pk=link.pk,
                other=other,
                other_href=organisation_url(other),
                kind_label=LinkKind(link.kind).label,
                relation=relation,
                description=link.description,
                since=link.created_at,
                end_href=reverse(
                    "directory:organisation_link_end", args=[organisation.slug, link.pk]
                )
                if can_manage
                else None,
            )
        )
    memberships = (
        ConsortiumMember.objects.filter(
            organisation=organisation,
            left_at__isnull=True,
            consortium__dissolved_at__isnull=True,
            consortium__lead__in=_shown(organisation),
        )
        .select_related("consortium", "consortium__lead")
        .order_by("consortium__name", "pk")
    )
    return LinksPage(
        organisation=organisation,
        href=organisation_url(organisation),
        links=rows,
        consortia=[
            MembershipRow(
                consortium=m.consortium,
                href=consortium_url(m.consortium),
                is_lead=m.consortium.lead_id == organisation.pk,
                lead=m.consortium.lead,
                lead_href=organisation_url(m.consortium.lead),
            )
            for m in memberships
        ],
        can_manage=can_manage,
        new_consortium_href=reverse("directory:consortium_new", args=[organisation.slug]),
    )


def present_consortium(consortium: Consortium, user) -> ConsortiumPage:
    can_manage = can(user, "directory.manage_links", consortium.lead)
    members = (
        consortium.members.filter(left_at__isnull=True, organisation__in=Organisation.public.all())
        .select_related("organisation")
        .order_by("organisation__name", "pk")
    )
    rows = []
    for member in members:
        organisation = member.organisation
        is_lead = organisation.pk == consortium.lead_id
        may_remove = not is_lead and (
            can_manage or can(user, "directory.manage_links", organisation)
        )
        rows.append(
            MemberRow(
                organisation=organisation,
                href=organisation_url(organisation),
                is_lead=is_lead,
                joined_at=member.joined_at,
                remove_href=reverse(
                    "directory:consortium_remove_member", args=[consortium.slug, organisation.slug]
                )
                if may_remove
                else None,
            )
        )
    rows.sort(key=lambda row: (not row.is_lead, row.organisation.name.lower()))
    return ConsortiumPage(
        consortium=consortium,
        lead=consortium.lead,
        lead_href=organisation_url(consortium.lead),
        members=rows,
        can_manage=can_manage,
        breadcrumbs=directory_crumbs(
            (consortium.lead.name, organisation_url(consortium.lead)),
            ("Links", reverse("directory:organisation_links", args=[consortium.lead.slug])),
        ),
    )


def _shown(organisation: Organisation):
    """Groups whose links show beside this one: listed ones, and the group itself (its
    own people may look at its links before it is verified)."""
    from django.db.models import Q

    from commonweal.directory.models import VerificationStatus

    return Organisation.records.filter(
        Q(status=VerificationStatus.VERIFIED) | Q(pk=organisation.pk)
    )
