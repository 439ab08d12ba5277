"""The public pages: assets offered for transfer (a map and a table), the register of the
council's land and buildings, the decisions with their terms, and one request."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from commonweal.accounts.permissions import check as guard
from commonweal.core.permissions import can, require
from commonweal.places.models import Area, AreaType
from commonweal.rights.transfer.models import LandAsset, TransferOffer, TransferRequest
from commonweal.rights.transfer.presenters import Pin, offers_map
from commonweal.rights.transfer.services import needs_consent
from commonweal.rights.transfer.views.common import consent_threshold, crumbs, person_label

REGISTER_PAGE = 100


def offers():
    return TransferOffer.objects.exclude(status="withdrawn").select_related("asset__authority")


def decisions():
    return (
        TransferRequest.objects.decided()
        .select_related("offer__asset__authority")
        .prefetch_related("parties__organisation")
        .order_by("-decided_on", "-pk")
    )


@require_GET
def index(request):
    require(request.user, "assettransfer.view_register")
    rows = list(offers())
    pins = [
        Pin(
            number,
            f"{offer.title}, {offer.get_status_display().lower()}",
            reverse("assettransfer:offer", args=[offer.slug]),
            (offer.asset.longitude, offer.asset.latitude),
            transferred=offer.status == "transferred",
        )
        for number, offer in enumerate(rows, start=1)
        if offer.asset.longitude is not None
    ]
    boroughs = Area.objects.filter(pk__in={o.asset.authority_id for o in rows})
    councils = (
        Area.objects.filter(area_type=AreaType.LOCAL_AUTHORITY, land_assets__isnull=False)
        .distinct()
        .order_by("name")
    )
    return render(
        request,
        "assettransfer/index.html",
        {
            "offers": list(enumerate(rows, start=1)),
            "map": offers_map(pins, list(boroughs)),
            "decisions": [{"request": r, "consent": needs_consent(r)} for r in decisions()[:50]],
            "councils": councils,
            "threshold": consent_threshold(),
            "breadcrumbs": crumbs(),
        },
    )


@require_GET
def register(request, code: str):
    require(request.user, "assettransfer.view_register")
    council = get_object_or_404(Area, area_type=AreaType.LOCAL_AUTHORITY, gss_code=code)
    assets = LandAsset.objects.in_authority(council).select_related("source_dataset")
    page = Paginator(assets, REGISTER_PAGE).get_page(request.GET.get("page"))
    dataset = next((a.source_dataset for a in page if a.source_dataset_id), None)
    return render(
        request,
        "assettransfer/register.html",
        {
            "council": council,
            "page": page,
            "total": assets.count(),
            "located": assets.located().count(),
            "attributions": [dataset] if dataset else [],
            "may_offer": can(request.user, "assettransfer.manage_offers", council),
            "breadcrumbs": crumbs((f"Land and buildings of {council.name}", None)),
        },
    )


@require_GET
def offer_detail(request, slug: str):
    offer = get_object_or_404(offers().prefetch_related("criteria"), slug=slug)
    return render(
        request,
        "assettransfer/offer.html",
        {
            "offer": offer,
            "decisions": [r for r in decisions() if r.offer_id == offer.pk],
            "may_invite": can(request.user, "assettransfer.manage_offers", offer),
            "breadcrumbs": crumbs((offer.title, None)),
        },
    )


def request_for(request, reference: str):
    """The request if this person may see it; None for someone who should sign in first."""
    found = get_object_or_404(
        TransferRequest.objects.select_related("offer__asset__authority"), reference=reference
    )
    if can(request.user, "assettransfer.view_request", found):
        return found
    if not request.user.is_authenticated:
        return None
    raise Http404


def request_context(request, found) -> dict:
    got, out_of = found.weighted_score()
    return {
        "transfer": found,
        "parties": found.parties.select_related("organisation"),
        "scores": found.scores.select_related("criterion", "assessed_by"),
        "weighted": (got, out_of),
        "consent": needs_consent(found),
        "threshold": consent_threshold(),
        "may_complete": found.status == "invited"
        and can(request.user, "assettransfer.complete_request", found),
        "history": [
            {"change": c, "by": person_label(c.changed_by)}
            for c in found.status_changes.select_related("changed_by")
        ],
        "breadcrumbs": crumbs(
            (found.offer.title, reverse("assettransfer:offer", args=[found.offer.slug])),
            (found.reference, None),
        ),
    }


@require_GET
def request_detail(request, reference: str):
    found = request_for(request, reference)
    if found is None:
        return guard(request, "assettransfer.view_request")
    from commonweal.rights.transfer.forms import JointForm

    return render(
        request,
        "assettransfer/request.html",
        request_context(request, found) | {"form": JointForm()},
    )
