"""Neighbourhood planning's records: areas, forums, plans, each with its status history."""

from commonweal.rights.planning.models.areas import (
    AreaStatus,
    AreaStatusChange,
    NeighbourhoodArea,
)
from commonweal.rights.planning.models.forums import (
    ForumStatus,
    ForumStatusChange,
    NeighbourhoodForum,
)
from commonweal.rights.planning.models.plans import (
    Consultee,
    ExaminerRecommendation,
    NeighbourhoodPlan,
    PlanStage,
    PlanStatusChange,
    Referendum,
    ReferendumKind,
)

__all__ = [
    "AreaStatus",
    "AreaStatusChange",
    "Consultee",
    "ExaminerRecommendation",
    "ForumStatus",
    "ForumStatusChange",
    "NeighbourhoodArea",
    "NeighbourhoodForum",
    "NeighbourhoodPlan",
    "PlanStage",
    "PlanStatusChange",
    "Referendum",
    "ReferendumKind",
]
