"""`commonweal import pabulib FILE.pb [--commit]`: a past election as a past process."""

from pathlib import Path

from commonweal.budgets import counting as engine
from commonweal.datasets.importing import Importer, RowError, register_importer


@register_importer
class PabulibImporter(Importer):
    source = "pabulib"
    title = "Participatory budgeting election (Pabulib .pb)"
    publisher = "Pabulib (pabulib.org)"
    source_url = "https://pabulib.org/"
    licence = "As published by Pabulib"
    licence_url = "https://pabulib.org/"
    attribution = "Election data from Pabulib, the participatory budgeting library."
    units = "projects and ballots"
    description = "A participatory budgeting election in the Pabulib format (pb.md §2)."

    def read(self, path: Path):
        try:
            election = engine.read(path)
        except engine.PabulibError as exc:
            raise RowError("", str(exc)) from None
        self.file_name = Path(path).name
        yield 1, {"election": election}

    def clean_row(self, raw):
        election = raw["election"]
        if not election.projects:
            raise RowError("PROJECTS", "the election has no projects")
        return election

    def load(self, rows, dataset, report) -> None:
        from commonweal.budgets.services import BudgetsError, import_election

        for election in rows:
            try:
                import_election(
                    actor=self.options.get("actor"),
                    election=election,
                    source_file=getattr(self, "file_name", dataset.file_name),
                )
            except BudgetsError as exc:
                raise RowError(exc.field, exc.reason) from None
            report.created += 1

    def counts(self) -> dict[str, int]:
        from commonweal.budgets.models import Process

        return {"Past budgeting processes": Process.objects.past().count()}
