"""Writes for the right to bid: each atomic, attributed and audited."""

from commonweal.rights.services.compensation import decide_claim, record_claim
from commonweal.rights.services.decisions import decide, remove_from_list
from commonweal.rights.services.disposals import (
    assess,
    assess_disposal,
    record_bidder_request,
    record_disposal,
    record_disposal_notice,
)
from commonweal.rights.services.errors import NominationRefused, RightsError
from commonweal.rights.services.nominations import link_owner, submit_nomination
from commonweal.rights.services.reviews import (
    decide_appeal,
    decide_review,
    record_appeal,
    request_review,
)

__all__ = [
    "NominationRefused",
    "RightsError",
    "assess",
    "assess_disposal",
    "decide",
    "decide_appeal",
    "decide_claim",
    "decide_review",
    "link_owner",
    "record_appeal",
    "record_bidder_request",
    "record_claim",
    "record_disposal",
    "record_disposal_notice",
    "remove_from_list",
    "request_review",
    "submit_nomination",
]
