from commonweal.rights.transfer.models.register import LandAsset
from commonweal.rights.transfer.models.transfers import (
    DECIDED_REQUESTS,
    OPEN_REQUESTS,
    Criterion,
    OfferStatus,
    RequestParty,
    RequestStatus,
    Score,
    StatusChange,
    Tenure,
    TransferOffer,
    TransferRequest,
)

__all__ = [
    "DECIDED_REQUESTS",
    "OPEN_REQUESTS",
    "Criterion",
    "LandAsset",
    "OfferStatus",
    "RequestParty",
    "RequestStatus",
    "Score",
    "StatusChange",
    "Tenure",
    "TransferOffer",
    "TransferRequest",
]
