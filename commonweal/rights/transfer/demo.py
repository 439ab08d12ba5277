"""Asset transfer's demo: a sample community hall in the borough, offered for transfer with
published criteria. Calderdale publishes no land register file we hold, so the asset is a
labelled sample placed at a real postcode in the borough."""

from django.db import transaction

SAMPLE_CODE = "SAMPLE-0001"
CRITERIA = [
    {
        "name": "Community benefit",
        "description": "Who will use it, and how it will meet local needs.",
        "weight": 3,
        "max_score": 5,
    },
    {
        "name": "Financial sustainability",
        "description": "A business case that covers running, repairs and insurance.",
        "weight": 2,
        "max_score": 5,
    },
    {
        "name": "Governance and capacity",
        "description": "The group's constitution, skills and volunteers.",
        "weight": 1,
        "max_score": 5,
    },
]


def _postcode(authority):
    from commonweal.places.models import Postcode

    return (
        Postcode.objects.filter(authority_code=authority.gss_code, longitude__isnull=False)
        .order_by("postcode")
        .first()
    )


def load_sample_offer(authority, officer, password: str) -> list[str]:
    """Make the sample once for this borough; a second run changes nothing."""
    from commonweal.rights.transfer import services
    from commonweal.rights.transfer.models import LandAsset

    if LandAsset.objects.filter(authority=authority, asset_code=SAMPLE_CODE).exists():
        return []
    postcode = _postcode(authority)
    with transaction.atomic():
        asset = services.add_asset(
            actor=officer,
            authority=authority,
            asset_code=SAMPLE_CODE,
            name="Community hall (sample)",
            postcode=postcode.postcode if postcode else "",
            longitude=postcode.longitude if postcode else None,
            latitude=postcode.latitude if postcode else None,
            tenure_type="Freehold",
            tenure_detail="Vacant",
            holding_type="Land/Buildings",
            is_sample=True,
        )
        offer = services.offer_asset(
            actor=officer,
            asset=asset,
            title="Community hall (sample)",
            description="A sample hall the council would transfer to a community group rather "
            "than close. Made for the demonstration.",
            criteria=CRITERIA,
            is_sample=True,
        )
    return [f"Asset transfer: {offer.title} offered, with {len(CRITERIA)} criteria."]
