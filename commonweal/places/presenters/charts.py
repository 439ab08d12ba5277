"""A horizontal bar chart of deprivation deciles, one bar per domain, as inline SVG.

The same figures are always shown in a table beside the chart.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from commonweal.places.presenters import svg
from commonweal.places.presenters.maps import DECILE_COLOURS, decile_text_colour


@dataclass(frozen=True)
class Bar:
    label: str
    decile: int


LABEL_WIDTH = 250
BAR_AREA = 360
ROW = 30
TOP = 10
AXIS = 40


def decile_chart(title: str, bars: Sequence[Bar]) -> str:
    """Bars as long as the decile: a short bar is more deprived (1 = most deprived 10%)."""
    if not bars:
        return ""
    width = LABEL_WIDTH + BAR_AREA + 20
    height = TOP + ROW * len(bars) + AXIS
    unit = BAR_AREA / 10
    parts = []
    for decile in range(0, 11):
        x = LABEL_WIDTH + decile * unit
        parts.append(
            svg.element(
                "line",
                x1=f"{x:.1f}",
                x2=f"{x:.1f}",
                y1=TOP,
                y2=TOP + ROW * len(bars),
                class_="cw-chart__grid",
            )
        )
        if decile:
            parts.append(
                svg.text(
                    str(decile),
                    x=f"{x - unit / 2:.1f}",
                    y=TOP + ROW * len(bars) + 16,
                    class_="cw-chart__tick",
                    text_anchor="middle",
                )
            )
    parts.append(
        svg.text(
            "Decile: 1 = most deprived 10%, 10 = least deprived 10%",
            x=LABEL_WIDTH,
            y=height - 4,
            class_="cw-chart__axis-label",
        )
    )
    for index, bar in enumerate(bars):
        y = TOP + index * ROW
        bar_width = bar.decile * unit
        parts.append(
            svg.text(
                bar.label,
                x=LABEL_WIDTH - 8,
                y=y + ROW / 2 + 5,
                class_="cw-chart__label",
                text_anchor="end",
            )
        )
        parts.append(
            svg.element(
                "rect",
                svg.title(f"{bar.label}: decile {bar.decile}"),
                x=LABEL_WIDTH,
                y=y + 4,
                width=f"{bar_width:.1f}",
                height=ROW - 8,
                fill=DECILE_COLOURS[bar.decile],
                class_="cw-chart__bar",
            )
        )
        parts.append(
            svg.text(
                str(bar.decile),
                x=f"{LABEL_WIDTH + bar_width - 6:.1f}",
                y=y + ROW / 2 + 5,
                text_anchor="end",
                fill=decile_text_colour(bar.decile),
                class_="cw-chart__value",
            )
        )
    summary = "; ".join(f"{bar.label} decile {bar.decile}" for bar in bars)
    return svg.document(
        "".join(parts),
        view_box=f"0 0 {width} {height}",
        label=f"{title}. {summary}. 1 is the most deprived 10% of areas in England.",
        css_class="cw-chart",
    )
