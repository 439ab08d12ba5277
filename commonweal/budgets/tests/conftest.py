"""Real Pabulib elections from the shared data (never copied into the repository)."""

import csv
import os
from functools import lru_cache
from pathlib import Path

import pytest
from django.conf import settings

from commonweal.budgets.counting import Election, read

PABULIB = Path(settings.COMMONWEAL_SHARED_DATA) / "pabulib"


def pabulib_names() -> list[str]:
    """The 40 files listed in SOURCES.tsv (empty when the shared data are missing)."""
    sources = PABULIB / "SOURCES.tsv"
    if not sources.is_file():
        return []
    with open(sources, encoding="utf-8", newline="") as handle:
        return [row["file"] for row in csv.DictReader(handle, delimiter="\t")]


def sources() -> dict[str, dict]:
    with open(PABULIB / "SOURCES.tsv", encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


@pytest.fixture(scope="session")
def pabulib_dir(shared_data) -> Path:
    path = shared_data / "pabulib"
    if not (path / "SOURCES.tsv").is_file():
        pytest.skip(f"the Pabulib elections are not at {path} (set COMMONWEAL_SHARED_DATA)")
    return path


def each_file():
    """Parametrise over the real files, or one skipped case when they are missing."""
    names = pabulib_names()
    if not names:
        return [pytest.param("", marks=pytest.mark.skip(reason=f"no Pabulib files at {PABULIB}"))]
    return names


@lru_cache(maxsize=4)
def election(name: str) -> Election:
    """A real file, read once for the tests that count it in turn (rules never change it)."""
    return read(PABULIB / name)


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "slow: a heavy count, run only with COMMONWEAL_SLOW_TESTS=1 (see benchmarks/pb)"
    )


def pytest_collection_modifyitems(config, items):
    if os.environ.get("COMMONWEAL_SLOW_TESTS") == "1":
        return
    skip = pytest.mark.skip(reason="slow: set COMMONWEAL_SLOW_TESTS=1 to run it")
    for item in items:
        if item.get_closest_marker("slow") is not None:
            item.add_marker(skip)
