"""Pages for nominators, owners and groups: nominate land, see your cases and the notices
about your land, give the owner's notice, ask for a review, ask to be treated as a bidder."""

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from commonweal.accounts.permissions import check as guard
from commonweal.directory.models import Organisation, OrganisationKind
from commonweal.rights import presenters, services
from commonweal.rights.forms import AskToBidForm, NominationForm, OwnerNoticeForm
from commonweal.rights.forms.common import add_service_error
from commonweal.rights.models import Nomination, Notice
from commonweal.rights.services._common import today
from commonweal.rights.services.eligibility import body_kind_for
from commonweal.rights.views.common import crumbs, edited_organisations, visible_entry


@require_http_methods(["GET", "POST"])
def nominate(request):
    if denied := guard(request, "rights.view_own_cases"):
        return denied
    organisations = list(edited_organisations(request.user))
    parishes = list(
        Organisation.public.filter(kind=OrganisationKind.PARISH_COUNCIL).order_by("name")
    )
    form = NominationForm(request.POST or None, organisations=organisations, parishes=parishes)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        nominator = next(o for o in organisations if o.pk == data["nominator"])
        try:
            nomination = services.submit_nomination(
                actor=request.user,
                authority=nominator.authority,
                nominator=nominator,
                boundary_geojson=data["boundary"],
                local_members=data["local_members"],
                distributes_surplus=data["distributes_surplus"],
                parish=next((p for p in parishes if p.pk == data["parish"]), None),
                postcode=data["postcode"],
                **{
                    k: data[k]
                    for k in (
                        "name",
                        "address",
                        "description",
                        "occupiers",
                        "owners",
                        "reasons",
                        "eligibility_evidence",
                    )
                },
            )
        except services.RightsError as error:
            add_service_error(form, error)
        else:
            messages.success(
                request,
                f"Nomination {nomination.reference} received. The council will decide by "
                f"{_due(nomination):%-d %B %Y}.",
            )
            return redirect("rights:entry", nomination.reference)
    return render(
        request,
        "rights/nominate.html",
        {
            "form": form,
            "organisations": organisations,
            "breadcrumbs": crumbs(("Nominate land", None)),
        },
    )


def _due(nomination):
    from commonweal.rights.calendar.acv_casework import decision_due

    return decision_due(nomination.received_on).target


@require_GET
def yours(request):
    if denied := guard(request, "rights.view_own_cases"):
        return denied
    groups = edited_organisations(request.user).values_list("pk", flat=True)
    cases = (
        Nomination.objects.filter(Q(nominator_id__in=groups) | Q(owner_user=request.user))
        .select_related("authority", "nominator")
        .distinct()
    )
    on = today()
    rows = []
    for nomination in cases:
        notices = [
            n
            for n in Notice.objects.filter(nomination=nomination).select_related("nomination")
            if guard_ok(request.user, n)
        ]
        rows.append({"entry": presenters.entry(nomination, on, public=False), "notices": notices})
    return render(
        request,
        "rights/yours.html",
        {"rows": rows, "breadcrumbs": crumbs(("Your cases and notices", None))},
    )


def guard_ok(user, notice) -> bool:
    from commonweal.core.permissions import can

    return can(user, "rights.view_notice", notice)


@require_http_methods(["GET", "POST"])
def ask_to_bid(request, reference: str):
    if denied := guard(request, "rights.view_own_cases"):
        return denied
    nomination = visible_entry(request, reference)
    organisations = list(edited_organisations(request.user))
    form = AskToBidForm(request.POST or None, organisations=organisations)
    result = None
    if request.method == "POST" and form.is_valid():
        organisation = next(o for o in organisations if o.pk == form.cleaned_data["organisation"])
        try:
            result = services.record_bidder_request(
                actor=request.user,
                nomination=nomination,
                organisation=organisation,
                group_name=organisation.name,
                body_kind=body_kind_for(organisation).value,
            )
        except services.RightsError as error:
            add_service_error(form, error)
        else:
            if result.counts:
                messages.success(request, "The council has your request. " + result.explanation)
                return redirect("rights:entry", nomination.reference)
    return render(
        request,
        "rights/ask_to_bid.html",
        {
            "form": form,
            "nomination": nomination,
            "result": result,
            "breadcrumbs": crumbs(
                (nomination.name, f"/rights/assets/{nomination.reference}/"),
                ("Ask to be treated as a potential bidder", None),
            ),
        },
    )


def _owner_case(request, reference: str, permission: str):
    nomination = get_object_or_404(Nomination, reference=reference)
    return nomination, guard(request, permission, nomination)


@require_http_methods(["GET", "POST"])
def owner_notice(request, reference: str):
    nomination, denied = _owner_case(request, reference, "rights.give_disposal_notice")
    if denied:
        return denied
    form = OwnerNoticeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_disposal_notice(
                actor=request.user,
                nomination=nomination,
                given_by=request.user.get_full_name(),
                intended_disposal=form.cleaned_data["intended_disposal"],
            )
        except services.RightsError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "The council has your notice. The moratorium has begun.")
            return redirect("rights:entry", nomination.reference)
    return render(
        request,
        "rights/owner_notice.html",
        {
            "form": form,
            "nomination": nomination,
            "breadcrumbs": crumbs((nomination.name, None)),
        },
    )


class ReviewRequestForm(forms.Form):
    oral_hearing = forms.BooleanField(required=False, label="I would like an oral hearing")


@require_http_methods(["GET", "POST"])
def owner_review(request, reference: str):
    nomination, denied = _owner_case(request, reference, "rights.request_review")
    if denied:
        return denied
    form = ReviewRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.request_review(
                actor=request.user,
                nomination=nomination,
                oral_hearing=form.cleaned_data["oral_hearing"],
            )
        except services.RightsError as error:
            add_service_error(form, error)
        else:
            messages.success(request, "The council has your request for a review.")
            return redirect("rights:entry", nomination.reference)
    return render(
        request,
        "rights/owner_review.html",
        {"form": form, "nomination": nomination, "breadcrumbs": crumbs((nomination.name, None))},
    )
