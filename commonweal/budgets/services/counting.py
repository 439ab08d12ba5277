"""Counting: a pot's ballots become the engine's Election, counted with the official rule.

This is the adapter between the platform and the pure engine (budgets.counting), used
through its public API only: Election, Project, Ballot, count() and dumps().
"""

from decimal import Decimal

from django.db import transaction

from commonweal.budgets import ballot_rules, phases
from commonweal.budgets import counting as engine
from commonweal.budgets.models import Ballot, Count
from commonweal.budgets.services._common import check, require_phase
from commonweal.budgets.services.errors import BudgetsError
from commonweal.core import audit

#: the greedy rule results are compared with (by the votes column we write)
GREEDY = "pabulib-greedy"


def _number(value: Decimal) -> str:
    value = Decimal(value)
    return str(value.quantize(Decimal(1))) if value == value.to_integral() else str(value)


def build_election(pot) -> engine.Election:
    """The pot as a Pabulib election: projects in the order they were added, ballots in the
    order they were cast (confirmed paper ballots included)."""
    process = pot.process
    ideas = list(pot.ideas.on_ballot().order_by("id"))
    by_pk = {idea.pk: idea for idea in ideas}
    vote_type = ballot_rules.PABULIB_VOTE_TYPE[process.ballot_kind]
    ballots = []
    votes = dict.fromkeys(by_pk, 0)
    rows = Ballot.objects.filter(pot=pot).order_by("id").prefetch_related("choices")
    # Paper ballots name the place they were cast, so tallies stay traceable in the file.
    locations = dict(process.locations.values_list("id", "name"))
    for row in rows:
        chosen = [(c.idea_id, c.value) for c in row.choices.all() if c.idea_id in by_pk]
        if not chosen:
            continue
        if vote_type == "ordinal":
            chosen.sort(key=lambda item: item[1])
        for pk, _ in chosen:
            votes[pk] += 1
        points = None
        if vote_type == "cumulative":
            points = tuple(Decimal(v) for _, v in chosen)
        voter_id = (
            row.voter_key.removeprefix("imported:") if row.channel == "imported" else str(row.pk)
        )
        ballots.append(
            engine.Ballot(
                voter_id=voter_id,
                projects=tuple(by_pk[pk].project_id for pk, _ in chosen),
                points=points,
                fields={
                    "voting_method": row.channel,
                    "location": locations.get(row.location_id, ""),
                },
            )
        )
    projects = {}
    for idea in ideas:
        fields = {
            "project_id": idea.project_id,
            "cost": _number(idea.cost),
            "votes": str(votes[idea.pk]),
            "name": idea.title,
        }
        projects[idea.project_id] = engine.Project(idea.project_id, Decimal(fields["cost"]), fields)
    meta = {
        key: value
        for key, value in (process.source_meta or {}).items()
        if key not in ("num_projects", "num_votes", "budget", "vote_type")
    }
    meta.setdefault("description", process.title)
    meta.setdefault("country", "United Kingdom")
    meta.setdefault("unit", pot.area.name if pot.area else pot.name)
    meta.setdefault("instance", str(process.created_at.year))
    meta.update(
        {
            "num_projects": str(len(projects)),
            "num_votes": str(len(ballots)),
            "budget": _number(pot.budget),
            "vote_type": vote_type,
        }
    )
    meta.setdefault("rule", process.official_rule)
    if process.max_projects is not None and vote_type != "ordinal":
        meta.setdefault("max_length", str(process.max_projects))
    if vote_type == "cumulative":
        meta.setdefault("max_sum_points", str(process.points))
    columns = ("voter_id", "vote", *(("points",) if points_type(vote_type) else ()))
    columns = (*columns, "voting_method", *(("location",) if locations else ()))
    return engine.Election(
        meta=meta,
        projects=projects,
        ballots=ballots,
        project_columns=("project_id", "cost", "votes", "name"),
        vote_columns=columns,
    )


def points_type(vote_type: str) -> bool:
    return vote_type == "cumulative"


def pb_text(pot) -> str:
    return engine.dumps(build_election(pot))


@transaction.atomic
def count_pot(*, actor, pot, rule: str | None = None) -> Count:
    """Count the pot with the process's official rule (or another preset, for comparison)."""
    process = pot.process
    require_phase(process, phases.COUNT)
    check(actor, "budgets.count", process)
    rule = rule or process.official_rule
    election = build_election(pot)
    if not election.projects:
        raise BudgetsError("There are no costed projects on this pot's ballot.", "pot")
    try:
        result = engine.count(election, rule, explain=True)
    except engine.UnknownPreset as exc:
        raise BudgetsError(str(exc), "rule") from None
    greedy = engine.count(election, GREEDY)
    count = Count.objects.create(
        pot=pot,
        rule=rule,
        selected=list(result.selected),
        total_cost=result.total_cost,
        config=_plain(result.config),
        explanation=_plain(result.explanation or {}),
        greedy_selected=list(greedy.selected),
        pb_text=engine.dumps(election),
        ballots_counted=len(election.ballots),
        run_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    audit.record(
        "budgets.count",
        actor=actor,
        obj=pot,
        after={"rule": rule, "selected": count.selected, "ballots": count.ballots_counted},
    )
    return count


def _plain(value):
    """JSON-safe copy of the engine's configuration (Decimals, tuples, Fractions)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def latest_count(pot) -> Count | None:
    return pot.counts.order_by("-run_at", "-id").first()
