"""Open data: street crime and council spending."""

from commonweal.opendata.models.crime import CrimeCount, StreetCrime
from commonweal.opendata.models.spending import (
    Payment,
    PaymentKind,
    Sector,
    ServiceArea,
    Supplier,
)

__all__ = [
    "CrimeCount",
    "Payment",
    "PaymentKind",
    "Sector",
    "ServiceArea",
    "StreetCrime",
    "Supplier",
]
