"""The officers' pages: what is waiting, offering an asset, inviting groups to bid jointly,
and assessing and deciding a request."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from commonweal.accounts.models import Role
from commonweal.accounts.permissions import check as guard
from commonweal.accounts.roles import authorities_for
from commonweal.directory.models import Organisation
from commonweal.rights.transfer import services
from commonweal.rights.transfer.forms import (
    ApproveForm,
    InviteForm,
    OfferForm,
    RefuseForm,
    ScoreForm,
)
from commonweal.rights.transfer.models import LandAsset, TransferOffer, TransferRequest
from commonweal.rights.transfer.views.common import add_service_error, crumbs
from commonweal.rights.transfer.views.public import request_context


def _scoped(queryset, user, path: str):
    authorities = authorities_for(user, Role.OFFICER)
    return queryset if authorities is None else queryset.filter(**{f"{path}__in": authorities})


def _dashboard_crumb():
    return ("Officer dashboard", reverse("assettransfer:dashboard"))


@require_GET
def dashboard(request):
    if denied := guard(request, "assettransfer.view_dashboard"):
        return denied
    waiting = _scoped(
        TransferRequest.objects.filter(status__in=("invited", "submitted"))
        .select_related("offer")
        .prefetch_related("parties__organisation", "scores"),
        request.user,
        "offer__asset__authority_id",
    ).order_by("submitted_on", "pk")
    return render(
        request,
        "assettransfer/officer/dashboard.html",
        {
            "waiting": [
                {
                    "request": r,
                    "scored": len(r.scores.all()),
                    "criteria": r.offer.criteria.count(),
                }
                for r in waiting
            ],
            "offers": _scoped(
                TransferOffer.objects.filter(status="open").select_related("asset"),
                request.user,
                "asset__authority_id",
            ),
            "breadcrumbs": crumbs(("Officer dashboard", None)),
        },
    )


@require_http_methods(["GET", "POST"])
def offer_asset(request, pk: int):
    asset = get_object_or_404(LandAsset.objects.select_related("authority"), pk=pk)
    if denied := guard(request, "assettransfer.manage_offers", asset.authority):
        return denied
    form = OfferForm(request.POST or None, initial={"title": asset.name})
    if request.method == "POST" and form.is_valid():
        try:
            offer = services.offer_asset(
                actor=request.user,
                asset=asset,
                title=form.cleaned_data["title"],
                description=form.cleaned_data["description"],
                closes_on=form.cleaned_data["closes_on"],
                criteria=form.criteria(),
            )
        except services.TransferError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{offer.title} is offered for transfer.")
            return redirect("assettransfer:offer", offer.slug)
    return render(
        request,
        "assettransfer/officer/offer_new.html",
        {
            "asset": asset,
            "form": form,
            "breadcrumbs": crumbs(_dashboard_crumb(), (f"Offer {asset.name}", None)),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def invite(request, slug: str):
    offer = get_object_or_404(TransferOffer.objects.select_related("asset__authority"), slug=slug)
    if denied := guard(request, "assettransfer.manage_offers", offer):
        return denied
    groups = Organisation.public.in_authority(offer.asset.authority).order_by("name")
    form = InviteForm(request.POST or None, choices=[(str(g.pk), g.name) for g in groups])
    if request.method == "POST" and form.is_valid():
        chosen = [g for g in groups if str(g.pk) in form.cleaned_data["organisations"]]
        try:
            joint = services.invite_joint_bid(
                actor=request.user,
                offer=offer,
                organisations=chosen,
                invitation=form.cleaned_data["invitation"],
            )
        except services.TransferError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"The groups are invited to bid jointly ({joint.reference}).")
            return redirect("assettransfer:decide", joint.reference)
    return render(
        request,
        "assettransfer/officer/invite.html",
        {
            "offer": offer,
            "form": form,
            "breadcrumbs": crumbs(
                _dashboard_crumb(), (f"Invite a joint bid for {offer.title}", None)
            ),
        },
        status=400 if form.errors else 200,
    )


def _forms(request, found):
    posted = request.POST.get("action") if request.method == "POST" else None
    data = request.POST if posted else None
    criterion = request.POST.get("criterion") if posted == "score" else None
    scores = {s.criterion_id: s for s in found.scores.all()}
    score_forms = []
    for c in found.offer.criteria.all():
        held = scores.get(c.pk)
        bound = posted == "score" and criterion == str(c.pk)
        form = ScoreForm(
            data if bound else None,
            prefix=f"c{c.pk}",
            initial={
                "criterion": c.pk,
                "score": held.score if held else None,
                "notes": held.notes if held else "",
            },
        )
        score_forms.append((c, form))
    approve = ApproveForm(data if posted == "approve" else None)
    refuse = RefuseForm(data if posted == "refuse" else None, prefix="refuse")
    bound = {"approve": approve, "refuse": refuse}.get(posted)
    if posted == "score":
        bound = next((f for c, f in score_forms if str(c.pk) == criterion), None)
    return score_forms, approve, refuse, posted, bound


def _act(request, found, posted: str, form) -> str:
    data = form.cleaned_data
    if posted == "score":
        criterion = found.offer.criteria.get(pk=data["criterion"])
        services.score_request(
            actor=request.user,
            request=found,
            criterion=criterion,
            score=data["score"],
            notes=data["notes"],
        )
        return f"The score for {criterion.name} is saved."
    if posted == "approve":
        services.approve(actor=request.user, request=found, **data)
        return "Approved. The terms and the decision are published."
    services.refuse(actor=request.user, request=found, reasons=data["reasons"])
    return "Refused. The decision and its reasons are published."


@require_http_methods(["GET", "POST"])
def decide(request, reference: str):
    found = get_object_or_404(
        TransferRequest.objects.select_related("offer__asset__authority"), reference=reference
    )
    if denied := guard(request, "assettransfer.decide_request", found):
        return denied
    score_forms, approve, refuse, posted, bound = _forms(request, found)
    if posted and bound is None:
        approve.add_error(None, "Choose what to do.")
    elif bound is not None and bound.is_valid():
        try:
            done = _act(request, found, posted, bound)
        except services.TransferError as error:
            add_service_error(bound, error)
        else:
            messages.success(request, done)
            return redirect("assettransfer:decide", found.reference)
    failed = bool(approve.errors or refuse.errors or any(f.errors for _, f in score_forms))
    context = request_context(request, found)
    context["breadcrumbs"] = crumbs(_dashboard_crumb(), (found.reference, None))
    return render(
        request,
        "assettransfer/officer/decide.html",
        {
            **context,
            "score_forms": score_forms,
            "approve_form": approve,
            "refuse_form": refuse,
            "errored": [f for f in (approve, refuse, *(f for _, f in score_forms)) if f.errors],
        },
        status=400 if failed else 200,
    )
