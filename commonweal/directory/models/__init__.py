from commonweal.directory.models.conduct import CodeOfConduct, ConductAcceptance
from commonweal.directory.models.links import Consortium, ConsortiumMember, OrganisationLink
from commonweal.directory.models.organisations import (
    NEIGHBOURHOOD_KINDS,
    Activity,
    ClassificationChoice,
    LegalForm,
    Organisation,
    OrganisationKind,
    StatusChange,
    VerificationStatus,
)
from commonweal.directory.models.people import GroupRole, LeaderContact, Membership
from commonweal.directory.models.taxonomy import InterestTag

__all__ = [
    "NEIGHBOURHOOD_KINDS",
    "Activity",
    "ClassificationChoice",
    "CodeOfConduct",
    "ConductAcceptance",
    "Consortium",
    "ConsortiumMember",
    "GroupRole",
    "InterestTag",
    "LeaderContact",
    "LegalForm",
    "Membership",
    "Organisation",
    "OrganisationKind",
    "OrganisationLink",
    "StatusChange",
    "VerificationStatus",
]
