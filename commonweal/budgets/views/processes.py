"""The list of processes, one process's page, starting a process and moving it on."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from commonweal.accounts.models import Role
from commonweal.accounts.roles import authorities_for
from commonweal.budgets import phases, services
from commonweal.budgets.forms import PotForm, ProcessForm, add_errors
from commonweal.budgets.models import Process
from commonweal.budgets.views.common import actions_for, crumbs, get_process, guard
from commonweal.core.permissions import can


def home(request):
    processes = Process.objects.select_related("authority").prefetch_related("pots")
    return render(
        request,
        "budgets/home.html",
        {
            "live": [p for p in processes if not p.is_past],
            "past": [p for p in processes if p.is_past],
            "can_add": can(request.user, "budgets.add_process"),
        },
    )


def process_page(request, slug):
    process = get_process(request, slug)
    pots = []
    for pot in process.pots.select_related("area"):
        ideas = list(pot.ideas.listed().order_by("id"))
        pots.append({"pot": pot, "ideas": ideas, "ballot": services.own_ballot(pot, request.user)})
    return render(
        request,
        "budgets/process.html",
        {
            "process": process,
            "pots": pots,
            "can": actions_for(request.user, process),
            "phases": [(p, phases.PHASE_LABELS[p]) for p in phases.PHASES],
            "table": phases.table(process),
            "next_phase": phases.PHASE_LABELS.get(phases.next_phase(process.phase) or ""),
            "changes": process.phase_changes.select_related("changed_by"),
            "breadcrumbs": crumbs(process),
        },
    )


@guard("budgets.add_process")
def process_new(request):
    held = authorities_for(request.user, Role.OFFICER)
    form = ProcessForm(request.POST if request.method == "POST" else None, authorities=held)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        area = data["area"]
        authority = area if area.area_type == "lad" else area.authority
        try:
            process = services.create_process(
                actor=request.user,
                title=data["title"],
                description=data["description"],
                authority=authority,
                pots=[(area.name, area, data["budget"])],
                ballot_kind=data["ballot_kind"],
                max_projects=data["max_projects"],
                official_rule=data["official_rule"],
                min_age=data["min_age"],
                age_check=data["age_check"],
                access_code=data["access_code"],
            )
        except services.BudgetsError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"{process.title} is open for ideas.")
            return redirect("budgets:process", slug=process.slug)
    return render(
        request, "budgets/process_new.html", {"form": form, "breadcrumbs": crumbs(None, "New")}
    )


@require_POST
@guard("budgets.advance_phase", get_process)
def advance(request, slug):
    process = get_process(request, slug)
    try:
        services.advance_phase(
            actor=request.user, process=process, note=request.POST.get("note", "")
        )
    except services.BudgetsError as exc:
        messages.error(request, exc.reason)
    else:
        process.refresh_from_db()
        messages.success(request, f"The process is now in its {process.phase_label.lower()} phase.")
    return redirect("budgets:process", slug=slug)


def export_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="budgets-processes.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["slug", "title", "authority", "phase", "pot", "area", "budget", "rule", "past"]
    )
    for process in Process.objects.select_related("authority").prefetch_related("pots__area"):
        for pot in process.pots.all():
            writer.writerow(
                [
                    process.slug,
                    process.title,
                    process.authority.gss_code if process.authority else "",
                    process.phase,
                    pot.name,
                    pot.area.gss_code if pot.area else "",
                    pot.budget,
                    process.official_rule,
                    "yes" if process.is_past else "no",
                ]
            )
    return response


@guard("budgets.change_process", get_process)
def pot_new(request, slug):
    process = get_process(request, slug)
    form = PotForm(request.POST if request.method == "POST" else None, process=process)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            pot = services.add_pot(
                actor=request.user,
                process=process,
                name=data["name"] or data["area"].name,
                area=data["area"],
                budget=data["budget"],
            )
        except services.BudgetsError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, f"{pot.name} has been added.")
            return redirect("budgets:process", slug=slug)
    return render(
        request,
        "budgets/pot_new.html",
        {"process": process, "form": form, "breadcrumbs": crumbs(process, "Add a pot")},
    )
