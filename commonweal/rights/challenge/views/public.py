"""The public pages: services open to challenge, their windows and timetables, excluded
services, the decisions the council has published, and the procurement exercises."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from commonweal.accounts.permissions import check as guard
from commonweal.core.permissions import can
from commonweal.rights.challenge.models import (
    ExpressionOfInterest,
    ProcurementExercise,
    RelevantService,
)
from commonweal.rights.challenge.services._common import today
from commonweal.rights.challenge.views.common import crumbs, person_label, unconfirmed_context


def _services():
    return RelevantService.objects.select_related("authority").prefetch_related("windows")


def _decisions(queryset):
    return (
        queryset.decided()
        .select_related("service", "organisation", "procurement")
        .prefetch_related("grounds")
        .order_by("-decided_on", "-pk")
    )


@require_GET
def index(request):
    if not can(request.user, "challenge.view_services"):
        raise Http404
    day = today()
    services = list(_services())
    return render(
        request,
        "challenge/index.html",
        {
            "open_services": [s for s in services if not s.is_excluded_on(day)],
            "excluded_services": [s for s in services if s.is_excluded_on(day)],
            "today": day,
            "decisions": _decisions(ExpressionOfInterest.objects.all())[:50],
            "procurements": ProcurementExercise.objects.select_related(
                "service", "expression__organisation"
            ),
            "breadcrumbs": crumbs(),
            **unconfirmed_context(),
        },
    )


@require_GET
def service_detail(request, slug: str):
    service = get_object_or_404(_services(), slug=slug)
    day = today()
    return render(
        request,
        "challenge/service.html",
        {
            "service": service,
            "today": day,
            "excluded": service.is_excluded_on(day),
            "window_now": service.window_on(day),
            "decisions": _decisions(service.expressions.all()),
            "procurements": service.procurements.select_related("expression__organisation"),
            "breadcrumbs": crumbs((service.name, None)),
            **unconfirmed_context(),
        },
    )


def expression_for(request, reference: str) -> ExpressionOfInterest:
    """The expression if this person may see it, else 404 (its existence is not revealed)."""
    expression = get_object_or_404(
        ExpressionOfInterest.objects.select_related("service__authority", "organisation"),
        reference=reference,
    )
    if not can(request.user, "challenge.view_expression", expression):
        if not request.user.is_authenticated:
            return None
        raise Http404
    return expression


@require_GET
def expression_detail(request, reference: str):
    expression = expression_for(request, reference)
    if expression is None:
        return guard(request, "challenge.view_expression")
    from commonweal.rights.challenge.forms import AnswerForm

    return render(
        request,
        "challenge/expression.html",
        expression_context(request, expression) | {"answer_form": AnswerForm()},
    )


def expression_context(request, expression) -> dict:
    return {
        "expression": expression,
        "history": [
            {"change": c, "by": person_label(c.changed_by)}
            for c in expression.status_changes.select_related("changed_by")
        ],
        "grounds": [g for g in expression.grounds.all() if g.modification_id is None],
        "modifications": list(expression.modifications.prefetch_related("grounds")),
        "procurement": getattr(expression, "procurement", None),
        "may_answer": expression.status == "modification_proposed"
        and can(request.user, "challenge.answer_modification", expression),
        "today": today(),
        "breadcrumbs": crumbs(
            (
                expression.service.name,
                reverse("challenge:service", args=[expression.service.slug]),
            ),
            (expression.reference, None),
        ),
        **unconfirmed_context(),
    }
