"""The ballot (a form that works without JavaScript, with a budget bar) and paper entry."""

from decimal import Decimal

from django.contrib import messages
from django.shortcuts import redirect, render

from commonweal.budgets import ballot_rules, services
from commonweal.budgets.forms import (
    EligibilityForm,
    LocationForm,
    PaperForm,
    add_errors,
    ballot_choices,
)
from commonweal.budgets.models import PaperEntryStatus
from commonweal.budgets.views.common import crumbs, get_pot, get_process, guard


def budget_bar(pot, projects, choices) -> dict:
    """How much of the budget (or the ballot's cap) the current choices use."""
    limits = pot.process.limits(pot)
    costs = {str(idea.pk): idea.cost for idea in projects}
    spent = ballot_rules.spent(choices, costs)
    cap = ballot_rules.effective_max_cost(limits) or pot.budget
    share = int(min(spent / cap, Decimal(1)) * 100) if cap else 0
    return {"spent": spent, "cap": cap, "percent": share, "over": spent > cap}


def _rows(process, projects, choices):
    ranks = list(range(1, len(projects) + 1))
    return [
        {"idea": idea, "value": choices.get(str(idea.pk), 0), "ranks": ranks} for idea in projects
    ]


@guard("budgets.vote", get_process)
def ballot(request, slug, pot):
    pot = get_pot(request, slug, pot)
    process = pot.process
    projects = services.ballot_projects(pot)
    existing = services.own_ballot(pot, request.user)
    choices = services.choices_of(existing)
    form = EligibilityForm(request.POST if request.method == "POST" else None)
    problems = []
    if request.method == "POST":
        choices = ballot_choices(request.POST, projects)
        form.is_valid()
        try:
            if request.POST.get("action") == "check":
                services.check_choices(pot, choices)
            else:
                services.cast_ballot(
                    actor=request.user,
                    pot=pot,
                    choices=choices,
                    postcode=form.cleaned_data.get("postcode") or "",
                    date_of_birth=form.date_of_birth(),
                    age_declared=form.cleaned_data.get("age_declared", False),
                    access_code=form.cleaned_data.get("access_code") or "",
                )
        except services.BudgetsError as exc:
            problems = [reason for field, reason in exc.errors.items() if field == "choices"]
            for field, reason in exc.errors.items():
                if field != "choices":
                    field = "dob_day" if field == "date_of_birth" else field
                    form.add_error(field if field in form.fields else None, reason)
        else:
            if request.POST.get("action") != "check":
                messages.success(
                    request,
                    "Your ballot has been recorded. You can change it until voting closes.",
                )
                return redirect("budgets:process", slug=slug)
    return render(
        request,
        "budgets/ballot.html",
        {
            "process": process,
            "pot": pot,
            "form": form,
            "rows": _rows(process, projects, choices),
            "problems": problems,
            "has_errors": bool(problems or form.errors),
            "bar": budget_bar(pot, projects, choices),
            "limits": process.limits(pot),
            "existing": existing,
            "checked": request.method == "POST" and request.POST.get("action") == "check",
            "breadcrumbs": crumbs(process, f"Vote: {pot.name}"),
        },
    )


@guard("budgets.enter_paper_ballot", get_process)
def paper(request, slug):
    process = get_process(request, slug)
    form = PaperForm(request.POST if request.method == "POST" else None, process=process)
    location_form = LocationForm()
    problems = []
    pot = process.pots.first()
    if request.method == "POST" and request.POST.get("action") == "location":
        location_form = LocationForm(request.POST)
        location_form.is_valid()
        try:
            services.add_location(
                actor=request.user, process=process, name=location_form.cleaned_data.get("name", "")
            )
        except services.BudgetsError as exc:
            add_errors(location_form, exc)
        else:
            messages.success(request, "The voting location has been added.")
            return redirect("budgets:paper", slug=slug)
        form = PaperForm(process=process)
    elif request.method == "POST" and form.is_valid():
        pot = form.cleaned_data["pot"]
        choices = ballot_choices(request.POST, services.ballot_projects(pot))
        try:
            entry = services.enter_paper_ballot(
                actor=request.user,
                pot=pot,
                location=form.cleaned_data["location"],
                serial=form.cleaned_data["serial"],
                choices=choices,
            )
        except services.BudgetsError as exc:
            if exc.field == "choices":
                problems = list(exc.errors.values())
            else:
                add_errors(form, exc)
        else:
            if entry.status == PaperEntryStatus.MISMATCH:
                problems = [
                    f"Ballot {entry.serial} does not match the first entry, so it has not been "
                    "counted. Check the paper and enter it again from the start."
                ]
            else:
                text = {
                    PaperEntryStatus.AWAITING: "Entered. A second person must now enter it too.",
                    PaperEntryStatus.CONFIRMED: "Confirmed: both entries match; the ballot counts.",
                }[entry.status]
                messages.success(request, f"Ballot {entry.serial}: {text}")
                return redirect("budgets:paper", slug=slug)
    pots = [
        {"pot": p, "rows": _rows(process, services.ballot_projects(p), {})}
        for p in process.pots.all()
    ]
    return render(
        request,
        "budgets/paper.html",
        {
            "process": process,
            "form": form,
            "location_form": location_form,
            "pots": pots,
            "problems": problems,
            "has_errors": bool(problems or form.errors),
            "tallies": services.tallies(process),
            "breadcrumbs": crumbs(process, "Paper ballots"),
        },
    )


@guard("budgets.view_tallies", get_process)
def tallies(request, slug):
    process = get_process(request, slug)
    return render(
        request,
        "budgets/tallies.html",
        {
            "process": process,
            "tallies": services.tallies(process),
            "projects": services.project_tallies(process),
            "breadcrumbs": crumbs(process, "Tallies"),
        },
    )
