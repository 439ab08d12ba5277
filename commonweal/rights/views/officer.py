"""The officer's pages: the dashboard of every deadline, a case with its history, and one
page per casework action (each a plain form, so all of it works without JavaScript)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from commonweal.accounts.models import Role
from commonweal.accounts.permissions import check as guard
from commonweal.accounts.roles import authorities_for
from commonweal.rights import presenters
from commonweal.rights.calendar.acv_casework import this_week
from commonweal.rights.forms import ACTIONS
from commonweal.rights.forms.common import add_service_error
from commonweal.rights.models import Nomination
from commonweal.rights.services import RightsError
from commonweal.rights.services._common import today
from commonweal.rights.services.disposals import assess, assess_disposal
from commonweal.rights.views.actions import run_action
from commonweal.rights.views.common import crumbs, nomination_for


def _in_scope(user):
    authorities = authorities_for(user, Role.OFFICER)
    cases = Nomination.objects.select_related("authority", "nominator")
    return cases if authorities is None else cases.filter(authority_id__in=authorities)


@require_GET
def dashboard(request):
    if denied := guard(request, "rights.view_dashboard"):
        return denied
    on = today()
    week = this_week(on)
    overdue, due_this_week, later = [], [], []
    awaiting = []
    for nomination in _in_scope(request.user).exclude(status="not_listed"):
        shown = presenters.entry(nomination, on, public=False)
        if nomination.status == "received":
            awaiting.append(shown)
        for deadline in shown.deadlines:
            row = {"entry": shown, "deadline": deadline}
            if deadline.state(on) == "overdue":
                overdue.append(row)
            elif deadline.due < on:
                continue
            elif week.contains(deadline.due):
                due_this_week.append(row)
            else:
                later.append(row)
    key = lambda row: row["deadline"].due  # noqa: E731
    return render(
        request,
        "rights/officer/dashboard.html",
        {
            "overdue": sorted(overdue, key=key),
            "due_this_week": sorted(due_this_week, key=key),
            "later": sorted(later, key=key)[:50],
            "awaiting": awaiting,
            "week": week,
            "today": on,
            "breadcrumbs": crumbs(("Casework", None)),
        },
    )


@require_GET
def case(request, reference: str):
    nomination = nomination_for(reference)
    if denied := guard(request, "rights.run_casework", nomination):
        return denied
    on = today()
    notices = [n for n in nomination.disposal_notices.all()]
    requests = [assess(r) for n in notices for r in n.bidder_requests.all()]
    return render(
        request,
        "rights/officer/case.html",
        {
            "nomination": nomination,
            "entry": presenters.entry(nomination, on, public=False),
            "history": nomination.status_changes.select_related("changed_by"),
            "notices": nomination.notices.all(),
            "owner_notices": notices,
            "requests": requests,
            "disposals": [(d, assess_disposal(d)) for d in nomination.disposals.all()],
            "reviews": nomination.reviews.all(),
            "claims": nomination.compensation_claims.all(),
            "actions": [
                (key, form.title, reverse("rights:case_action", args=[reference, key]))
                for key, form in ACTIONS.items()
            ],
            "breadcrumbs": crumbs(
                ("Casework", reverse("rights:dashboard")), (nomination.reference, None)
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def case_action(request, reference: str, action: str):
    nomination = nomination_for(reference)
    if denied := guard(request, "rights.run_casework", nomination):
        return denied
    form_class = ACTIONS.get(action)
    if form_class is None:
        from django.http import Http404

        raise Http404("No such action")
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = run_action(action, request.user, nomination, form.cleaned_data)
        except RightsError as error:
            add_service_error(form, error)
        else:
            messages.success(request, message)
            return redirect("rights:case", reference)
    return render(
        request,
        "rights/officer/action.html",
        {
            "form": form,
            "nomination": nomination,
            "textareas": getattr(form_class, "textareas", ()),
            "breadcrumbs": crumbs(
                ("Casework", reverse("rights:dashboard")),
                (nomination.reference, reverse("rights:case", args=[reference])),
                (form_class.title, None),
            ),
        },
    )
