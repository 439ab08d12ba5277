"""The right to challenge's write operations. Each is atomic, takes a keyword-only actor
and writes an audit row in its own transaction."""

from commonweal.rights.challenge.services.catalogue import (
    create_service,
    publish_window,
    set_timetable,
)
from commonweal.rights.challenge.services.decisions import (
    accept,
    answer_modification,
    notify_timetable,
    propose_modification,
    reject,
    start_procurement,
    withdraw,
)
from commonweal.rights.challenge.services.errors import ChallengeError, ChallengeInvalid
from commonweal.rights.challenge.services.expressions import submit_expression

__all__ = [
    "ChallengeError",
    "ChallengeInvalid",
    "accept",
    "answer_modification",
    "create_service",
    "notify_timetable",
    "propose_modification",
    "publish_window",
    "reject",
    "set_timetable",
    "start_procurement",
    "submit_expression",
    "withdraw",
]
