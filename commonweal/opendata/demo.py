"""The open-data demo: a borough's real crime and spending files, through the same importers.

Calderdale's July 2018 street crimes and its spending files, and Trafford's spending, are
real open data in the shared data folder (COMMONWEAL_SHARED_DATA); a real deployment
downloads the same files from data.police.uk and the council.
"""

from pathlib import Path

from django.conf import settings

from commonweal.core.registry import DemoNote
from commonweal.datasets.importing import ImportFailed, get_importer, run_import

# borough GSS code -> (importer, path under the shared data folder)
DEMO_FILES = {
    "E08000033": [
        ("police-street-crime", "crime/2018-07-west-yorkshire-street_calderdale.csv"),
        ("council-spending", "spending/calderdale_spend_2018-07.csv"),
        ("council-card-spending", "spending/calderdale_procurement_card_2018-07.csv"),
    ],
    "E08000009": [
        ("council-spending", "spending/trafford_supplier_spend_2026-04_over500.csv"),
    ],
}


def load_demo_open_data(authority, officer, password: str, root: Path | None = None) -> list[str]:
    """Import the borough's demo files; lines to print only for what changed."""
    root = Path(root or settings.COMMONWEAL_SHARED_DATA)
    lines = []
    for source, relative in DEMO_FILES.get(authority.gss_code, []):
        path = root / relative
        if not path.is_file():
            lines.append(DemoNote(f"Open data: {relative} is not in {root}; skipped."))
            continue
        try:
            report = run_import(get_importer(source)(), path, commit=True, actor_label="demo load")
        except ImportFailed as exc:
            first = exc.report.problems[0] if exc.report.problems else ""
            lines.append(f"Open data: {path.name} could not be imported ({first}).")
            continue
        if report.created or report.updated:
            lines.append(
                f"Open data: imported {path.name} ({report.created} new, {report.updated} updated)."
            )
    return lines
