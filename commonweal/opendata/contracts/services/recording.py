"""Recording, amending and moving contracts on: each change publishes one OCDS release."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from commonweal.core import audit
from commonweal.core.permissions import can
from commonweal.opendata.contracts.models import (
    AWARDED_STATUSES,
    Amendment,
    Contract,
    Release,
    Sector,
    SocialValueCommitment,
    Status,
    SupplierLink,
)
from commonweal.opendata.contracts.ocds import schemas
from commonweal.opendata.contracts.ocds.build import build_release
from commonweal.opendata.contracts.ocds.packages import check
from commonweal.opendata.contracts.services.errors import ContractError
from commonweal.opendata.contracts.services.validation import FIELDS, validate

PUBLIC_SECTOR_KINDS = {"parish_council", "public_provider"}
PRIVATE_KINDS = {"business"}
SCALAR_FIELDS = [f for f in FIELDS if f not in ("suppliers", "areas_served", "commitments")]


def sector_for(organisation) -> str:
    if organisation.kind in PUBLIC_SECTOR_KINDS:
        return Sector.PUBLIC
    if organisation.kind in PRIVATE_KINDS:
        return Sector.PRIVATE
    return Sector.VCS


def _check(actor, permission: str, obj) -> None:
    # actor=None is the system itself (an import or the demo loader), not a person.
    if actor is not None and not can(actor, permission, obj):
        raise PermissionDenied(f"You do not have permission to do this ({permission}).")


def _person(actor):
    return actor if getattr(actor, "is_authenticated", False) else None


def _current(contract: Contract) -> dict:
    values = {name: getattr(contract, name) for name in SCALAR_FIELDS}
    values["suppliers"] = [link.organisation for link in contract.supplier_links.all()]
    values["areas_served"] = list(contract.areas_served.all())
    values["commitments"] = [(c.commitment, c.measure) for c in contract.commitments.all()]
    return values


def summary(contract: Contract) -> dict:
    """What an audit row keeps of a contract: enough to see what changed."""
    return {
        "ocid": contract.ocid,
        "title": contract.title,
        "status": contract.status,
        "value": str(contract.value_amount) if contract.value_amount is not None else None,
        "currency": contract.currency,
        "end_date": contract.end_date.isoformat() if contract.end_date else None,
        "suppliers": [link.organisation_id for link in contract.supplier_links.all()],
    }


def _apply(contract: Contract, values: dict) -> None:
    for name in SCALAR_FIELDS:
        setattr(contract, name, values.get(name))
    contract.save()
    contract.supplier_links.all().delete()
    SupplierLink.objects.bulk_create(
        SupplierLink(contract=contract, organisation=o, sector=sector_for(o))
        for o in dict.fromkeys(values["suppliers"])
    )
    contract.areas_served.set(values.get("areas_served") or [])
    contract.commitments.all().delete()
    SocialValueCommitment.objects.bulk_create(
        SocialValueCommitment(
            contract=contract, position=i, commitment=text.strip(), measure=(measure or "").strip()
        )
        for i, (text, measure) in enumerate(values.get("commitments") or [], start=1)
    )


def _comparable(value):
    """Lists of rows compare by key, so an unchanged list is not reported as a change."""
    if isinstance(value, list | tuple):
        return [getattr(item, "pk", item) for item in value]
    if value == "":
        return None
    return value


def next_release_id(contract: Contract) -> tuple[int, str]:
    sequence = contract.releases.count() + 1
    return sequence, f"{contract.ocid}-{sequence:04d}"


def publish(contract: Contract, *, tags: list[str], actor=None, when=None) -> Release:
    """Build, validate and keep the release that says what the contract is now."""
    sequence, release_id = next_release_id(contract)
    when = when or timezone.now()
    data = build_release(contract, release_id=release_id, date=when, tags=tags)
    check(data, schemas.RELEASE)
    return Release.objects.create(
        contract=contract,
        release_id=release_id,
        sequence=sequence,
        date=when,
        tags=tags,
        status=contract.status,
        data=data,
        made_by=_person(actor),
    )


def first_tags(status: str) -> list[str]:
    if status == Status.PLANNED:
        return ["planning"]
    if status == Status.TENDER:
        return ["tender"]
    if status in (Status.COMPLETE, Status.TERMINATED):
        return ["award", "contract", "contractTermination"]
    return ["award", "contract"]


def status_tags(before: str, after: str) -> list[str]:
    was_awarded = before in AWARDED_STATUSES
    if after == Status.PLANNED:
        return ["planningUpdate"]
    if after == Status.TENDER:
        return ["tenderUpdate"] if before == Status.TENDER or was_awarded else ["tender"]
    if after in (Status.COMPLETE, Status.TERMINATED):
        return ["contractTermination"] if was_awarded else first_tags(after)
    if not was_awarded:
        return ["award", "contract"]
    return ["awardUpdate", "contractUpdate"] if after == Status.AWARDED else ["contractUpdate"]


def amendment_tags(status: str) -> list[str]:
    if status in AWARDED_STATUSES:
        return ["contractAmendment"]
    return ["tenderAmendment"] if status == Status.TENDER else ["planningUpdate"]


@transaction.atomic
def record_contract(*, actor, authority, is_sample: bool = False, **details) -> Contract:
    """Record a contract for a public service and publish its first release."""
    _check(actor, "contracts.add_contract", authority)
    unknown = set(details) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown contract details: {', '.join(sorted(unknown))}")
    values = validate(dict(details), authority)
    contract = Contract(
        authority=authority, ocid="pending", is_sample=is_sample, created_by=_person(actor)
    )
    for name in SCALAR_FIELDS:
        setattr(contract, name, values.get(name))
    contract.save()
    contract.ocid = f"{settings.OCDS_OCID_PREFIX}-{authority.gss_code}-{contract.pk:05d}"
    _apply(contract, values)
    release = publish(contract, tags=first_tags(contract.status), actor=actor)
    audit.record(
        "contracts.recorded",
        actor=actor,
        obj=contract,
        after={**summary(contract), "release": release.release_id},
    )
    return contract


@transaction.atomic
def amend_contract(*, actor, contract: Contract, rationale: str, **changes) -> Contract:
    """Change a contract's terms, with the reason: published as an amendment release."""
    _check(actor, "contracts.change_contract", contract)
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    rationale = (rationale or "").strip()
    if not rationale:
        raise ContractError({"rationale": "Say why the contract is being amended."})
    unknown = set(changes) - set(FIELDS) - {"status"}
    if unknown:
        raise TypeError(f"Unknown contract details: {', '.join(sorted(unknown))}")
    changes.pop("status", None)
    before = summary(contract)
    current = _current(contract)
    changed = sorted(
        name
        for name, value in changes.items()
        if _comparable(value) != _comparable(current.get(name))
    )
    values = validate({**current, **changes}, contract.authority)
    values["status"] = contract.status
    _apply(contract, values)
    now = timezone.now()
    latest = contract.releases.order_by("-sequence").first()
    number = contract.amendments.count() + 1
    _, release_id = next_release_id(contract)
    described = ", ".join(name.replace("_", " ") for name in changed)
    Amendment.objects.create(
        contract=contract,
        number=number,
        stage="contract" if contract.status in AWARDED_STATUSES else "tender",
        date=now,
        rationale=rationale,
        description=f"Changed: {described}." if described else "",
        amends_release_id=latest.release_id if latest else "",
        release_id=release_id,
        made_by=_person(actor),
    )
    release = publish(contract, tags=amendment_tags(contract.status), actor=actor, when=now)
    audit.record(
        "contracts.amended",
        actor=actor,
        obj=contract,
        before=before,
        after={**summary(contract), "release": release.release_id, "rationale": rationale},
    )
    return contract


@transaction.atomic
def change_status(*, actor, contract: Contract, status: str, **details) -> Contract:
    """Move a contract on (tender, awarded, active, complete, ended early)."""
    _check(actor, "contracts.change_contract", contract)
    contract = Contract.objects.select_for_update().get(pk=contract.pk)
    if status == contract.status:
        raise ContractError(
            {"status": f"The contract is already {contract.get_status_display().lower()}."}
        )
    unknown = set(details) - set(FIELDS)
    if unknown:
        raise TypeError(f"Unknown contract details: {', '.join(sorted(unknown))}")
    before = summary(contract)
    previous = contract.status
    values = validate({**_current(contract), **details, "status": status}, contract.authority)
    _apply(contract, values)
    release = publish(contract, tags=status_tags(previous, status), actor=actor)
    audit.record(
        "contracts.status_changed",
        actor=actor,
        obj=contract,
        before=before,
        after={**summary(contract), "release": release.release_id},
    )
    return contract
