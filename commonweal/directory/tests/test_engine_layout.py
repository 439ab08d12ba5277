"""The network picture's layout: the same input always gives the same picture, and
every group is drawn inside the box."""

import itertools
import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commonweal.directory.engine.layout import Box, layout

CHAIN = [(i, i + 1) for i in range(9)]


def inside(point, box: Box) -> bool:
    x, y = point
    return box.margin <= x <= box.width - box.margin and box.margin <= y <= box.height - box.margin


def test_no_nodes_no_positions():
    assert layout([], []) == {}


def test_one_node_sits_in_the_middle():
    assert layout(["a"], [], Box(200, 100, 10)) == {"a": (100.0, 50.0)}


def test_the_same_input_gives_the_same_positions_in_any_order():
    nodes = list(range(20))
    edges = [*CHAIN, (12, 15), (15, 18)]
    first = layout(nodes, edges)
    shuffled_nodes, shuffled_edges = nodes[:], [(b, a) for a, b in edges]
    random.Random(4).shuffle(shuffled_nodes)
    random.Random(5).shuffle(shuffled_edges)
    assert layout(shuffled_nodes, shuffled_edges) == first
    assert layout(nodes, [*edges, *edges]) == first


def test_every_node_is_inside_the_margin_and_apart():
    box = Box(640, 480, 40)
    positions = layout(range(30), CHAIN, box)
    assert len(positions) == 30
    assert all(inside(p, box) for p in positions.values())
    distances = [math.dist(a, b) for a, b in itertools.combinations(positions.values(), 2)]
    assert min(distances) > 10


def test_the_drawing_is_used_edge_to_edge_in_one_direction():
    box = Box(640, 480, 40)
    positions = layout(range(8), [], box)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    assert math.isclose(min(xs), 40, abs_tol=0.2) or math.isclose(min(ys), 40, abs_tol=0.2)
    assert math.isclose(max(xs), 600, abs_tol=0.2) or math.isclose(max(ys), 440, abs_tol=0.2)


def test_linked_groups_are_drawn_closer_than_unlinked_ones():
    edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)]
    positions = layout(range(6), edges)
    linked = [math.dist(positions[a], positions[b]) for a, b in edges]
    unlinked = [
        math.dist(positions[a], positions[b])
        for a, b in itertools.combinations(range(6), 2)
        if (a, b) not in edges and (b, a) not in edges
    ]
    assert sum(linked) / len(linked) < sum(unlinked) / len(unlinked)


def test_loops_and_edges_to_unknown_nodes_are_ignored():
    assert layout(["a", "b"], [("a", "a"), ("a", "z")]) == layout(["a", "b"], [])


def test_a_margin_that_leaves_no_room_is_refused():
    with pytest.raises(ValueError):
        Box(100, 100, 50)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 25),
    st.lists(st.tuples(st.integers(0, 24), st.integers(0, 24)), max_size=40),
    st.integers(120, 900),
    st.integers(120, 700),
)
def test_any_graph_stays_inside_any_box_and_is_repeatable(n, edges, width, height):
    box = Box(width, height, 30)
    positions = layout(range(n), edges, box)
    assert set(positions) == set(range(n))
    assert all(inside(p, box) for p in positions.values())
    assert layout(reversed(range(n)), edges, box) == positions
