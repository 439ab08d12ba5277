"""Community asset transfer's write operations: atomic, a keyword-only actor, an audit row."""

from commonweal.rights.transfer.services.common import TransferError
from commonweal.rights.transfer.services.offers import add_asset, offer_asset
from commonweal.rights.transfer.services.requests import (
    approve,
    complete_joint_request,
    invite_joint_bid,
    needs_consent,
    refuse,
    score_request,
    submit_request,
    withdraw_request,
)

__all__ = [
    "TransferError",
    "add_asset",
    "approve",
    "complete_joint_request",
    "invite_joint_bid",
    "needs_consent",
    "offer_asset",
    "refuse",
    "score_request",
    "submit_request",
    "withdraw_request",
]
