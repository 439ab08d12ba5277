"""The league table chart: share answered on time, one bar per row (the table has it all)."""

from commonweal.places.presenters import svg

WIDTH, LABEL_W, BAR_H, GAP, TOP = 640, 250, 22, 10, 24


def on_time_chart(rows, what: str) -> str:
    shown = [r for r in rows if r.on_time_share is not None]
    if not shown:
        return ""
    inner = WIDTH - LABEL_W - 60
    height = TOP + len(shown) * (BAR_H + GAP) + 10
    parts = []
    for tick in (0, 25, 50, 75, 100):
        x = LABEL_W + inner * tick / 100
        parts.append(
            svg.element(
                "line", x1=f"{x:.1f}", x2=f"{x:.1f}", y1=TOP - 6, y2=height, stroke="#b1b4b6"
            )
        )
        parts.append(
            svg.text(f"{tick}%", x=f"{x:.1f}", y=TOP - 10, text_anchor="middle", font_size="12")
        )
    for i, row in enumerate(shown):
        y = TOP + i * (BAR_H + GAP)
        share = row.on_time_share
        name = row.name if len(row.name) <= 36 else row.name[:35] + "…"
        parts.append(
            svg.text(name, x=LABEL_W - 8, y=y + BAR_H - 6, text_anchor="end", font_size="13")
        )
        parts.append(
            svg.element(
                "rect", x=LABEL_W, y=y, width=f"{inner * share:.1f}", height=BAR_H, fill="#1d70b8"
            )
        )
        parts.append(
            svg.text(
                f"{share:.0%}",
                x=f"{LABEL_W + inner * share + 6:.1f}",
                y=y + BAR_H - 6,
                font_size="13",
            )
        )
    label = f"Share of reports answered on time, by {what}"
    return svg.document(
        "".join(parts), view_box=f"0 0 {WIDTH} {height}", label=label, css_class="cw-chart"
    )
