"""Officers recording, amending and moving on contracts, and importing OCDS packages."""

import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from commonweal.accounts.models import Role
from commonweal.accounts.permissions import check as guard
from commonweal.accounts.roles import authorities_for
from commonweal.datasets.importing import ImportFailed, run_import
from commonweal.opendata.contracts import services
from commonweal.opendata.contracts.forms import AmendForm, ContractForm, ImportForm, StatusForm
from commonweal.opendata.contracts.importer import OcdsReleasePackageImporter
from commonweal.opendata.contracts.views.common import contract_or_404, crumbs
from commonweal.places.models import Area

# Form fields named differently from the services' details.
FORM_FIELDS = {"buyer_council": "buyer", "buyer_organisation": "buyer", "suppliers": "supplier_1"}


def _authorities(user):
    ids = authorities_for(user, Role.OFFICER)
    found = Area.objects.authorities().order_by("name")
    return found if ids is None else found.filter(pk__in=ids)


def _add_errors(form, error: services.ContractError) -> None:
    for field, reason in error.errors.items():
        name = FORM_FIELDS.get(field, field)
        form.add_error(name if name in form.fields else None, reason)


def _initial(contract) -> dict:
    links = list(contract.supplier_links.all())
    initial = {
        name: getattr(contract, name)
        for name in (
            "title",
            "description",
            "service",
            "cpv_code",
            "value_amount",
            "currency",
            "award_date",
            "start_date",
            "end_date",
            "social_value_weighting",
        )
    }
    for slot, link in enumerate(links[:3], start=1):
        initial[f"supplier_{slot}"] = str(link.organisation_id)
    initial["commitments"] = "\n".join(
        f"{c.commitment} | {c.measure}" if c.measure else c.commitment
        for c in contract.commitments.all()
    )
    return initial


@require_http_methods(["GET", "POST"])
def contract_new(request):
    if denied := guard(request, "contracts.add_contract"):
        return denied
    authorities = list(_authorities(request.user))
    code = request.GET.get("authority") or (
        authorities[0].gss_code if len(authorities) == 1 else ""
    )
    authority = next((a for a in authorities if a.gss_code == code), None)
    if authority is None and code:
        # A council the officer does not act for is refused; one we do not hold is a 400.
        authority = Area.objects.authorities().filter(gss_code=code).first()
    if authority is None:
        return render(
            request,
            "contracts/choose_authority.html",
            {"authorities": authorities, "breadcrumbs": crumbs(("Record a contract", None))},
            status=400 if code else 200,
        )
    if denied := guard(request, "contracts.add_contract", authority):
        return denied
    form = ContractForm(request.POST or None, authority=authority)
    chosen = request.POST.getlist("areas_served")
    if request.method == "POST" and form.is_valid():
        try:
            contract = services.record_contract(
                actor=request.user, authority=authority, **form.details()
            )
        except services.ContractError as error:
            _add_errors(form, error)
        else:
            messages.success(request, f"“{contract.title}” is recorded and published.")
            return redirect("contracts:detail", pk=contract.pk)
    return render(
        request,
        "contracts/form.html",
        {
            "form": form,
            "authority": authority,
            "chosen": chosen,
            "heading": "Record a contract",
            "breadcrumbs": crumbs(("Record a contract", None)),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def contract_amend(request, pk: int):
    contract = contract_or_404(request, pk)
    if denied := guard(request, "contracts.change_contract", contract):
        return denied
    form = AmendForm(request.POST or None, authority=contract.authority, initial=_initial(contract))
    chosen = (
        request.POST.getlist("areas_served")
        if request.method == "POST"
        else [a.gss_code for a in contract.areas_served.all()]
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.amend_contract(
                actor=request.user,
                contract=contract,
                rationale=form.cleaned_data["rationale"],
                **form.details(),
            )
        except services.ContractError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "The amendment is recorded and published.")
            return redirect("contracts:detail", pk=contract.pk)
    return render(
        request,
        "contracts/form.html",
        {
            "form": form,
            "contract": contract,
            "authority": contract.authority,
            "chosen": chosen,
            "heading": "Amend the contract",
            "breadcrumbs": crumbs(
                (contract.title, reverse("contracts:detail", args=[contract.pk])), ("Amend", None)
            ),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def contract_status(request, pk: int):
    contract = contract_or_404(request, pk)
    if denied := guard(request, "contracts.change_contract", contract):
        return denied
    form = StatusForm(request.POST or None, initial={"status": contract.status})
    if request.method == "POST" and form.is_valid():
        extra = {}
        if form.cleaned_data["award_date"]:
            extra["award_date"] = form.cleaned_data["award_date"]
        try:
            services.change_status(
                actor=request.user, contract=contract, status=form.cleaned_data["status"], **extra
            )
        except services.ContractError as error:
            _add_errors(form, error)
        else:
            messages.success(request, "The new status is recorded and published.")
            return redirect("contracts:detail", pk=contract.pk)
    return render(
        request,
        "contracts/status.html",
        {
            "form": form,
            "contract": contract,
            "breadcrumbs": crumbs(
                (contract.title, reverse("contracts:detail", args=[contract.pk])),
                ("Change status", None),
            ),
        },
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def contract_import(request):
    if denied := guard(request, "contracts.import_contracts"):
        return denied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["package"]
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / Path(upload.name).name
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            try:
                report = run_import(
                    OcdsReleasePackageImporter(actor=request.user),
                    path,
                    commit=form.cleaned_data["commit"],
                    actor=request.user,
                )
            except ImportFailed as failed:
                report = failed.report
                form.add_error("package", str(failed))
            except PermissionDenied:
                raise
    return render(
        request,
        "contracts/import.html",
        {"form": form, "report": report, "breadcrumbs": crumbs(("Import", None))},
        status=400 if form.errors else 200,
    )
