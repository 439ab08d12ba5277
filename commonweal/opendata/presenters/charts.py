"""The crime trend chart and the map of published points, as inline SVG.

The same figures are always in a table beside them.
"""

from commonweal.places.presenters import svg
from commonweal.places.presenters.projection import Projection, expand

WIDTH, HEIGHT, LEFT, TOP, BOTTOM = 640, 300, 60, 20, 60
SERIES = (
    ("rate", "This area", "cw-trend__area"),
    ("borough_rate", "The borough", "cw-trend__borough"),
    ("decile_rate", "Areas in the same deprivation decile", "cw-trend__decile"),
)
COLOURS = {"rate": "#1d70b8", "borough_rate": "#0b0c0c", "decile_rate": "#d4351c"}


def trend_chart(area_label: str, months) -> str:
    """Crimes per 1,000 residents by month: the area, its borough, its deprivation peers."""
    values = [getattr(m, name) for m in months for name, _, _ in SERIES]
    values = [v for v in values if v is not None]
    if not months or not values:
        return ""
    top = max(values) * 1.1 or 1.0
    inner_w, inner_h = WIDTH - LEFT - 20, HEIGHT - TOP - BOTTOM
    step = inner_w / max(len(months) - 1, 1)

    def x(i: int) -> float:
        return LEFT + (i * step if len(months) > 1 else inner_w / 2)

    def y(value: float) -> float:
        return TOP + inner_h * (1 - value / top)

    parts = []
    for tick in range(5):
        value = top * tick / 4
        parts.append(
            svg.element(
                "line",
                x1=LEFT,
                x2=WIDTH - 20,
                y1=f"{y(value):.1f}",
                y2=f"{y(value):.1f}",
                stroke="#b1b4b6",
            )
        )
        parts.append(
            svg.text(
                f"{value:.1f}",
                x=LEFT - 6,
                y=f"{y(value) + 4:.1f}",
                text_anchor="end",
                font_size="12",
            )
        )
    for i, month in enumerate(months):
        parts.append(
            svg.text(
                f"{month.month:%b %Y}",
                x=f"{x(i):.1f}",
                y=HEIGHT - BOTTOM + 18,
                text_anchor="middle",
                font_size="12",
            )
        )
    for row, (name, label, css) in enumerate(SERIES):
        points = [(x(i), y(v)) for i, m in enumerate(months) if (v := getattr(m, name)) is not None]
        if not points:
            continue
        colour = COLOURS[name]
        if len(points) > 1:
            d = " ".join(
                f"{'M' if k == 0 else 'L'}{px:.1f},{py:.1f}" for k, (px, py) in enumerate(points)
            )
            parts.append(
                svg.element("path", d=d, fill="none", stroke=colour, stroke_width=2, class_=css)
            )
        for px, py in points:
            parts.append(svg.element("circle", cx=f"{px:.1f}", cy=f"{py:.1f}", r=4, fill=colour))
        legend_y = HEIGHT - 22 + (row - 1) * 0
        legend_x = LEFT + row * 190
        parts.append(
            svg.element("rect", x=legend_x, y=legend_y - 9, width=12, height=12, fill=colour)
        )
        parts.append(svg.text(label, x=legend_x + 16, y=legend_y + 1, font_size="12"))
    label = (
        f"Crimes per 1,000 residents by month in {area_label}, with the borough and similar areas"
    )
    return svg.document(
        "".join(parts), view_box=f"0 0 {WIDTH} {HEIGHT}", label=label, css_class="cw-chart"
    )


def points_map(area_label: str, geometry, points) -> str:
    """The area's outline and a dot at each crime's published (anonymised) point."""
    if geometry is None or geometry.is_empty:
        return ""
    projection = Projection.fit(expand(geometry.bounds, 0.1), width=640, max_height=520)
    parts = [svg.element("path", d=projection.path(geometry), class_="cw-map__neighbour")]
    for lon, lat, _category in points:
        px, py = projection.xy(lon, lat)
        parts.append(
            svg.element(
                "circle",
                cx=f"{px:.1f}",
                cy=f"{py:.1f}",
                r=3,
                fill="#d4351c",
                fill_opacity="0.6",
                stroke="#0b0c0c",
                stroke_width="0.5",
            )
        )
    label = (
        f"Map of {area_label} with {len(points)} crimes at their published points, "
        "which the police move to the nearest of a set of street points to anonymise them"
    )
    return svg.document(
        "".join(parts), view_box=projection.view_box, label=label, css_class="cw-map"
    )
