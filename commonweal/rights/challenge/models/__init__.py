from commonweal.rights.challenge.models.catalogue import (
    PeriodUnit,
    ProcurementExercise,
    ProcurementStatus,
    RelevantService,
    SubmissionWindow,
)
from commonweal.rights.challenge.models.expressions import (
    DECIDED,
    OPEN,
    BodyChoice,
    ExpressionOfInterest,
    ExpressionStatus,
    GroundChoice,
    Modification,
    RejectionGround,
    StatusChange,
)

__all__ = [
    "DECIDED",
    "OPEN",
    "BodyChoice",
    "ExpressionOfInterest",
    "ExpressionStatus",
    "GroundChoice",
    "Modification",
    "PeriodUnit",
    "ProcurementExercise",
    "ProcurementStatus",
    "RejectionGround",
    "RelevantService",
    "StatusChange",
    "SubmissionWindow",
]
