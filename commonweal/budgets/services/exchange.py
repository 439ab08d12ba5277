"""Pabulib .pb files in and out: the export anyone can re-count, and past elections in.

Export is the engine's writer over build_election(); import reads with the engine's reader
and loads the election as a past process through the same services a live one uses
(ideas costed, ballots recorded, the official rule counted, results published).
"""

from decimal import Decimal

from django.db import transaction

from commonweal.budgets import ballot_rules, phases
from commonweal.budgets import counting as engine
from commonweal.budgets.counting.presets import OFFICIAL
from commonweal.budgets.models import (
    Ballot,
    BallotChoice,
    Channel,
    Idea,
    IdeaStatus,
    IdeaStatusChange,
)
from commonweal.budgets.services.counting import count_pot
from commonweal.budgets.services.errors import BudgetsError
from commonweal.budgets.services.processes import advance_phase, create_process
from commonweal.core import audit

KIND_OF_VOTE_TYPE = {
    "approval": ballot_rules.APPROVAL,
    "cumulative": ballot_rules.CUMULATIVE,
    "ordinal": ballot_rules.RANKING,
}


def official_rule(election: engine.Election) -> str:
    """The preset that reproduces the file's recorded rule, else the equalshares.net default."""
    return OFFICIAL.get(election.meta.get("rule", ""), "equalshares-net")


def _title(election: engine.Election, fallback: str) -> str:
    meta = election.meta
    parts = [meta.get("unit", ""), meta.get("subunit", ""), meta.get("instance", "")]
    return " ".join(p for p in parts if p).strip() or fallback


@transaction.atomic
def import_election(
    *,
    actor,
    election: engine.Election,
    source_file: str,
    title: str = "",
    rule: str | None = None,
    authority=None,
    area=None,
):
    """A past process from an election: one pot, counted and in its results phase."""
    kind = KIND_OF_VOTE_TYPE.get(election.vote_type)
    if kind is None:
        raise BudgetsError(f"{election.vote_type} ballots cannot be imported yet.", "vote_type")
    if election.points and any(
        b.points and any(p != p.to_integral() or p < 0 for p in b.points) for b in election.ballots
    ):
        raise BudgetsError("Only whole, non-negative points can be imported.", "points")
    meta = dict(election.meta)
    process = create_process(
        actor=actor,
        title=title or _title(election, source_file),
        description=meta.get("description", ""),
        authority=authority,
        pots=[(meta.get("subunit") or meta.get("unit") or "Whole area", area, election.budget)],
        ballot_kind=kind,
        official_rule=rule or official_rule(election),
        min_projects=int(meta.get("min_length", 1) or 1),
        max_projects=int(meta["max_length"]) if meta.get("max_length") else None,
        phase=phases.COUNTING,
        is_past=True,
        source_file=source_file,
        source_meta=meta,
    )
    pot = process.pots.get()
    ideas = Idea.objects.bulk_create(
        Idea(
            process=process,
            pot=pot,
            title=(project.fields.get("name") or f"Project {project.id}")[:200],
            description=project.fields.get("description", ""),
            status=IdeaStatus.FEASIBLE,
            cost=project.cost,
            external_id=project.id,
            latitude=_float(project.fields.get("latitude")),
            longitude=_float(project.fields.get("longitude")),
        )
        for project in election.projects.values()
    )
    IdeaStatusChange.objects.bulk_create(
        IdeaStatusChange(idea=idea, status=IdeaStatus.FEASIBLE, reason="Imported") for idea in ideas
    )
    by_id = {idea.external_id: idea for idea in ideas}
    ballots = Ballot.objects.bulk_create(
        Ballot(pot=pot, voter_key=f"imported:{b.voter_id}", channel=Channel.IMPORTED)
        for b in election.ballots
    )
    choices = []
    for row, ballot in zip(ballots, election.ballots, strict=True):
        for position, project_id in enumerate(ballot.projects):
            if kind == ballot_rules.RANKING:
                value = position + 1
            elif ballot.points is not None:
                value = int(ballot.points[position])
            else:
                value = 1
            if value:
                choices.append(BallotChoice(ballot=row, idea=by_id[project_id], value=value))
    BallotChoice.objects.bulk_create(choices, batch_size=2000)
    audit.record(
        "budgets.import_election",
        actor=actor,
        obj=process,
        after={"file": source_file, "projects": len(ideas), "ballots": len(ballots)},
    )
    count_pot(actor=actor, pot=pot)
    advance_phase(actor=actor, process=process, note=f"Imported from {source_file}")
    process.refresh_from_db()
    return process


def _float(text):
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def total_budget(process) -> Decimal:
    return sum((pot.budget for pot in process.pots.all()), Decimal(0))
