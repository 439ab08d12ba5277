"""A plan's page: its stages and dates for everyone, and the next stage's form for whoever
may record it (the qualifying body for its consultation and submission, officers after)."""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from commonweal.core.permissions import can
from commonweal.rights.planning import forms as f
from commonweal.rights.planning import presenters, services
from commonweal.rights.planning.models import NeighbourhoodPlan, PlanStage
from commonweal.rights.planning.readings import AWAITS_CONFIRMATION
from commonweal.rights.planning.views.common import add_service_error, crumbs, person_label


@dataclass(frozen=True)
class Step:
    heading: str
    form_class: type
    permission: str
    button: str
    run: object  # (actor, plan, cleaned data) -> None


def _consult(actor, plan, d):
    services.start_consultation(
        actor=actor,
        plan=plan,
        first_publicised_on=d["first_publicised_on"],
        closes_on=d["closes_on"],
        where=d["where"],
        consultees=d["consultees"],
    )


STEPS = {
    PlanStage.PREPARING: Step(
        "Record the pre-submission consultation",
        f.ConsultationForm,
        "neighbourhoodplanning.record_consultation",
        "Record the consultation",
        _consult,
    ),
    PlanStage.CONSULTATION: Step(
        "Close the consultation",
        f.CloseForm,
        "neighbourhoodplanning.record_consultation",
        "Close the consultation",
        lambda a, p, d: services.close_consultation(actor=a, plan=p, closed_on=d["closed_on"]),
    ),
    PlanStage.CONSULTED: Step(
        "Submit the plan to the council",
        f.SubmitForm,
        "neighbourhoodplanning.submit_plan",
        "Record the submission",
        lambda a, p, d: services.submit_plan(actor=a, plan=p, submitted_on=d["submitted_on"]),
    ),
    PlanStage.SUBMITTED: Step(
        "Publicise the submitted plan",
        f.PubliciseForm,
        "neighbourhoodplanning.run_plan",
        "Record the publicity",
        lambda a, p, d: services.start_publicity(
            actor=a, plan=p, first_publicised_on=d["first_publicised_on"], closes_on=d["closes_on"]
        ),
    ),
    PlanStage.PUBLICITY: Step(
        "Close the publicity",
        f.CloseForm,
        "neighbourhoodplanning.run_plan",
        "Close the publicity",
        lambda a, p, d: services.close_publicity(actor=a, plan=p, closed_on=d["closed_on"]),
    ),
    PlanStage.PUBLICITY_CLOSED: Step(
        "Send the plan for examination",
        f.ExaminationForm,
        "neighbourhoodplanning.run_plan",
        "Record the examination",
        lambda a, p, d: services.start_examination(
            actor=a, plan=p, examiner=d["examiner"], started_on=d["started_on"]
        ),
    ),
    PlanStage.EXAMINATION: Step(
        "Record the examiner's report",
        f.ReportForm,
        "neighbourhoodplanning.run_plan",
        "Record the report",
        lambda a, p, d: services.record_examiner_report(
            actor=a, plan=p, received_on=d["received_on"], recommendation=d["recommendation"]
        ),
    ),
    PlanStage.REPORTED: Step(
        "Record the council's decision",
        f.DecisionForm,
        "neighbourhoodplanning.run_plan",
        "Record the decision",
        lambda a, p, d: services.decide_on_report(
            actor=a,
            plan=p,
            to_referendum=d["to_referendum"] == "yes",
            published_on=d["published_on"],
            reasons=d["reasons"],
        ),
    ),
    PlanStage.REFERENDUM: Step(
        "Record a referendum result",
        f.ReferendumForm,
        "neighbourhoodplanning.run_plan",
        "Record the result",
        lambda a, p, d: services.record_referendum(
            actor=a,
            plan=p,
            held_on=d["held_on"],
            yes=d["yes"],
            no=d["no"],
            rejected=d["rejected"],
            kind=d["kind"],
        ),
    ),
    PlanStage.APPROVED: Step(
        "Make the plan",
        f.MakeForm,
        "neighbourhoodplanning.run_plan",
        "Record that it is made",
        lambda a, p, d: services.make_plan(actor=a, plan=p, made_on=d["made_on"]),
    ),
}
STEPS[PlanStage.SPLIT] = STEPS[PlanStage.APPROVED]


@require_http_methods(["GET", "POST"])
def plan(request, pk: int):
    plan = get_object_or_404(
        NeighbourhoodPlan.objects.select_related("area", "qualifying_body"), pk=pk
    )
    step = STEPS.get(plan.stage)
    allowed = step is not None and can(request.user, step.permission, plan)
    form = None
    if allowed:
        posted = request.method == "POST" and request.POST.get("action") == step.form_class.action
        form = step.form_class(request.POST if posted else None)
        if posted and form.is_valid():
            try:
                step.run(request.user, plan, form.cleaned_data)
            except services.PlanningError as error:
                add_service_error(form, error)
            else:
                plan.refresh_from_db()
                messages.success(
                    request, f"Recorded. The plan is now at “{plan.get_stage_display()}”."
                )
                return redirect("neighbourhoodplanning:plan", plan.pk)
    elif request.method == "POST":
        from django.core.exceptions import PermissionDenied

        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        raise PermissionDenied("You cannot record this plan's next stage.")
    return render(
        request,
        "neighbourhoodplanning/plan.html",
        {
            "plan": plan,
            "dates": presenters.plan_dates(plan),
            "consultees": plan.consultees.all(),
            "referendums": plan.referendums.all(),
            "step": step if allowed else None,
            "form": form,
            "history": [
                {"change": c, "by": person_label(c.changed_by)}
                for c in plan.status_changes.select_related("changed_by")
            ],
            "awaits": AWAITS_CONFIRMATION,
            "breadcrumbs": crumbs(
                (plan.area.name, presenters.area_url(plan.area)), (plan.title, None)
            ),
        },
    )
