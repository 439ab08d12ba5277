"""The contracts demo: a few clearly labelled sample contracts for the demo borough.

Real contracts are not held yet, so the demo makes sample ones, through the same services
an officer uses, each named "(sample)" and marked as such. Buyers and suppliers are sample
providers registered (and labelled) the same way; the wards served are real.
"""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from commonweal.opendata.contracts import services
from commonweal.opendata.contracts.models import Contract
from commonweal.places.models import Area, AreaType

SAMPLE = "(sample)"

SUPPLIERS = [
    {"name": f"Calder Valley Youth Trust {SAMPLE}", "kind": "charity"},
    {"name": f"Pennine Community Transport {SAMPLE}", "kind": "cic"},
    {"name": f"Northern Care Services Ltd {SAMPLE}", "kind": "business"},
]


def _supplier(authority, officer, spec):
    from commonweal.directory import services as directory
    from commonweal.directory.models import Organisation

    found = Organisation.records.filter(authority=authority, name=spec["name"]).first()
    if found:
        return found
    organisation = directory.register_organisation(
        actor=officer,
        authority=authority,
        name=spec["name"],
        kind=spec["kind"],
        is_sample=True,
        description="A sample provider made for the demonstration, not a real one.",
    )
    return directory.verify_organisation(actor=officer, organisation=organisation)


def _contracts(authority, suppliers, wards) -> list[dict]:
    youth, transport, care = suppliers
    return [
        {
            "title": f"Detached youth work {SAMPLE}",
            "description": "Youth workers on the streets and in parks five evenings a week.",
            "service": "Youth services",
            "cpv_code": "85312300-2",
            "suppliers": [youth],
            "value_amount": Decimal("240000"),
            "award_date": dt.date(2025, 3, 3),
            "start_date": dt.date(2025, 4, 1),
            "end_date": dt.date(2027, 3, 31),
            "areas_served": wards[:3],
            "route": "open",
            "social_value_weighting": Decimal("20"),
            "commitments": [
                ("Eight apprenticeships for local young people", "apprentices in post"),
                ("Volunteering roles for 30 residents", "volunteers active each quarter"),
            ],
            "status": "active",
        },
        {
            "title": f"Community transport for older residents {SAMPLE}",
            "description": "Door-to-door minibus trips to shops, surgeries and clubs.",
            "service": "Community transport",
            "cpv_code": "60130000-8",
            "suppliers": [transport],
            "value_amount": Decimal("96500"),
            "award_date": dt.date(2025, 6, 2),
            "start_date": dt.date(2025, 7, 1),
            "end_date": dt.date(2026, 6, 30),
            "areas_served": wards[3:6],
            "route": "challenge",
            "challenge_reference": f"RTC-{authority.gss_code}-001",
            "social_value_weighting": Decimal("15"),
            "commitments": [("Drivers recruited from the areas served", "local drivers")],
            "status": "awarded",
        },
        {
            "title": f"Home care in the upper valley {SAMPLE}",
            "description": "Personal care at home for adults assessed as eligible.",
            "service": "Adult social care",
            "cpv_code": "85311000-2",
            "suppliers": [care],
            "value_amount": Decimal("1250000"),
            "award_date": dt.date(2024, 9, 2),
            "start_date": dt.date(2024, 10, 1),
            "end_date": dt.date(2027, 9, 30),
            "areas_served": wards[6:9],
            "route": "restricted",
            "social_value_weighting": Decimal("10"),
            "commitments": [("Carers paid the Real Living Wage", "share of carers paid it")],
            "status": "active",
        },
        {
            "title": f"Library outreach {SAMPLE}",
            "description": "Pop-up libraries in community centres.",
            "service": "Libraries",
            "cpv_code": "92511000-6",
            "value_amount": Decimal("60000"),
            "areas_served": [authority],
            "route": "open",
            "social_value_weighting": Decimal("10"),
            "status": "tender",
        },
    ]


def load_sample_contracts(authority, officer, password: str) -> list[str]:
    if Contract.objects.filter(authority=authority, is_sample=True).exists():
        return []
    wards = list(Area.objects.of_type(AreaType.WARD).in_authority(authority).order_by("name"))
    if len(wards) < 9:
        return [f"No sample contracts: we hold too few wards for {authority.name}."]
    with transaction.atomic():
        suppliers = [_supplier(authority, officer, spec) for spec in SUPPLIERS]
        made = [
            services.record_contract(
                actor=officer, authority=authority, buyer_council=authority, is_sample=True, **spec
            )
            for spec in _contracts(authority, suppliers, wards)
        ]
        services.amend_contract(
            actor=officer,
            contract=made[2],
            rationale="Extended by six months while the service is reviewed (sample).",
            end_date=dt.date(2028, 3, 31),
            value_amount=Decimal("1450000"),
        )
    return [f"Sample contracts: {len(made)} in {authority.name}, with their OCDS releases."]
