"""What the network page shows: the borough's listed groups, their current links and
consortia as a picture, and the same as tables."""

from dataclasses import dataclass

from django.db.models import Prefetch

from commonweal.directory.engine.layout import Box, layout
from commonweal.directory.models import Consortium, ConsortiumMember, Organisation, OrganisationLink
from commonweal.directory.models.links import LinkKind
from commonweal.directory.presenters.common import (
    consortium_url,
    directory_crumbs,
    organisation_url,
)
from commonweal.directory.presenters.network_svg import (
    EDGE_STYLES,
    NODE_STYLES,
    Edge,
    Node,
    legend_line,
    legend_swatch,
    network_svg,
)
from commonweal.places.models import Area

BOX = Box(width=640, height=520, margin=50)


@dataclass(frozen=True)
class LinkRow:
    source: Organisation
    source_href: str
    kind: str
    kind_label: str
    target: Organisation
    target_href: str
    description: str
    since: object


@dataclass(frozen=True)
class ConsortiumRow:
    consortium: Consortium
    href: str
    lead: Organisation
    lead_href: str
    members: list[tuple[Organisation, str]]


@dataclass(frozen=True)
class LegendItem:
    label: str
    picture: str


@dataclass
class NetworkPage:
    authority: Area
    groups: list[Organisation]
    svg: str
    legend: list[LegendItem]
    links: list[LinkRow]
    consortia: list[ConsortiumRow]
    breadcrumbs: list[dict]


def listed_links(groups):
    """Current links between listed groups (both ends listed), in a stable order."""
    return (
        OrganisationLink.objects.current()
        .filter(source__in=groups, target__in=groups)
        .select_related("source", "target")
        .order_by("source__name", "kind", "target__name", "pk")
    )


def listed_consortia(groups):
    """Current consortia led by a listed group, with their listed current members."""
    members = ConsortiumMember.objects.filter(
        left_at__isnull=True, organisation__in=groups
    ).select_related("organisation")
    return (
        Consortium.objects.current()
        .filter(lead__in=groups)
        .select_related("lead")
        .prefetch_related(Prefetch("members", queryset=members, to_attr="listed_members"))
        .order_by("name", "pk")
    )


def link_row(link: OrganisationLink) -> LinkRow:
    return LinkRow(
        source=link.source,
        source_href=organisation_url(link.source),
        kind=link.kind,
        kind_label=LinkKind(link.kind).label,
        target=link.target,
        target_href=organisation_url(link.target),
        description=link.description,
        since=link.created_at,
    )


def consortium_row(consortium: Consortium) -> ConsortiumRow:
    members = sorted(
        (m.organisation for m in consortium.listed_members), key=lambda o: (o.name, o.pk)
    )
    return ConsortiumRow(
        consortium=consortium,
        href=consortium_url(consortium),
        lead=consortium.lead,
        lead_href=organisation_url(consortium.lead),
        members=[(o, organisation_url(o)) for o in members],
    )


def present_network(authority: Area) -> NetworkPage:
    groups = list(Organisation.public.in_authority(authority).order_by("name", "pk"))
    links = list(listed_links(Organisation.public.in_authority(authority)))
    consortia = list(listed_consortia(Organisation.public.in_authority(authority)))
    nodes = [Node(("group", g.pk), g.name, g.classification, organisation_url(g)) for g in groups]
    nodes += [
        Node(("consortium", c.pk), c.name, "consortium", consortium_url(c)) for c in consortia
    ]
    edges = [Edge(("group", lk.source_id), ("group", lk.target_id), lk.kind) for lk in links]
    edges += [
        Edge(("consortium", c.pk), ("group", m.organisation_id), "consortium")
        for c in consortia
        for m in c.listed_members
    ]
    positions = layout([n.key for n in nodes], [(e.source, e.target) for e in edges], box=BOX)
    picture = network_svg(
        f"Network of the {len(groups)} listed groups of {authority.name}, their "
        f"{len(links)} current links and {len(consortia)} consortia. Each group links to "
        "its page; the tables below list every link and consortium.",
        nodes,
        edges,
        positions,
        BOX,
    )
    legend = [LegendItem(label, legend_swatch(key)) for key, (label, _, _) in NODE_STYLES.items()]
    legend += [LegendItem(label, legend_line(key)) for key, (label, *_) in EDGE_STYLES.items()]
    return NetworkPage(
        authority=authority,
        groups=groups,
        svg=picture,
        legend=legend,
        links=[link_row(lk) for lk in links],
        consortia=[consortium_row(c) for c in consortia],
        breadcrumbs=directory_crumbs(),
    )
