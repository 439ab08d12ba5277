"""The importer framework: one base that every importer in every app uses."""

from commonweal.datasets.importing.base import (
    Importer,
    ImportFailed,
    ImportReport,
    RowError,
    RowProblem,
)
from commonweal.datasets.importing.registry import get_importer, importers, register_importer
from commonweal.datasets.importing.runner import run_import

__all__ = [
    "ImportFailed",
    "ImportReport",
    "Importer",
    "RowError",
    "RowProblem",
    "get_importer",
    "importers",
    "register_importer",
    "run_import",
]
