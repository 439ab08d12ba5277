"""A group asks to take an asset over, or completes the joint request it was invited to."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from commonweal.accounts.permissions import check as guard
from commonweal.directory.models import Membership, Organisation
from commonweal.rights.transfer import services
from commonweal.rights.transfer.forms import JointForm, RequestForm
from commonweal.rights.transfer.views.common import add_service_error, crumbs
from commonweal.rights.transfer.views.public import offers, request_context, request_for

CASE_FIELDS = (
    "proposed_use",
    "business_case",
    "proposed_tenure",
    "proposed_lease_years",
    "proposed_rent",
)


def _led_by(user):
    ids = Membership.objects.editors().filter(user=user).values_list("organisation_id")
    return Organisation.records.filter(pk__in=ids).order_by("name")


@require_http_methods(["GET", "POST"])
def ask(request, slug: str):
    offer = get_object_or_404(offers(), slug=slug)
    if not request.user.is_authenticated:
        return guard(request, "assettransfer.submit_request")
    form = RequestForm(request.POST or None, organisations=list(_led_by(request.user)))
    if request.method == "POST" and form.is_valid():
        organisation = form.organisations[form.cleaned_data["organisation"]]
        try:
            found = services.submit_request(
                actor=request.user,
                offer=offer,
                organisation=organisation,
                **{field: form.cleaned_data[field] for field in CASE_FIELDS},
            )
        except services.TransferError as error:
            add_service_error(form, error)
        except PermissionDenied:
            form.add_error("organisation", "You can ask only for a group you lead.")
        else:
            messages.success(request, f"Your request {found.reference} has been sent.")
            return redirect("assettransfer:request", found.reference)
    return render(
        request,
        "assettransfer/ask.html",
        {
            "offer": offer,
            "form": form,
            "breadcrumbs": crumbs(
                (offer.title, reverse("assettransfer:offer", args=[offer.slug])),
                ("Ask to take it over", None),
            ),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def complete(request, reference: str):
    found = request_for(request, reference)
    if found is None:
        return guard(request, "assettransfer.complete_request")
    if denied := guard(request, "assettransfer.complete_request", found):
        return denied
    form = JointForm(request.POST)
    if form.is_valid():
        try:
            services.complete_joint_request(
                actor=request.user,
                request=found,
                **{field: form.cleaned_data[field] for field in CASE_FIELDS},
            )
        except services.TransferError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "Your joint request has been sent.")
            return redirect("assettransfer:request", found.reference)
    return render(
        request,
        "assettransfer/request.html",
        request_context(request, found) | {"form": form},
        status=400,
    )
