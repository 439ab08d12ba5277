"""Writes to contracts: each atomic, attributed and audited, and each publishing a release."""

from commonweal.opendata.contracts.services.errors import ContractError
from commonweal.opendata.contracts.services.recording import (
    amend_contract,
    change_status,
    record_contract,
    sector_for,
)

__all__ = ["ContractError", "amend_contract", "change_status", "record_contract", "sector_for"]
