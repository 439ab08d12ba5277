"""Spending by month as an inline SVG bar chart; the same figures are in a table beside it."""

from commonweal.places.presenters import svg

WIDTH, LEFT, RIGHT, TOP, PLOT = 640, 90, 20, 20, 220
COLOURS = (
    ("vcs", "Voluntary and community sector", "#00703c"),
    ("other", "Everyone else", "#1d70b8"),
)


def _nice_top(value: int) -> int:
    """A round number of pounds at or above the value, in pence: 4 gridlines of 1, 2, 2.5
    or 5 times a power of ten."""
    pounds = max(value / 100, 1)
    scale = 1
    while True:
        for step in (1, 2, 2.5, 5):
            if step * scale * 4 >= pounds:
                return int(step * scale * 4 * 100)
        scale *= 10


def _label(pence: float) -> str:
    pounds = pence / 100
    if pounds >= 1_000_000:
        return f"£{pounds / 1_000_000:g}m"
    if pounds >= 1000:
        return f"£{pounds / 1000:g}k"
    return f"£{pounds:g}"


def spending_chart(label: str, months) -> str:
    """One bar a month: the part paid to the voluntary and community sector, and the rest."""
    if not months:
        return ""
    top = _nice_top(max(max(m.total, 0) for m in months) or 1)
    inner = WIDTH - LEFT - RIGHT
    slot = inner / len(months)
    bar = min(slot * 0.7, 60)
    height = TOP + PLOT + 40 + 20 * len(COLOURS)

    def y(value: float) -> float:
        return TOP + PLOT * (1 - max(value, 0) / top)

    parts = []
    for tick in range(5):
        value = top * tick / 4
        at = f"{y(value):.1f}"
        parts.append(svg.element("line", x1=LEFT, x2=WIDTH - RIGHT, y1=at, y2=at, stroke="#b1b4b6"))
        parts.append(
            svg.text(
                _label(value),
                x=LEFT - 6,
                y=f"{y(value) + 4:.1f}",
                text_anchor="end",
                font_size="12",
            )
        )
    every = max(1, round(len(months) / 8))
    for i, month in enumerate(months):
        x = LEFT + slot * i + (slot - bar) / 2
        vcs = max(min(month.vcs, month.total), 0)
        other = max(month.total - vcs, 0)
        parts.append(
            svg.element(
                "rect",
                x=f"{x:.1f}",
                y=f"{y(vcs + other):.1f}",
                width=f"{bar:.1f}",
                height=f"{y(vcs) - y(vcs + other):.1f}",
                fill=COLOURS[1][2],
            )
        )
        parts.append(
            svg.element(
                "rect",
                x=f"{x:.1f}",
                y=f"{y(vcs):.1f}",
                width=f"{bar:.1f}",
                height=f"{y(0) - y(vcs):.1f}",
                fill=COLOURS[0][2],
            )
        )
        if i % every == 0 or i == len(months) - 1:
            parts.append(
                svg.text(
                    f"{month.month:%b %Y}",
                    x=f"{x + bar / 2:.1f}",
                    y=TOP + PLOT + 18,
                    text_anchor="middle",
                    font_size="12",
                )
            )
    for row, (_key, name, colour) in enumerate(COLOURS):
        legend_y = TOP + PLOT + 40 + row * 20
        parts.append(svg.element("rect", x=LEFT, y=legend_y - 10, width=12, height=12, fill=colour))
        parts.append(svg.text(name, x=LEFT + 18, y=legend_y, font_size="13"))
    return svg.document(
        "".join(parts),
        view_box=f"0 0 {WIDTH} {height}",
        label=f"Spending by month in {label}, with the part paid to voluntary and community groups",
        css_class="cw-chart",
    )
