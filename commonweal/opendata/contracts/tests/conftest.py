import datetime as dt
from decimal import Decimal

import pytest

from commonweal.directory.models import Organisation
from commonweal.opendata.contracts import services
from commonweal.places.models import Area, AreaType


def organisation(authority, name: str, kind: str = "charity", **extra) -> Organisation:
    from django.utils.text import slugify

    return Organisation.records.create(
        name=name, slug=slugify(name), kind=kind, authority=authority, status="verified", **extra
    )


@pytest.fixture
def supplier(calderdale):
    return organisation(calderdale, "Calder Youth Trust", charity_number="1123456")


@pytest.fixture
def company(calderdale):
    return organisation(calderdale, "Pennine Care Ltd", kind="business", company_number="01234567")


@pytest.fixture
def wards(calderdale):
    return list(
        Area.objects.of_type(AreaType.WARD).in_authority(calderdale).order_by("gss_code")[:2]
    )


@pytest.fixture
def details(calderdale, supplier, wards):
    return {
        "title": "Youth work in Park and Town",
        "description": "Detached youth work five evenings a week.",
        "service": "Youth services",
        "cpv_code": "85312300-2",
        "buyer_council": calderdale,
        "suppliers": [supplier],
        "value_amount": Decimal("250000.00"),
        "currency": "GBP",
        "award_date": dt.date(2025, 3, 1),
        "start_date": dt.date(2025, 4, 1),
        "end_date": dt.date(2027, 3, 31),
        "areas_served": wards,
        "route": "open",
        "social_value_weighting": Decimal("10"),
        "commitments": [
            ("Ten local apprenticeships", "Apprentices employed"),
            ("Volunteering", ""),
        ],
        "status": "awarded",
    }


@pytest.fixture
def contract(officer, calderdale, details):
    return services.record_contract(actor=officer, authority=calderdale, **details)
