"""Real ONS boundaries and police.uk crime points: AreaIndex against brute force.

The data live outside the repository: ``$COMMONWEAL_SHARED_DATA``, or ``shared/data`` beside
the repository root. The tests are skipped, saying where they looked, if it is absent.
"""

import csv
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest
import shapely

from commonweal.places.spatial import AreaIndex

REPO_ROOT = Path(__file__).resolve().parents[4]
SHARED_DATA = Path(
    os.environ.get("COMMONWEAL_SHARED_DATA", REPO_ROOT.parent / "shared" / "data")
).resolve()
BOUNDARIES = SHARED_DATA / "boundaries" / "calderdale_lsoa2011_bsc.geojson"
CRIMES = SHARED_DATA / "crime" / "2018-07-west-yorkshire-street_calderdale.csv"


def require(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"shared open data not found at {path} (set COMMONWEAL_SHARED_DATA)")
    return path


@pytest.fixture(scope="module")
def calderdale() -> list[tuple[str, shapely.Geometry]]:
    collection = json.loads(require(BOUNDARIES).read_text(encoding="utf-8"))
    return [
        (feature["properties"]["LSOA11CD"], shapely.geometry.shape(feature["geometry"]))
        for feature in collection["features"]
    ]


@pytest.fixture(scope="module")
def crime_points() -> tuple[np.ndarray, np.ndarray]:
    with require(CRIMES).open(newline="", encoding="utf-8") as f:
        rows = [(row["Longitude"], row["Latitude"]) for row in csv.DictReader(f)]
    located = [(float(x), float(y)) for x, y in rows if x and y]
    return np.array([p[0] for p in located]), np.array([p[1] for p in located])


def brute_force(areas, xs, ys) -> list[str | None]:
    """Every area tested with ``covers`` for every point; the smallest covering key wins."""
    keys = [key for key, _ in areas]
    geoms = np.array([shapely.make_valid(geom) for _, geom in areas], dtype=object)
    pts = shapely.points(xs, ys)
    covered = shapely.covers(geoms[:, None], pts[None, :])  # areas x points
    answers = []
    for column in covered.T:
        covering = [keys[i] for i in np.flatnonzero(column)]
        answers.append(min(covering) if covering else None)
    return answers


def test_calderdale_lsoas_load(calderdale):
    assert len(calderdale) == 128
    index = AreaIndex(calderdale)
    assert len(index) == 128
    assert index.keys[0].startswith("E01")


def test_calderdale_crimes_match_brute_force(calderdale, crime_points):
    xs, ys = crime_points
    assert len(xs) == 2559
    index = AreaIndex(calderdale)
    expected = brute_force(calderdale, xs, ys)
    got = index.lookup_many(xs, ys)
    mismatches = [i for i, (a, b) in enumerate(zip(got, expected, strict=True)) if a != b]
    assert not mismatches, f"{len(mismatches)} points differ, first at {mismatches[:5]}"
    assert [index.lookup(x, y) for x, y in zip(xs[:300], ys[:300], strict=True)] == expected[:300]
    # The points are Calderdale's own crimes: nearly all fall inside its LSOAs.
    assert sum(answer is not None for answer in got) > 0.95 * len(xs)


@pytest.mark.parametrize("depth", [0, 2, 5])
def test_calderdale_grid_points_match_brute_force_at_any_depth(calderdale, depth):
    """A dense lattice over the borough, including its edges, at several refinement depths."""
    index = AreaIndex(calderdale, depth=depth)
    x0, y0, x1, y1 = shapely.total_bounds([geom for _, geom in calderdale])
    gx, gy = np.meshgrid(np.linspace(x0, x1, 61), np.linspace(y0, y1, 47))
    xs, ys = gx.ravel(), gy.ravel()
    assert list(index.lookup_many(xs, ys)) == brute_force(calderdale, xs, ys)


def test_calderdale_vertices_go_to_the_smallest_key(calderdale):
    """Every boundary vertex lies on two or more LSOAs: the smallest code must win."""
    index = AreaIndex(calderdale)
    coords = np.unique(shapely.get_coordinates([geom for _, geom in calderdale]), axis=0)
    xs, ys = coords[:, 0], coords[:, 1]
    assert list(index.lookup_many(xs, ys)) == brute_force(calderdale, xs, ys)


def test_one_index_shared_by_threads(calderdale, crime_points):
    xs, ys = crime_points
    index = AreaIndex(calderdale)
    expected = list(index.lookup_many(xs, ys))
    chunks = [slice(i, i + 300) for i in range(0, len(xs), 300)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        bulk = pool.map(lambda part: list(index.lookup_many(xs[part], ys[part])), chunks)
        single = pool.map(index.lookup, xs, ys)
        assert [key for part in bulk for key in part] == expected
        assert list(single) == expected
