"""Who may do what in participatory budgeting (django-rules; anything unlisted is refused).

The object is a Process unless said otherwise. What a phase allows is configuration
(budgets.phases); these rules add who: residents propose, support, comment and vote;
the council's officers (and administrators) run the process; officers and organisers
enter paper ballots from in-person voting.
"""

import rules

from commonweal.accounts.roles import (
    is_administrator,
    is_officer,
    is_officer_for_area,
    is_organiser,
    is_signed_in,
)
from commonweal.budgets import phases


def _process(obj):
    """The Process of a process, pot or idea (each of the latter has a `process`)."""
    return getattr(obj, "process", obj)


def _phase(action: str):
    @rules.predicate(name=f"phase_allows_{action}")
    def predicate(user, obj) -> bool:
        process = _process(obj)
        return process is not None and phases.allows(process, action)

    return predicate


@rules.predicate
def officer_here(user, obj) -> bool:
    process = _process(obj)
    if process is None:
        return False
    if process.authority_id is None:
        return is_officer(user)
    return is_officer_for_area(user, process.authority)


@rules.predicate
def results_public(user, obj) -> bool:
    process = _process(obj)
    return process is not None and phases.allows(process, phases.SHOW_RESULTS)


staff = officer_here | is_administrator

rules.add_perm("budgets.view_process", rules.always_allow)
rules.add_perm("budgets.add_process", is_signed_in & (is_officer | is_administrator))
rules.add_perm("budgets.change_process", is_signed_in & staff)
rules.add_perm("budgets.advance_phase", is_signed_in & staff)
rules.add_perm("budgets.propose_idea", is_signed_in & _phase(phases.PROPOSE))
rules.add_perm("budgets.support_idea", is_signed_in & _phase(phases.SUPPORT))
rules.add_perm("budgets.comment_idea", is_signed_in & _phase(phases.COMMENT))
rules.add_perm("budgets.assess_idea", is_signed_in & staff & _phase(phases.ASSESS))
rules.add_perm("budgets.vote", is_signed_in & _phase(phases.VOTE))
rules.add_perm(
    "budgets.enter_paper_ballot",
    is_signed_in & (staff | is_organiser) & _phase(phases.PAPER),
)
rules.add_perm("budgets.view_tallies", is_signed_in & (staff | is_organiser))
rules.add_perm("budgets.count", is_signed_in & staff & _phase(phases.COUNT))
rules.add_perm("budgets.view_results", results_public | (is_signed_in & staff))
rules.add_perm("budgets.record_delivery", is_signed_in & staff & _phase(phases.DELIVER))
