from commonweal.opendata.feedback.models.catalogue import (
    Provider,
    Responsibility,
    Sector,
    Service,
)
from commonweal.opendata.feedback.models.reports import (
    Actor,
    Report,
    ReportKind,
    StatusChange,
    Supporter,
)

__all__ = [
    "Actor",
    "Provider",
    "Report",
    "ReportKind",
    "Responsibility",
    "Sector",
    "Service",
    "StatusChange",
    "Supporter",
]
