from commonweal.rights.models.disposals import (
    BidderRequest,
    CompensationClaim,
    CompensationOutcome,
    Disposal,
    DisposalNotice,
    DisposalType,
    ExemptionBasis,
)
from commonweal.rights.models.nominations import (
    CaseStatus,
    CaseStatusChange,
    Nomination,
    NominatorKind,
)
from commonweal.rights.models.notices import Notice, NoticeKind, Recipient
from commonweal.rights.models.reviews import AppealOutcome, Review, ReviewOutcome

__all__ = [
    "AppealOutcome",
    "BidderRequest",
    "CaseStatus",
    "CaseStatusChange",
    "CompensationClaim",
    "CompensationOutcome",
    "Disposal",
    "DisposalNotice",
    "DisposalType",
    "ExemptionBasis",
    "Nomination",
    "NominatorKind",
    "Notice",
    "NoticeKind",
    "Recipient",
    "Review",
    "ReviewOutcome",
]
