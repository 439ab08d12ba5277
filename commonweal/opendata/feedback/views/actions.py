"""Raising a report and taking its next step: each page a plain form that needs no script."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render

from commonweal.accounts.permissions import check as guard
from commonweal.opendata.feedback import services
from commonweal.opendata.feedback.engine.machine import can_happen
from commonweal.opendata.feedback.forms import (
    CollectForm,
    NoteForm,
    ReportForm,
    RouteForm,
    SupportForm,
)
from commonweal.opendata.feedback.presenters.reports import ACTIONS, place_label
from commonweal.opendata.feedback.services.support import CONSENT
from commonweal.opendata.feedback.views.common import (
    crumbs,
    groups_run_by,
    report_crumbs,
    report_or_404,
)

FIELD_FOR = {"point": "lon", "at": "note", "status": "note"}
# What each step's page asks for, and what the service needs.
STEPS = {
    "acknowledge": {
        "title": "Acknowledge this report",
        "note_label": "Anything to tell the reporter now (optional)",
        "button": "Acknowledge",
        "service": services.acknowledge,
        "done": "You have acknowledged the report.",
    },
    "respond": {
        "title": "Respond to this report",
        "note_label": "Your response",
        "hint": "Published with the report. Do not include anyone's name or contact details.",
        "button": "Send response",
        "service": services.respond,
        "done": "Your response is sent and published.",
    },
    "reopen": {
        "title": "Reopen this report",
        "note_label": "Why does the response not settle it?",
        "button": "Reopen the report",
        "service": services.reopen,
        "done": "The report is reopened. The provider has a new time to respond.",
    },
    "escalate": {
        "title": "Escalate this report",
        "note_label": "Why are you asking for it to be escalated?",
        "hint": "The provider must respond again, and the council's officers see escalated "
        "reports.",
        "button": "Escalate the report",
        "service": services.escalate,
        "done": "The report is escalated.",
    },
    "close": {
        "title": "Close this report",
        "note_label": "Anything to add (optional)",
        "button": "Close the report",
        "service": services.close,
        "done": "The report is closed.",
    },
}


def _field(exc) -> str:
    return FIELD_FOR.get(exc.field, exc.field) or "note"


def report_new(request):
    refused = guard(request, "feedback.raise_report")
    if refused:
        return refused
    groups = list(groups_run_by(request.user))
    form = ReportForm(request.POST or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            report = services.raise_report(
                actor=request.user,
                service=form.chosen_service(),
                kind=data["kind"],
                title=data["title"],
                description=data["description"],
                postcode=data["postcode"],
                lon=data["lon"] or None,
                lat=data["lat"] or None,
                group=form.chosen_group(),
            )
        except services.FeedbackError as exc:
            form.add_error(_field(exc) if _field(exc) in form.fields else None, exc.reason)
        else:
            if report.provider_id:
                text = f"Your report is sent to {report.provider.name}."
            else:
                text = (
                    "Nobody is recorded as responsible for this service here, so your report "
                    "is with the council, who will send it to the right provider."
                )
            messages.success(request, text)
            return redirect("feedback:detail", pk=report.pk)
    context = {"form": form, "breadcrumbs": crumbs({"label": "Raise a report"})}
    return render(request, "feedback/new.html", context, status=400 if form.errors else 200)


def report_step(request, pk: int, event: str):
    if event not in STEPS:
        raise Http404("There is no such step.")
    report = report_or_404(pk)
    refused = guard(request, ACTIONS[event][0], report)
    if refused:
        return refused
    step = STEPS[event]
    if not can_happen(report.status, event):
        messages.error(
            request, f"This report is {report.status_label.lower()}, so you cannot do that now."
        )
        return redirect("feedback:detail", pk=report.pk)
    form = NoteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            step["service"](actor=request.user, report=report, note=form.cleaned_data["note"])
        except services.FeedbackError as exc:
            form.add_error("note", exc.reason)
        else:
            messages.success(request, step["done"])
            return redirect("feedback:detail", pk=report.pk)
    context = {
        "form": form,
        "report": report,
        "place": place_label(report),
        "step": step,
        "breadcrumbs": report_crumbs(report, {"label": step["title"]}),
    }
    return render(request, "feedback/step.html", context, status=400 if form.errors else 200)


def report_route(request, pk: int):
    report = report_or_404(pk)
    refused = guard(request, "feedback.route_report", report)
    if refused:
        return refused
    form = RouteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.route_from_triage(
                actor=request.user,
                report=report,
                provider=form.chosen_provider(),
                note=form.cleaned_data["note"],
            )
        except services.FeedbackError as exc:
            form.add_error("provider", exc.reason)
        else:
            messages.success(
                request, "The report is sent to the provider; its clocks have started."
            )
            return redirect("feedback:detail", pk=report.pk)
    context = {
        "form": form,
        "report": report,
        "place": place_label(report),
        "breadcrumbs": report_crumbs(report, {"label": "Send to a provider"}),
    }
    return render(request, "feedback/route.html", context, status=400 if form.errors else 200)


def support_collect(request, pk: int):
    report = report_or_404(pk)
    refused = guard(request, "feedback.collect_support", report)
    if refused:
        return refused
    form = CollectForm(request.POST or None, groups=groups_run_by(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.collect_support(actor=request.user, report=report, group=form.chosen_group())
        except services.FeedbackError as exc:
            form.add_error("group", exc.reason)
        else:
            messages.success(request, "Your group is collecting support for this report.")
            return redirect("feedback:detail", pk=report.pk)
    context = {
        "form": form,
        "report": report,
        "breadcrumbs": report_crumbs(report, {"label": "Collect support"}),
    }
    return render(request, "feedback/collect.html", context, status=400 if form.errors else 200)


def support_add(request, pk: int):
    report = report_or_404(pk)
    refused = guard(request, "feedback.add_support", report)
    if refused:
        return refused
    form = SupportForm(request.POST or None, initial={"name": str(request.user)})
    if request.method == "POST" and form.is_valid():
        try:
            services.add_support(
                actor=request.user,
                report=report,
                name=form.cleaned_data["name"],
                consent=form.cleaned_data["consent"],
            )
        except services.FeedbackError as exc:
            form.add_error("consent", exc.reason)
        else:
            messages.success(request, "Your name is added in support of this report.")
            return redirect("feedback:detail", pk=report.pk)
    context = {
        "form": form,
        "report": report,
        "consent_text": CONSENT,
        "breadcrumbs": report_crumbs(report, {"label": "Add your support"}),
    }
    return render(request, "feedback/support.html", context, status=400 if form.errors else 200)


def support_withdraw(request, pk: int):
    report = report_or_404(pk)
    refused = guard(request, "feedback.view_report", report)
    if refused:
        return refused
    if request.method != "POST":
        return redirect("feedback:detail", pk=report.pk)
    try:
        services.withdraw_support(actor=request.user, report=report)
    except services.FeedbackError as exc:
        messages.error(request, exc.reason)
    else:
        messages.success(request, "Your support is withdrawn and your name is removed.")
    return redirect("feedback:detail", pk=report.pk)


def escalation_take(request, pk: int):
    """A council officer takes an escalated report (a one-button form, no script needed)."""
    report = report_or_404(pk)
    refused = guard(request, "feedback.take_escalation", report)
    if refused:
        return refused
    if request.method != "POST":
        return redirect("feedback:detail", pk=report.pk)
    try:
        services.take_escalation(actor=request.user, report=report)
    except services.FeedbackError as exc:
        messages.error(request, exc.reason)
    else:
        messages.success(
            request, "You have taken this escalation. Its clock is on the escalations page."
        )
    if request.POST.get("next") == "queue":
        return redirect("feedback:escalations")
    return redirect("feedback:detail", pk=report.pk)
