"""Open data: street crime and council spending."""

from commonweal.opendata.models.crime import CrimeCount, CrimeMonth
from commonweal.opendata.models.spending import (
    Payment,
    PaymentKind,
    Sector,
    ServiceArea,
    Supplier,
)

__all__ = [
    "CrimeCount",
    "CrimeMonth",
    "Payment",
    "PaymentKind",
    "Sector",
    "ServiceArea",
    "Supplier",
]
