"""The budgets API, mounted at /api/v1/budgets/: processes, ideas, ballots and results."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status

from commonweal.accounts.api_auth import session_or_token
from commonweal.api import ErrorResponse, error_body
from commonweal.budgets import phases, services
from commonweal.budgets.api.schemas import (
    BudgetBallotIn,
    BudgetBallotOut,
    BudgetIdeaIn,
    BudgetIdeaOut,
    BudgetPotResult,
    BudgetProcessOut,
    PotPath,
    SlugPath,
)
from commonweal.budgets.models import Pot, Process
from commonweal.core.permissions import require

router = Router(tags=["Participatory budgeting"])

READ_ERRORS = {404: ErrorResponse, 422: ErrorResponse}
PROTECTED = {401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse}
WRITE_ERRORS = {400: ErrorResponse, **PROTECTED}


def _refused(exc: services.BudgetsError) -> Status:
    details = [
        {"location": f"body.{field}" if field else "body", "message": m}
        for field, m in exc.errors.items()
    ]
    return Status(422, error_body("refused", exc.reason, details))


def _process(slug: str) -> Process:
    return get_object_or_404(Process, slug=slug)


def _pot(slug: str, pot: int) -> Pot:
    return get_object_or_404(Pot.objects.select_related("process"), process__slug=slug, pk=pot)


def _present(process: Process) -> dict:
    return {
        "slug": process.slug,
        "title": process.title,
        "phase": process.phase,
        "allowed_actions": list(phases.table(process)[process.phase]),
        "ballot_kind": process.ballot_kind,
        "official_rule": process.official_rule,
        "is_past": process.is_past,
        "pots": [
            {
                "id": p.pk,
                "name": p.name,
                "area_code": p.area.gss_code if p.area else None,
                "budget": str(p.budget),
            }
            for p in process.pots.select_related("area")
        ],
    }


def _idea(idea) -> dict:
    return {
        "id": idea.pk,
        "pot": idea.pot_id,
        "title": idea.title,
        "description": idea.description,
        "status": idea.status,
        "cost": str(idea.cost) if idea.cost is not None else None,
        "postcode": idea.postcode,
        "supporters": idea.supports.count(),
        "rejection_reason": idea.rejection_reason,
    }


@router.get(
    "/processes",
    response={200: list[BudgetProcessOut]},
    summary="Budgeting processes",
    operation_id="budgets_processes",
    description="Every process, live ones first.",
)
def processes(request: HttpRequest):
    return [_present(p) for p in Process.objects.all()]


@router.get(
    "/processes/{slug}",
    response={200: BudgetProcessOut, **READ_ERRORS},
    summary="A budgeting process",
    operation_id="budgets_process",
    description="Its phase, what the phase allows, its ballot, rule and pots.",
)
def process(request: HttpRequest, slug: SlugPath):
    return _present(_process(slug))


@router.get(
    "/processes/{slug}/ideas",
    response={200: list[BudgetIdeaOut], **READ_ERRORS},
    summary="A process's ideas",
    operation_id="budgets_ideas",
    description="Every idea except merged duplicates, with published reasons.",
)
def ideas(request: HttpRequest, slug: SlugPath):
    found = _process(slug)
    return [_idea(i) for i in found.ideas.listed().order_by("id")]


@router.post(
    "/processes/{slug}/ideas",
    auth=session_or_token,
    response={201: BudgetIdeaOut, **WRITE_ERRORS},
    summary="Propose an idea",
    operation_id="budgets_propose",
    description="Open while the phase allows proposing.",
)
def propose(request: HttpRequest, slug: SlugPath, payload: BudgetIdeaIn):
    found = _process(slug)
    require(request.user, "budgets.propose_idea", found)
    pot = get_object_or_404(Pot, process=found, pk=payload.pot)
    try:
        idea = services.propose_idea(
            actor=request.user,
            pot=pot,
            title=payload.title,
            description=payload.description,
            postcode=payload.postcode,
            longitude=payload.longitude,
            latitude=payload.latitude,
        )
    except services.BudgetsError as exc:
        return _refused(exc)
    return Status(201, _idea(idea))


@router.put(
    "/processes/{slug}/pots/{pot}/ballot",
    auth=session_or_token,
    response={200: BudgetBallotOut, **WRITE_ERRORS},
    summary="Cast or change your ballot",
    operation_id="budgets_cast_ballot",
    description="One ballot per voter per pot, replaced by each call until voting closes.",
)
def cast(request: HttpRequest, slug: SlugPath, pot: PotPath, payload: BudgetBallotIn):
    from datetime import date

    found = _pot(slug, pot)
    require(request.user, "budgets.vote", found.process)
    try:
        born = date.fromisoformat(payload.date_of_birth) if payload.date_of_birth else None
    except ValueError:
        return _refused(
            services.BudgetsError("Give the date of birth as YYYY-MM-DD.", "date_of_birth")
        )
    try:
        ballot = services.cast_ballot(
            actor=request.user,
            pot=found,
            choices=payload.choices,
            postcode=payload.postcode,
            date_of_birth=born,
            age_declared=payload.age_declared,
            access_code=payload.access_code,
        )
    except (services.BudgetsError, ValueError) as exc:
        if isinstance(exc, ValueError):
            exc = services.BudgetsError("Each choice must be a whole number.", "choices")
        return _refused(exc)
    return {
        "pot": found.pk,
        "choices": services.choices_of(ballot),
        "changed_at": ballot.changed_at.isoformat(),
    }


@router.get(
    "/processes/{slug}/results",
    response={200: list[BudgetPotResult], **PROTECTED},
    auth=None,
    summary="Results",
    operation_id="budgets_results",
    description="Each counted pot's outcome, explanation and rule configuration; "
    "public once the phase shows results.",
)
def results(request: HttpRequest, slug: SlugPath):
    found = _process(slug)
    require(request.user, "budgets.view_results", found)
    return [
        _result(pot, count)
        for pot in found.pots.all()
        if (count := services.latest_count(pot)) is not None
    ]


@router.post(
    "/processes/{slug}/count",
    auth=session_or_token,
    response={200: list[BudgetPotResult], **WRITE_ERRORS},
    summary="Count the ballots",
    operation_id="budgets_count",
    description="Officers: count every pot with the process's official rule.",
)
def count(request: HttpRequest, slug: SlugPath):
    found = _process(slug)
    require(request.user, "budgets.count", found)
    out = []
    try:
        for pot in found.pots.all():
            if pot.ideas.on_ballot().exists():
                out.append(_result(pot, services.count_pot(actor=request.user, pot=pot)))
    except services.BudgetsError as exc:
        return _refused(exc)
    return out


def _result(pot, count) -> dict:
    ideas = {i.project_id: i for i in pot.ideas.on_ballot()}
    return {
        "pot": pot.pk,
        "rule": count.rule,
        "selected": count.selected,
        "total_cost": str(count.total_cost),
        "ballots_counted": count.ballots_counted,
        "greedy_selected": count.greedy_selected,
        "configuration": count.config,
        "projects": [
            {
                "id": pid,
                "idea": idea.pk,
                "title": idea.title,
                "cost": str(idea.cost),
                "funded": pid in count.selected,
                "reason": (count.explanation or {}).get(pid, {}).get("reason", ""),
            }
            for pid, idea in ideas.items()
        ],
    }


__all__ = ["router"]
