"""What the contract pages share: finding a contract, and the releases of a set of them."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from commonweal.opendata.contracts.models import Contract

RELATED = ("authority", "buyer_council", "buyer_organisation")


def contract_or_404(request, pk: int) -> Contract:
    return get_object_or_404(
        Contract.objects.visible_to(request.user).select_related(*RELATED), pk=pk
    )


def crumbs(*trail) -> list[dict]:
    items = [{"label": "Home", "href": reverse("core:home")}]
    items.append({"label": "Public contracts", "href": reverse("contracts:list")})
    return items + [{"label": label, "href": href} for label, href in trail]
