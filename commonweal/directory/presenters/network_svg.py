"""The network picture: groups as nodes, links as lines, consortia as hubs, in inline SVG.

Colour is never the only cue: community-led groups are circles, providers squares,
groups not yet classified diamonds and consortia hexagons; partnerships are solid
lines, umbrella support dashed lines with an arrow from the supporter to the
supported, and consortium membership dotted lines.
"""

import math
from dataclasses import dataclass

from commonweal.directory.engine.layout import Box
from commonweal.places.presenters import svg

NODE_STYLES = {
    # classification: (label, fill, shape)
    "community_led": ("Community-led group", "#1d70b8", "circle"),
    "provider": ("Service provider", "#f47738", "square"),
    "undetermined": ("Not yet classified", "#b1b4b6", "diamond"),
    "consortium": ("Consortium", "#4c2c92", "hexagon"),
}
EDGE_STYLES = {
    # kind: (label, stroke, dash, arrow)
    "partnership": ("Partnership", "#0b0c0c", None, False),
    "umbrella": (
        "Umbrella or infrastructure support (arrow points to the group supported)",
        "#0b0c0c",
        "6 4",
        True,
    ),
    "consortium": ("Member of a consortium", "#4c2c92", "2 3", False),
}
RADIUS = 9
ARROW_ID = "cw-network-arrow"
LABEL_LENGTH = 22


@dataclass(frozen=True)
class Node:
    key: tuple
    label: str
    style: str  # a key of NODE_STYLES
    href: str


@dataclass(frozen=True)
class Edge:
    source: tuple
    target: tuple
    kind: str  # a key of EDGE_STYLES


def shape(style: str, x: float, y: float, r: float = RADIUS, **extra) -> str:
    """One node's shape, centred on (x, y)."""
    _, fill, form = NODE_STYLES[style]
    common = {"fill": fill, "stroke": "#0b0c0c", "stroke_width": "1.5", **extra}
    if form == "circle":
        return svg.element("circle", cx=_n(x), cy=_n(y), r=_n(r), **common)
    if form == "square":
        side = r * 1.7
        return svg.element(
            "rect",
            x=_n(x - side / 2),
            y=_n(y - side / 2),
            width=_n(side),
            height=_n(side),
            **common,
        )
    corners = 4 if form == "diamond" else 6
    size = r * 1.25 if form == "diamond" else r * 1.2
    points = " ".join(
        f"{_n(x + size * math.sin(2 * math.pi * i / corners))},"
        f"{_n(y - size * math.cos(2 * math.pi * i / corners))}"
        for i in range(corners)
    )
    return svg.element("polygon", points=points, **common)


def edge_line(kind: str, x1: float, y1: float, x2: float, y2: float) -> str:
    """A line between two nodes, stopping short of both so an arrow touches the target."""
    _, stroke, dash, arrow = EDGE_STYLES[kind]
    length = math.hypot(x2 - x1, y2 - y1)
    if length > 2 * (RADIUS + 2):
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        gap = RADIUS + 2
        x1, y1, x2, y2 = x1 + ux * gap, y1 + uy * gap, x2 - ux * gap, y2 - uy * gap
    return svg.element(
        "line",
        x1=_n(x1),
        y1=_n(y1),
        x2=_n(x2),
        y2=_n(y2),
        stroke=stroke,
        stroke_width="2" if kind != "consortium" else "1.5",
        stroke_dasharray=dash,
        marker_end=f"url(#{ARROW_ID})" if arrow else None,
    )


def network_svg(label: str, nodes: list[Node], edges: list[Edge], positions: dict, box: Box) -> str:
    if not nodes:
        return ""
    marker = svg.element(
        "marker",
        svg.element("path", d="M0 0L10 5L0 10Z", fill="#0b0c0c"),
        id=ARROW_ID,
        viewBox="0 0 10 10",
        refX="10",
        refY="5",
        markerWidth="7",
        markerHeight="7",
        orient="auto",
    )
    lines = []
    for edge in edges:
        (x1, y1), (x2, y2) = positions[edge.source], positions[edge.target]
        lines.append(edge_line(edge.kind, x1, y1, x2, y2))
    drawn = []
    for node in nodes:
        x, y = positions[node.key]
        kind_label = NODE_STYLES[node.style][0].lower()
        name = f"{node.label} ({kind_label})"
        text = (
            node.label if len(node.label) <= LABEL_LENGTH else node.label[: LABEL_LENGTH - 1] + "…"
        )
        inner = (
            svg.title(name)
            + shape(node.style, x, y, r=RADIUS + 2 if node.style == "consortium" else RADIUS)
            + svg.text(
                text,
                x=_n(x),
                y=_n(y + RADIUS + 13),
                font_size="11",
                font_family="arial, sans-serif",
                stroke="#f3f2f1",
                stroke_width="3",
                paint_order="stroke",
                text_anchor="middle",
                fill="#0b0c0c",
                aria_hidden="true",
            )
        )
        drawn.append(
            svg.element("a", inner, href=node.href, aria_label=name, class_="cw-map__link")
        )
    body = (
        svg.element("defs", marker)
        + svg.element("g", "".join(lines), class_="cw-network__links")
        + svg.element("g", "".join(drawn), class_="cw-network__nodes")
    )
    return svg.document(
        body,
        view_box=f"0 0 {_n(box.width)} {_n(box.height)}",
        label=label,
        css_class="cw-map cw-network",
        role="group",
    )


def legend_swatch(style: str) -> str:
    """A small picture of a node for the key, hidden from assistive technology."""
    return _swatch(shape(style, 12, 12, r=8 if style != "consortium" else 9))


def legend_line(kind: str) -> str:
    _, stroke, dash, arrow = EDGE_STYLES[kind]
    line = svg.element(
        "line",
        x1="2",
        y1="12",
        x2="38" if arrow else "46",
        y2="12",
        stroke=stroke,
        stroke_width="2",
        stroke_dasharray=dash,
    )
    if arrow:
        line += svg.element("path", d="M38 7L46 12L38 17Z", fill=stroke)
    return _swatch(line, width=48)


def _swatch(content: str, width: int = 24) -> str:
    from django.utils.safestring import mark_safe

    # Built only from our own constants above.
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="24" '
        f'viewBox="0 0 {width} 24" aria-hidden="true" focusable="false">{content}</svg>'
    )


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
