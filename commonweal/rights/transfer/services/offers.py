"""The council offers an asset from its register for community asset transfer, publishing
the criteria it will assess requests against."""

import datetime as dt

from django.db import transaction
from django.utils.text import slugify

from commonweal.core import audit
from commonweal.rights.transfer.models import Criterion, TransferOffer
from commonweal.rights.transfer.services.common import TransferError, check, person, today


def _slug(title: str) -> str:
    base = slugify(title)[:200] or "asset"
    slug, number = base, 2
    while slug in {"officer", "register", "offers", "requests"} or (
        TransferOffer.objects.filter(slug=slug).exists()
    ):
        slug, number = f"{base}-{number}", number + 1
    return slug


def offer_asset(
    *,
    actor,
    asset,
    title: str,
    criteria: list[dict],
    description: str = "",
    closes_on: dt.date | None = None,
    is_sample: bool = False,
) -> TransferOffer:
    """Offer the asset, with at least one published criterion (name, weight, max score)."""
    check(actor, "assettransfer.manage_offers", asset.authority)
    title = (title or "").strip() or asset.name
    if closes_on is not None and closes_on < today():
        raise TransferError("The closing date cannot be in the past.", "closes_on")
    cleaned = []
    for index, item in enumerate(criteria or []):
        name = (item.get("name") or "").strip()
        if not name:
            continue
        weight, top = item.get("weight", 1), item.get("max_score", 5)
        if not (isinstance(weight, int) and 1 <= weight <= 10):
            raise TransferError(f"Criterion {index + 1}: give a weight from 1 to 10.", "criteria")
        if not (isinstance(top, int) and 1 <= top <= 100):
            raise TransferError(
                f"Criterion {index + 1}: give a top score from 1 to 100.", "criteria"
            )
        cleaned.append(
            {
                "name": name[:200],
                "description": (item.get("description") or "").strip(),
                "weight": weight,
                "max_score": top,
            }
        )
    if not cleaned:
        raise TransferError(
            "Publish at least one criterion that requests will be assessed against.", "criteria"
        )
    if asset.offers.filter(status="open").exists():
        raise TransferError("This asset is already offered for transfer.", "asset")
    with transaction.atomic():
        offer = TransferOffer.objects.create(
            asset=asset,
            slug=_slug(title),
            title=title[:200],
            description=(description or "").strip(),
            closes_on=closes_on,
            is_sample=is_sample,
            created_by=person(actor),
        )
        Criterion.objects.bulk_create(Criterion(offer=offer, **item) for item in cleaned)
        audit.record(
            "assettransfer.asset_offered",
            actor=actor,
            obj=offer,
            after={"asset": asset.asset_code, "criteria": [c["name"] for c in cleaned]},
        )
    return offer


def add_asset(
    *,
    actor,
    authority,
    asset_code: str,
    name: str,
    longitude: float | None = None,
    latitude: float | None = None,
    is_sample: bool = False,
    **details,
):
    """Add one asset to the register by hand, for a council that has not published its
    register file (the importer is the usual way)."""
    from commonweal.rights.transfer.models import LandAsset

    check(actor, "assettransfer.manage_offers", authority)
    code, name = (asset_code or "").strip(), (name or "").strip()
    if not code or not name:
        raise TransferError("Give the asset's code and name.", "asset_code" if not code else "name")
    if LandAsset.objects.filter(authority=authority, asset_code=code).exists():
        raise TransferError(f"The register already has an asset {code}.", "asset_code")
    if (longitude is None) != (latitude is None):
        raise TransferError("Give both the longitude and the latitude, or neither.", "longitude")
    with transaction.atomic():
        asset = LandAsset.objects.create(
            authority=authority,
            asset_code=code[:60],
            name=name[:300],
            longitude=longitude,
            latitude=latitude,
            coordinate_system="WGS84" if longitude is not None else "",
            is_sample=is_sample,
            **details,
        )
        audit.record(
            "assettransfer.asset_added", actor=actor, obj=asset, after={"asset_code": code}
        )
    return asset
