"""Where to draw each group in a network picture: a deterministic force-directed layout.

Pure arithmetic, no randomness: the nodes start evenly round a circle in the order of
their keys, then linked nodes pull together and every pair pushes apart
(Fruchterman and Reingold, 1991) for a fixed number of steps, with a little gravity
so groups with no links stay near the middle. The same nodes and edges always give
the same picture, whatever order they arrive in, and every node lands inside the box.
"""

import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

# Above this many pair-steps the layout takes too long for a page: fewer iterations.
WORK_BUDGET = 3_000_000
MIN_ITERATIONS = 20
MAX_ITERATIONS = 300


@dataclass(frozen=True)
class Box:
    """The drawing: nodes are kept `margin` or more from every edge."""

    width: float = 640
    height: float = 480
    margin: float = 40

    def __post_init__(self):
        if self.width <= 2 * self.margin or self.height <= 2 * self.margin:
            raise ValueError("The margin leaves no room to draw in.")


def layout(
    nodes: Iterable[Hashable],
    edges: Iterable[tuple[Hashable, Hashable]] = (),
    box: Box = Box(),
    iterations: int | None = None,
) -> dict[Hashable, tuple[float, float]]:
    """Positions (x, y) in the box for every node, rounded to 0.1 units.

    Edges between unknown nodes and loops are ignored; direction does not matter.
    """
    keys = sorted(set(nodes), key=_order)
    if not keys:
        return {}
    index = {key: i for i, key in enumerate(keys)}
    pairs = sorted(
        {
            (min(index[a], index[b]), max(index[a], index[b]))
            for a, b in edges
            if a in index and b in index and a != b
        }
    )
    n = len(keys)
    if n == 1:
        return {keys[0]: (round(box.width / 2, 1), round(box.height / 2, 1))}
    if iterations is None:
        iterations = max(MIN_ITERATIONS, min(MAX_ITERATIONS, WORK_BUDGET // (n * n)))
    positions = _force_directed(n, pairs, iterations)
    return dict(zip(keys, _fit(positions, box), strict=True))


def _order(key) -> tuple[str, str]:
    # Keys of mixed types still sort the same way every time.
    return (type(key).__name__, str(key))


def _force_directed(n: int, pairs: Sequence[tuple[int, int]], iterations: int) -> list[list[float]]:
    """Fruchterman-Reingold in a unit square centred on the origin."""
    k = math.sqrt(1.0 / n)  # the ideal distance between nodes
    pos = [
        [0.5 * math.cos(2 * math.pi * i / n), 0.5 * math.sin(2 * math.pi * i / n)] for i in range(n)
    ]
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    # Pulls every node towards the middle: without it, groups with no links drift to
    # the edges and the fitted picture squeezes the linked ones together.
    gravity = 3.0
    for _ in range(iterations):
        shift = [[0.0, 0.0] for _ in range(n)]
        for i in range(n):
            xi, yi = pos[i]
            for j in range(i + 1, n):
                dx, dy = xi - pos[j][0], yi - pos[j][1]
                distance = math.hypot(dx, dy)
                if distance < 1e-9:
                    # Two nodes on one spot: part them along a fixed direction.
                    dx, dy, distance = 1e-3 * (j - i), 1e-3, math.hypot(1e-3 * (j - i), 1e-3)
                push = k * k / distance
                fx, fy = dx / distance * push, dy / distance * push
                shift[i][0] += fx
                shift[i][1] += fy
                shift[j][0] -= fx
                shift[j][1] -= fy
        for i, j in pairs:
            dx, dy = pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]
            distance = math.hypot(dx, dy)
            if distance < 1e-9:
                continue
            pull = distance * distance / k
            fx, fy = dx / distance * pull, dy / distance * pull
            shift[i][0] -= fx
            shift[i][1] -= fy
            shift[j][0] += fx
            shift[j][1] += fy
        for i in range(n):
            shift[i][0] -= gravity * pos[i][0]
            shift[i][1] -= gravity * pos[i][1]
            length = math.hypot(*shift[i])
            if length > 1e-12:
                step = min(length, temperature)
                pos[i][0] += shift[i][0] / length * step
                pos[i][1] += shift[i][1] / length * step
        temperature -= cooling
    return pos


def _fit(positions: list[list[float]], box: Box) -> list[tuple[float, float]]:
    """Scale the layout evenly to fill the box inside its margin, centred."""
    xs = [p[0] for p in positions]
    ys = [p[1] for p in positions]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    inner_w, inner_h = box.width - 2 * box.margin, box.height - 2 * box.margin
    if span_x < 1e-9 and span_y < 1e-9:
        scale = 0.0
    else:
        scale = min(
            inner_w / span_x if span_x >= 1e-9 else math.inf,
            inner_h / span_y if span_y >= 1e-9 else math.inf,
        )
    mid_x, mid_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    out = []
    for x, y in positions:
        px = box.width / 2 + (x - mid_x) * scale
        py = box.height / 2 + (y - mid_y) * scale
        # Rounding must not step outside the margin.
        px = min(max(round(px, 1), box.margin), box.width - box.margin)
        py = min(max(round(py, 1), box.margin), box.height - box.margin)
        out.append((px, py))
    return out
