from django.core.exceptions import PermissionDenied

from commonweal.budgets import phases
from commonweal.budgets.services.errors import PhaseClosed
from commonweal.core.permissions import can

WHAT = {
    phases.PROPOSE: "proposing ideas",
    phases.SUPPORT: "supporting ideas",
    phases.COMMENT: "comments",
    phases.ASSESS: "assessing ideas",
    phases.VOTE: "voting",
    phases.PAPER: "entering paper ballots",
    phases.COUNT: "counting",
    phases.SHOW_RESULTS: "results",
    phases.DELIVER: "recording delivery",
}


def require_phase(process, action: str) -> None:
    if not process.allows(action):
        raise PhaseClosed(
            f"This process is in its {process.phase_label.lower()} phase, which is not open "
            f"for {WHAT[action]}."
        )


def check(actor, permission: str, obj=None) -> None:
    """Refuse unless the actor holds the permission. actor=None is the system itself
    (an importer or the demo loader), not a person."""
    if actor is not None and not can(actor, permission, obj):
        raise PermissionDenied(f"You do not have permission to do this ({permission}).")
