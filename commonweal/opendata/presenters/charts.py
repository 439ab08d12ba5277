"""The crime trend chart and the map of published points, as inline SVG.

The same figures are always in a table beside them.
"""

from commonweal.places.presenters import svg
from commonweal.places.presenters.projection import Projection, expand

WIDTH, LEFT, RIGHT, TOP, PLOT = 640, 60, 50, 20, 220
LEGEND_ROW = 20
SERIES = (
    ("rate", "This area", "#1d70b8"),
    ("borough_rate", "The borough", "#0b0c0c"),
    ("decile_rate", "Areas in the same deprivation decile", "#d4351c"),
)


def _nice_top(value: float) -> float:
    """A round number at or above the value, for the top of the axis."""
    for step in (1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step * 4:
            return step * 4
    return value


def trend_chart(area_label: str, months) -> str:
    """Crimes per 1,000 residents by month: the area, its borough, its deprivation peers."""
    shown = [s for s in SERIES if any(getattr(m, s[0]) is not None for m in months)]
    if not months or not shown:
        return ""
    top = _nice_top(max(getattr(m, name) or 0 for m in months for name, _, _ in shown) or 1)
    inner_w = WIDTH - LEFT - RIGHT
    step = inner_w / max(len(months) - 1, 1)
    height = TOP + PLOT + 40 + LEGEND_ROW * len(shown)

    def x(i: int) -> float:
        return LEFT + (i * step if len(months) > 1 else inner_w / 2)

    def y(value: float) -> float:
        return TOP + PLOT * (1 - value / top)

    parts = []
    for tick in range(5):
        value = top * tick / 4
        at = f"{y(value):.1f}"
        parts.append(svg.element("line", x1=LEFT, x2=WIDTH - RIGHT, y1=at, y2=at, stroke="#b1b4b6"))
        parts.append(
            svg.text(
                f"{value:g}", x=LEFT - 6, y=f"{y(value) + 4:.1f}", text_anchor="end", font_size="12"
            )
        )
    every = max(1, round(len(months) / 8))
    for i, month in enumerate(months):
        if i % every == 0 or i == len(months) - 1:
            parts.append(
                svg.text(
                    f"{month.month:%b %Y}",
                    x=f"{x(i):.1f}",
                    y=TOP + PLOT + 18,
                    text_anchor="middle",
                    font_size="12",
                )
            )
    for row, (name, label, colour) in enumerate(shown):
        points = [(x(i), y(v)) for i, m in enumerate(months) if (v := getattr(m, name)) is not None]
        if len(points) > 1:
            d = " ".join(
                f"{'M' if k == 0 else 'L'}{px:.1f},{py:.1f}" for k, (px, py) in enumerate(points)
            )
            parts.append(svg.element("path", d=d, fill="none", stroke=colour, stroke_width=2))
        for px, py in points:
            parts.append(svg.element("circle", cx=f"{px:.1f}", cy=f"{py:.1f}", r=4, fill=colour))
        legend_y = TOP + PLOT + 40 + row * LEGEND_ROW
        parts.append(svg.element("rect", x=LEFT, y=legend_y - 10, width=12, height=12, fill=colour))
        parts.append(svg.text(label, x=LEFT + 18, y=legend_y, font_size="13"))
    label = (
        f"Crimes per 1,000 residents by month in {area_label}, with the borough and similar areas"
    )
    return svg.document(
        "".join(parts), view_box=f"0 0 {WIDTH} {height}", label=label, css_class="cw-chart"
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
