"""Creating processes and pots, and moving a process through its phases."""

from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.text import slugify

from commonweal.budgets import ballot_rules, phases
from commonweal.budgets.counting import PRESETS
from commonweal.budgets.models import PhaseChange, Pot, Process
from commonweal.budgets.services._common import check
from commonweal.budgets.services.errors import BudgetsError
from commonweal.core import audit


def _unique_slug(title: str) -> str:
    base = slugify(title)[:70] or "process"
    slug, n = base, 1
    while Process.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def check_settings(*, ballot_kind: str, official_rule: str, phase_actions=None) -> None:
    if ballot_kind not in ballot_rules.KINDS:
        raise BudgetsError(f"{ballot_kind!r} is not a kind of ballot.", "ballot_kind")
    if official_rule not in PRESETS:
        raise BudgetsError(
            f"{official_rule!r} is not a rule the counting engine knows.", "official_rule"
        )
    problems = phases.check_table(phase_actions or {})
    if problems:
        raise BudgetsError("; ".join(problems), "phase_actions")


@transaction.atomic
def create_process(
    *,
    actor,
    title: str,
    authority,
    pots: list[tuple[str, object, Decimal]],
    description: str = "",
    ballot_kind: str = ballot_rules.APPROVAL,
    official_rule: str = "equalshares-net",
    min_projects: int = 1,
    max_projects: int | None = None,
    max_cost: Decimal | None = None,
    points: int = 10,
    min_age: int = 16,
    age_check: str = "declaration",
    access_code: str = "",
    voting_closes=None,
    phase_actions: dict | None = None,
    phase: str = phases.IDEAS,
    is_past: bool = False,
    source_file: str = "",
    source_meta: dict | None = None,
) -> Process:
    """A new process in its first phase, with one pot per (name, area, budget)."""
    check(actor, "budgets.add_process")
    check_settings(
        ballot_kind=ballot_kind, official_rule=official_rule, phase_actions=phase_actions
    )
    if not pots:
        raise BudgetsError("A process needs at least one pot with a budget.", "pots")
    for name, _area, budget in pots:
        if Decimal(budget) <= 0:
            raise BudgetsError(f"The budget for {name} must be more than £0.", "budget")
    process = Process.objects.create(
        slug=_unique_slug(title),
        title=title,
        description=description,
        authority=authority,
        phase=phase,
        phase_actions=phase_actions or {},
        ballot_kind=ballot_kind,
        official_rule=official_rule,
        min_projects=min_projects,
        max_projects=max_projects,
        max_cost=max_cost,
        points=points,
        min_age=min_age,
        age_check=age_check,
        access_code_hash=make_password(access_code) if access_code else "",
        voting_closes=voting_closes,
        is_past=is_past,
        source_file=source_file,
        source_meta=source_meta or {},
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    for name, area, budget in pots:
        Pot.objects.create(process=process, name=name, area=area, budget=Decimal(budget))
    PhaseChange.objects.create(
        process=process, phase=phase, changed_by=process.created_by, note="Created"
    )
    audit.record(
        "budgets.create_process",
        actor=actor,
        obj=process,
        after={"title": title, "rule": official_rule, "pots": [str(p[2]) for p in pots]},
    )
    return process


@transaction.atomic
def advance_phase(*, actor, process: Process, note: str = "") -> Process:
    """Move the process to its next phase (attributed, append-only)."""
    check(actor, "budgets.advance_phase", process)
    given, process = process, Process.objects.select_for_update().get(pk=process.pk)
    after = phases.next_phase(process.phase)
    if after is None:
        raise BudgetsError("Delivery is the last phase.", "phase")
    if after == phases.RESULTS:
        # A pot with nothing on its ballot has nothing to count.
        pots = [pot for pot in process.pots.all() if pot.ideas.on_ballot().exists()]
        if not pots or not all(pot.counts.exists() for pot in pots):
            raise BudgetsError("Count every pot before publishing the results.", "phase")
    before = process.phase
    process.phase = after
    process.save(update_fields=["phase"])
    given.phase = after  # the caller's copy (and the pots that point at it) see the change
    PhaseChange.objects.create(process=process, phase=after, changed_by=actor, note=note)
    audit.record(
        "budgets.advance_phase",
        actor=actor,
        obj=process,
        before={"phase": before},
        after={"phase": after},
    )
    return process


@transaction.atomic
def add_pot(*, actor, process: Process, name: str, area, budget) -> Pot:
    """Another pot (an area with its own budget), while ideas can still be proposed."""
    check(actor, "budgets.change_process", process)
    if process.phase != phases.IDEAS:
        raise BudgetsError("Pots can be added only while the process is open for ideas.", "name")
    if not name.strip():
        raise BudgetsError("Enter a name for the pot.", "name")
    if area is None:
        raise BudgetsError("Choose the area of the pot.", "area")
    if (
        process.authority_id
        and area.pk != process.authority_id
        and (area.authority_id != process.authority_id)
    ):
        raise BudgetsError(f"The area must be in {process.authority.name}.", "area")
    if Decimal(budget) <= 0:
        raise BudgetsError("The budget must be more than £0.", "budget")
    pot = Pot.objects.create(process=process, name=name.strip(), area=area, budget=budget)
    audit.record(
        "budgets.add_pot", actor=actor, obj=process, after={"pot": pot.name, "budget": str(budget)}
    )
    return pot
