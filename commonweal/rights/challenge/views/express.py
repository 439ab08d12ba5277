"""Expressing an interest in running a service, and the body's answer to a modification."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from commonweal.accounts.permissions import check as guard
from commonweal.directory.models import Membership, Organisation
from commonweal.rights.challenge import config, engine, services
from commonweal.rights.challenge.forms import AnswerForm, ExpressionForm
from commonweal.rights.challenge.models import ExpressionOfInterest, RelevantService
from commonweal.rights.challenge.services._common import today
from commonweal.rights.challenge.views.common import add_service_error, crumbs
from commonweal.rights.challenge.views.public import expression_context, expression_for


def _my_organisations(user):
    ids = Membership.objects.editors().filter(user=user).values_list("organisation_id")
    return Organisation.records.filter(pk__in=ids).order_by("name")


@require_http_methods(["GET", "POST"])
def express_interest(request, slug: str):
    service = get_object_or_404(RelevantService.objects.select_related("authority"), slug=slug)
    if denied := guard(request, "challenge.submit_expression"):
        return denied
    organisations = list(_my_organisations(request.user))
    form = ExpressionForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        organisation = form.organisation()
        contents = {
            field: form.cleaned_data[field]
            for field in (
                "service_and_area",
                "financial_resources",
                "capability",
                "outcomes",
                "consortium_details",
                "employee_engagement",
            )
        }
        try:
            expression = services.submit_expression(
                actor=request.user,
                service=service,
                organisation=organisation,
                employee_names=None if organisation else form.names(),
                consortium=form.cleaned_data["consortium"],
                **contents,
            )
        except services.ChallengeError as error:
            add_service_error(form, error)
        except PermissionDenied:
            form.add_error("body", "You can express an interest only for a group you lead.")
        else:
            messages.success(
                request,
                f"Your expression of interest {expression.reference} has been received. The "
                f"council must decide by {expression.decision_due:%-d %B %Y}.",
            )
            return redirect("challenge:expression", expression.reference)
    day = today()
    return render(
        request,
        "challenge/express.html",
        {
            "service": service,
            "form": form,
            "excluded": service.is_excluded_on(day),
            "window_now": service.window_on(day),
            "checklist": engine.required_contents(
                employees=True,
                consortium=True,
                employee_engagement_required=config.employee_engagement_required(),
            ),
            "breadcrumbs": crumbs(
                (service.name, reverse("challenge:service", args=[service.slug])),
                ("Express an interest", None),
            ),
            "unconfirmed": config.unconfirmed(),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def answer_modification(request, reference: str):
    expression = expression_for(request, reference)
    if expression is None:
        return guard(request, "challenge.answer_modification")
    if denied := guard(request, "challenge.answer_modification", expression):
        return denied
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.answer_modification(
                actor=request.user,
                expression=expression,
                agreed=form.cleaned_data["agreed"] == "yes",
                note=form.cleaned_data["note"],
            )
        except services.ChallengeError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Your answer has been recorded.")
            return redirect("challenge:expression", expression.reference)
    expression = ExpressionOfInterest.objects.get(pk=expression.pk)
    return render(
        request,
        "challenge/expression.html",
        expression_context(request, expression) | {"answer_form": form},
        status=400,
    )
