"""The officers' pages: the deadlines dashboard, the catalogue of services and windows, and
the decision on each expression of interest."""

import datetime as dt

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from commonweal.accounts.models import Role
from commonweal.accounts.permissions import check as guard
from commonweal.accounts.roles import authorities_for
from commonweal.places.models import Area, AreaType
from commonweal.rights.challenge import services
from commonweal.rights.challenge.forms import (
    AcceptForm,
    GroundsForm,
    ProcurementForm,
    ServiceForm,
    TimetableForm,
    WindowForm,
)
from commonweal.rights.challenge.models import (
    ExpressionOfInterest,
    ProcurementExercise,
    RelevantService,
)
from commonweal.rights.challenge.services._common import today
from commonweal.rights.challenge.views.common import (
    add_service_error,
    crumbs,
    unconfirmed_context,
)
from commonweal.rights.challenge.views.public import expression_context

WEEK = 6  # "due this week": today and the six days after it


def _scoped(queryset, user, path: str):
    authorities = authorities_for(user, Role.OFFICER)
    return queryset if authorities is None else queryset.filter(**{f"{path}__in": authorities})


def dashboard_rows(user, day: dt.date) -> dict:
    """Open casework for the officer's authorities, by urgency (decision and notice dates)."""
    open_ones = _scoped(
        ExpressionOfInterest.objects.open().select_related("service", "organisation"),
        user,
        "service__authority_id",
    ).order_by("decision_due", "pk")
    week_end = day + dt.timedelta(days=WEEK)
    rows = {"overdue": [], "this_week": [], "later": []}
    for expression in open_ones:
        dates = [("Decision", expression.decision_due)]
        if expression.timetable_notified_on is None:
            dates.append(
                ("Tell the body when the council will decide", expression.timetable_notice_due)
            )
        for what, due in dates:
            key = "overdue" if due < day else "this_week" if due <= week_end else "later"
            rows[key].append({"expression": expression, "what": what, "due": due})
    for key in rows:
        rows[key].sort(key=lambda row: (row["due"], row["expression"].pk))
    return rows


@require_GET
def dashboard(request):
    if denied := guard(request, "challenge.view_dashboard"):
        return denied
    day = today()
    procurements = _scoped(
        ProcurementExercise.objects.filter(status="planned").select_related("service"),
        request.user,
        "service__authority_id",
    )
    return render(
        request,
        "challenge/officer/dashboard.html",
        {
            **dashboard_rows(request.user, day),
            "procurements": procurements,
            "services": _scoped(RelevantService.objects.all(), request.user, "authority_id"),
            "today": day,
            "breadcrumbs": crumbs(("Officer dashboard", None)),
            **unconfirmed_context(),
        },
    )


def _authority_choices(user):
    authorities = authorities_for(user, Role.OFFICER)
    lads = Area.objects.filter(area_type=AreaType.LOCAL_AUTHORITY).order_by("name")
    return lads if authorities is None else lads.filter(pk__in=authorities)


@require_http_methods(["GET", "POST"])
def new_service(request):
    if denied := guard(request, "challenge.view_dashboard"):
        return denied
    authorities = list(_authority_choices(request.user))
    form = ServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = request.POST.get("authority") or (authorities[0].gss_code if authorities else "")
        authority = next((a for a in authorities if a.gss_code == code), None)
        if authority is None:
            form.add_error(None, "Choose a council you are an officer for.")
        else:
            guard(request, "challenge.manage_services", authority)
            try:
                service = services.create_service(
                    actor=request.user, authority=authority, **form.cleaned_data
                )
            except services.ChallengeError as error:
                add_service_error(form, error)
            else:
                messages.success(request, f"{service.name} is published.")
                return redirect("challenge:manage_service", service.slug)
    return render(
        request,
        "challenge/officer/service_new.html",
        {
            "form": form,
            "authorities": authorities,
            "breadcrumbs": crumbs(
                ("Officer dashboard", reverse("challenge:dashboard")), ("New service", None)
            ),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def manage_service(request, slug: str):
    service = get_object_or_404(RelevantService.objects.select_related("authority"), slug=slug)
    if denied := guard(request, "challenge.manage_services", service.authority):
        return denied
    form = WindowForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.publish_window(actor=request.user, service=service, **form.cleaned_data)
        except services.ChallengeError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "The window is published.")
            return redirect("challenge:manage_service", service.slug)
    return render(
        request,
        "challenge/officer/service_manage.html",
        {
            "service": service,
            "form": form,
            "breadcrumbs": crumbs(
                ("Officer dashboard", reverse("challenge:dashboard")), (service.name, None)
            ),
        },
        status=400 if form.errors else 200,
    )


FORMS = {
    "accept": AcceptForm,
    "timetable": TimetableForm,
    "procurement": ProcurementForm,
}


def _forms(request):
    posted = request.POST.get("action") if request.method == "POST" else None
    data = request.POST if posted else None
    found = {name: cls(data if posted == name else None) for name, cls in FORMS.items()}
    for action in ("reject", "modify"):
        found[action] = GroundsForm(
            data if posted == action else None, action=action, prefix=action
        )
    return found, (found.get(posted) if posted else None)


def _act(request, expression, action: str, form):
    data = form.cleaned_data
    if action == "accept":
        services.accept(actor=request.user, expression=expression, reasons=data["reasons"])
        return "Accepted. A procurement exercise is recorded against the service."
    if action == "reject":
        services.reject(actor=request.user, expression=expression, grounds=form.grounds())
        return "Rejected. The decision and its reasons are published."
    if action == "modify":
        services.propose_modification(
            actor=request.user,
            expression=expression,
            proposal=data["proposal"],
            grounds=form.grounds(),
        )
        return "The modification is proposed. It takes effect only if the body agrees."
    if action == "timetable":
        services.notify_timetable(
            actor=request.user,
            expression=expression,
            expected_decision_on=data["expected_decision_on"],
        )
        return "The notice of the decision date is recorded."
    services.start_procurement(
        actor=request.user, procurement=expression.procurement, started_on=data["started_on"]
    )
    return "The procurement exercise is recorded as started."


@require_http_methods(["GET", "POST"])
def decide(request, reference: str):
    expression = get_object_or_404(
        ExpressionOfInterest.objects.select_related("service__authority", "organisation"),
        reference=reference,
    )
    if denied := guard(request, "challenge.decide_expression", expression.service):
        return denied
    forms, bound = _forms(request)
    if request.method == "POST" and bound is None:
        forms["accept"].add_error(None, "Choose what to do.")
    elif bound is not None and bound.is_valid():
        try:
            done = _act(request, expression, request.POST["action"], bound)
        except services.ChallengeError as error:
            add_service_error(bound, error)
        except ProcurementExercise.DoesNotExist:
            bound.add_error(None, "There is no procurement exercise for this expression.")
        else:
            messages.success(request, done)
            return redirect("challenge:decide", expression.reference)
    failed = any(form.errors for form in forms.values())
    expression = ExpressionOfInterest.objects.get(pk=expression.pk)
    context = expression_context(request, expression)
    context["breadcrumbs"] = crumbs(
        ("Officer dashboard", reverse("challenge:dashboard")), (expression.reference, None)
    )
    return render(
        request,
        "challenge/officer/decide.html",
        {**context, **{f"{name}_form": form for name, form in forms.items()}},
        status=400 if failed else 200,
    )
