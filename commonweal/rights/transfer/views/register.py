"""The officers' page for adding an asset to the council's register by hand."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from commonweal.accounts.permissions import check as guard
from commonweal.places.models import Area, AreaType
from commonweal.rights.transfer import services
from commonweal.rights.transfer.forms import AssetForm
from commonweal.rights.transfer.views.common import add_service_error, crumbs


@require_http_methods(["GET", "POST"])
def add_asset(request, code: str):
    council = get_object_or_404(Area, area_type=AreaType.LOCAL_AUTHORITY, gss_code=code)
    if denied := guard(request, "assettransfer.manage_offers", council):
        return denied
    form = AssetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            asset = services.add_asset(actor=request.user, authority=council, **form.cleaned_data)
        except services.TransferError as error:
            add_service_error(form, error)
        else:
            messages.success(request, f"{asset.name} is added to the register.")
            return redirect("assettransfer:offer_asset", asset.pk)
    register = reverse("assettransfer:register", args=[council.gss_code])
    return render(
        request,
        "assettransfer/officer/asset_new.html",
        {
            "council": council,
            "form": form,
            "breadcrumbs": crumbs(
                (f"Land and buildings of {council.name}", register), ("Add an asset", None)
            ),
        },
        status=400 if form.errors else 200,
    )
