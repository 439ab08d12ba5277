"""OCDS 1.1 downloads: release packages and record packages, validated before they are sent."""

import json

from django.http import Http404, HttpResponse
from django.views.decorators.http import require_GET

from commonweal.opendata.contracts.models import Contract, Release
from commonweal.opendata.contracts.ocds import packages
from commonweal.opendata.contracts.views.common import contract_or_404


def _json(document: dict, name: str) -> HttpResponse:
    response = HttpResponse(
        json.dumps(document, indent=2, ensure_ascii=False), content_type="application/json"
    )
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


def release_package_for(request, releases) -> dict:
    return packages.release_package([r.data for r in releases], uri=request.build_absolute_uri())


def record_package_for(request, contracts) -> dict:
    records = [
        packages.record(c.ocid, [r.data for r in c.releases.order_by("sequence")])
        for c in contracts
    ]
    return packages.record_package(records, uri=request.build_absolute_uri())


@require_GET
def all_releases(request):
    releases = Release.objects.filter(
        contract__in=Contract.objects.visible_to(request.user)
    ).order_by("contract_id", "sequence")
    return _json(release_package_for(request, releases), "contracts-releases.json")


@require_GET
def all_records(request):
    contracts = Contract.objects.visible_to(request.user).order_by("pk")
    return _json(record_package_for(request, contracts), "contracts-records.json")


@require_GET
def contract_releases(request, pk: int):
    contract = contract_or_404(request, pk)
    package = release_package_for(request, contract.releases.order_by("sequence"))
    return _json(package, f"{contract.ocid}-releases.json")


@require_GET
def contract_record(request, pk: int):
    contract = contract_or_404(request, pk)
    return _json(record_package_for(request, [contract]), f"{contract.ocid}-record.json")


@require_GET
def one_release(request, pk: int, sequence: int):
    contract = contract_or_404(request, pk)
    release = contract.releases.filter(sequence=sequence).first()
    if release is None:
        raise Http404("This contract has no release with that number.")
    return _json(release_package_for(request, [release]), f"{release.release_id}.json")
