"""Counting, the results page, the .pb export and the published counting configuration,
and delivery of the funded projects."""

import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from commonweal.budgets import presenters, services
from commonweal.budgets.forms import DeliveryForm, add_errors
from commonweal.budgets.views.common import (
    actions_for,
    crumbs,
    get_idea,
    get_pot,
    get_process,
    guard,
)


@require_POST
@guard("budgets.count", get_process)
def count(request, slug):
    process = get_process(request, slug)
    counted = 0
    try:
        for pot in process.pots.all():
            if pot.ideas.on_ballot().exists():
                services.count_pot(actor=request.user, pot=pot)
                counted += 1
    except services.BudgetsError as exc:
        messages.error(request, exc.reason)
        return redirect("budgets:process", slug=slug)
    messages.success(
        request, f"Counted {counted} pot{'s' if counted != 1 else ''} with {process.official_rule}."
    )
    return redirect("budgets:results", slug=slug)


@guard("budgets.view_results", get_process)
def results(request, slug):
    process = get_process(request, slug)
    pots = []
    for pot in process.pots.select_related("area"):
        latest = services.latest_count(pot)
        if latest is not None:
            pots.append(presenters.pot_results(pot, latest))
    return render(
        request,
        "budgets/results.html",
        {
            "process": process,
            "pots": pots,
            "can": actions_for(request.user, process),
            "delivery": presenters.delivery_rows(process),
            "breadcrumbs": crumbs(process, "Results"),
        },
    )


def _counted(request, slug, pot):
    pot = get_pot(request, slug, pot)
    latest = services.latest_count(pot)
    if latest is None:
        raise Http404("This pot has not been counted yet.")
    return pot, latest


def _pot_process(request, slug, pot):
    return get_pot(request, slug, pot).process


@guard("budgets.view_results", _pot_process)
def election_pb(request, slug, pot):
    pot, latest = _counted(request, slug, pot)
    response = HttpResponse(latest.pb_text, content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{slug}-pot-{pot.pk}.pb"'
    return response


@guard("budgets.view_results", _pot_process)
def rule_json(request, slug, pot):
    pot, latest = _counted(request, slug, pot)
    body = {
        "rule": latest.rule,
        "configuration": latest.config,
        "selected": latest.selected,
        "total_cost": str(latest.total_cost),
        "ballots_counted": latest.ballots_counted,
        "counted_at": latest.run_at.isoformat(),
        "recount": (
            f"commonweal budgets count {slug}-pot-{pot.pk}.pb --rule {latest.rule} --explain"
        ),
    }
    return HttpResponse(
        json.dumps(body, indent=2, ensure_ascii=False), content_type="application/json"
    )


@guard("budgets.record_delivery", get_process)
def delivery(request, slug, pk):
    idea = get_idea(request, slug, pk)
    form = DeliveryForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.record_delivery(actor=request.user, idea=idea, **data)
        except services.BudgetsError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, "The delivery update has been published.")
            return redirect("budgets:results", slug=slug)
    return render(
        request,
        "budgets/delivery.html",
        {
            "process": idea.process,
            "idea": idea,
            "form": form,
            "breadcrumbs": crumbs(idea.process, "Delivery update"),
        },
    )
