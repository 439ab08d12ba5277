"""Run an importer: validate every row, load atomically, dry run unless committed."""

import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.datasets.importing.base import (
    Importer,
    ImportFailed,
    ImportReport,
    RowError,
    RowProblem,
)
from commonweal.datasets.models import DataSet

MAX_REPORTED_PROBLEMS = 200
_CHECKSUMS = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-checksum")


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


def file_checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def run_import(
    importer: Importer,
    path: Path,
    *,
    commit: bool = False,
    actor=None,
    actor_label: str = "",
    source_url: str = "",
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import one file. Raises ImportFailed (and writes nothing) on any problem.

    `progress` is called with the number of rows read so far, for progress bars.
    """
    path = Path(path)
    report = ImportReport(source=importer.source, file_name=path.name, committed=False)
    if not path.is_file():
        report.problems.append(RowProblem(None, "", f"there is no file at {path}"))
        raise ImportFailed(report)

    # The file's checksum (it names the DataSet) is read on a thread of its own while the
    # file is checked: hashlib lets go of the GIL for large reads.
    checksum = _CHECKSUMS.submit(file_checksum, path)
    try:
        return _run(
            importer, path, report, commit, actor, actor_label, source_url, progress, checksum
        )
    finally:
        if not report.committed:
            # A dry run, or an import that failed: what it wrote outside the database goes.
            importer.discard()


def _run(importer, path, report, commit, actor, actor_label, source_url, progress, checksum):
    cleaned: list[tuple[int, object]] = []
    # A whole-file check (columns at a time) answers for a valid file; for any other the
    # row-by-row check below runs and names each problem's line.
    checked = importer.check_file(path)
    if checked is not None:
        report.rows_read = checked
    try:
        for line, raw in importer.read(path) if checked is None else ():
            report.rows_read += 1
            if progress and report.rows_read % 500 == 0:
                progress(report.rows_read)
            try:
                row = importer.clean_row(raw)
                if not importer.streaming:
                    cleaned.append((line, row))
            except RowError as exc:
                if len(report.problems) < MAX_REPORTED_PROBLEMS:
                    report.problems.append(RowProblem(line, exc.column, exc.reason))
                else:
                    report.problems.append(RowProblem(line, "", "too many problems; stopped"))
                    break
    except RowError as exc:
        report.problems.append(RowProblem(None, exc.column, exc.reason))
    if progress:
        progress(report.rows_read)
    if not report.problems and report.rows_read == 0:
        report.problems.append(RowProblem(None, "", "the file has no data rows"))
    if not report.problems:
        report.problems.extend(importer.check_rows(cleaned))
    if report.problems:
        raise ImportFailed(report)

    checksum = checksum.result()
    try:
        with transaction.atomic():
            before = importer.counts()
            dataset, new_dataset = _dataset_for(
                importer, path, checksum, source_url, report.rows_read
            )
            if importer.streaming:
                # Every row is valid; read the file again rather than hold it in memory.
                rows = importer.rows_for_load(path)
            else:
                rows = [row for _, row in cleaned]
            importer.load(rows, dataset, report)
            after = importer.counts()
            report.changes = {label: (before.get(label, 0), after[label]) for label in after}
            report.dataset_id = dataset.pk
            changed = new_dataset or report.created or report.updated
            if not changed:
                report.notes.append("Nothing changed: this file has been imported before.")
            if changed:
                audit.record(
                    "dataset.imported",
                    actor=actor,
                    actor_label=actor_label,
                    obj=dataset,
                    after={
                        "rows": report.rows_read,
                        "created": report.created,
                        "updated": report.updated,
                        "changes": {k: list(v) for k, v in report.changes.items()},
                    },
                )
            if not commit:
                raise _DryRun
    except _DryRun:
        report.dataset_id = None
    except RowError as exc:
        report.problems.append(RowProblem(None, exc.column, exc.reason))
        raise ImportFailed(report) from exc
    report.committed = commit
    return report


def _dataset_for(importer: Importer, path: Path, checksum: str, source_url: str, rows: int):
    # The same file twice reuses its DataSet: an idempotent import changes nothing.
    return DataSet.objects.get_or_create(
        source=importer.source,
        checksum=checksum,
        defaults={
            "title": importer.title,
            "publisher": importer.publisher,
            "source_url": source_url or importer.source_url,
            "licence": importer.licence,
            "licence_url": importer.licence_url,
            "attribution": importer.attribution,
            "release_date": importer.release_date,
            "retrieved_at": timezone.now(),
            "file_name": path.name,
            "units": importer.units,
            "row_count": rows,
        },
    )
